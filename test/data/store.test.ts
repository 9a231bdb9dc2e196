import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate, splitStatements } from '../../src/data/migrate.js';
import { parseDatabaseUrl, describeLocation } from '../../src/data/store.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

describe('parseDatabaseUrl', () => {
  it('selects SQLite for files and PostgreSQL for postgres URLs', () => {
    expect(parseDatabaseUrl('file:./data/haicap.db', '/srv/bot')).toEqual({ dialect: 'sqlite', file: '/srv/bot/data/haicap.db' });
    expect(parseDatabaseUrl('./x.db', '/srv')).toEqual({ dialect: 'sqlite', file: '/srv/x.db' });
    expect(parseDatabaseUrl('postgresql://u:secret@db:5432/haicap?schema=bot')).toEqual({
      dialect: 'postgres',
      url: 'postgresql://u:secret@db:5432/haicap',
      schema: 'bot',
    });
    expect(() => parseDatabaseUrl(':memory:')).toThrow();
  });
  it('never shows a password', () => {
    expect(describeLocation(parseDatabaseUrl('postgres://u:secret@db/haicap'))).not.toContain('secret');
  });
});

describe(`store (${TEST_DIALECT})`, () => {
  it('is migrated on open and migrating again does nothing', async () => {
    const applied = await store.sql.all<{ version: unknown }>('SELECT version FROM schema_migration ORDER BY version');
    expect(applied.map((r) => Number(r.version))).toEqual(listMigrations(store.dialect).map((m) => m.version));
    expect(await migrate(store.sql)).toEqual([]);
  });

  it('has a table and every column for every Prisma model (the SQL migrations keep step with the models)', async () => {
    const p = store.prisma as unknown as Record<string, { findFirst: () => Promise<unknown> }>;
    const models = Object.keys(p).filter((k) => !k.startsWith('$') && !k.startsWith('_') && typeof p[k]?.findFirst === 'function');
    expect(models.length).toBeGreaterThan(10);
    for (const m of models) await expect(p[m]!.findFirst(), m).resolves.not.toThrow;
    for (const m of models) await p[m]!.findFirst();
  });

  it('keeps the same migrations for both dialects', () => {
    expect(listMigrations('sqlite').map((m) => m.name)).toEqual(listMigrations('postgres').map((m) => m.name));
  });

  it('splits migration scripts into statements without comments', () => {
    expect(splitStatements('-- note\nCREATE TABLE a (x INT);\n\nCREATE INDEX b ON a(x);\n')).toEqual(['CREATE TABLE a (x INT)', 'CREATE INDEX b ON a(x)']);
  });
});
