/**
 * Migration 016 on a store that already holds old units: SQLite rebuilds former_unit to
 * drop its one-entry-per-name key, keeping every row and id; afterwards two old units of
 * one name live side by side in one new unit, and an old code appears once per new unit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../../src/data/migrate.js';
import { openSqliteDriver } from '../../src/data/sql/sqlite-driver.js';
import { openStore } from '../../src/data/store.js';
import { TEST_DIALECT } from '../helpers/store.js';

const dir = mkdtempSync(join(tmpdir(), 'haicap-016-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if (TEST_DIALECT !== 'sqlite') console.log('former_unit migration test skipped on PostgreSQL: it rebuilds a table only on SQLite');

describe.skipIf(TEST_DIALECT !== 'sqlite')('migration 016 on an SQLite store with old units', () => {
  it('keeps every former unit and its id, then stores two old units of one name in one new unit', async () => {
    const file = join(dir, 'before-016.db');
    const before = openSqliteDriver(file);
    await before.exec('CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of listMigrations('sqlite').filter((x) => x.version < 16)) {
      await before.exec(`BEGIN IMMEDIATE;\n${m.sql}\nINSERT INTO schema_migration (version, name, applied_at) VALUES (${m.version}, '${m.name}', 'x');\nCOMMIT;`);
    }
    await before.exec("INSERT INTO province (code, name, type) VALUES ('01', 'Hà Nội', 'thành phố')");
    await before.exec("INSERT INTO commune (code, name, type, province_id) VALUES ('00541', 'Phù Đổng', 'xa', 1)");
    await before.exec(
      "INSERT INTO former_unit (id, commune_id, code, name, type, district, share) VALUES (7, 1, '00526', 'Yên Viên', 'thi_tran', 'Huyện Gia Lâm', 'toàn bộ'), (9, 1, NULL, 'Ninh Hiệp', 'xa', NULL, 'toàn bộ')",
    );
    // The key before 016: one entry per name.
    await expect(before.exec("INSERT INTO former_unit (commune_id, code, name, type) VALUES (1, '00532', 'Yên Viên', 'xa')")).rejects.toThrow(/UNIQUE/);
    await before.close();

    const store = await openStore({ dialect: 'sqlite', file });
    try {
      expect(await store.sql.all('SELECT id, code, name, type, district, share FROM former_unit ORDER BY id')).toEqual([
        { id: 7, code: '00526', name: 'Yên Viên', type: 'thi_tran', district: 'Huyện Gia Lâm', share: 'toàn bộ' },
        { id: 9, code: null, name: 'Ninh Hiệp', type: 'xa', district: null, share: 'toàn bộ' },
      ]);
      await store.sql.run("INSERT INTO former_unit (commune_id, code, name, type) VALUES (1, '00532', 'Yên Viên', 'xa')");
      expect(await store.sql.get('SELECT COUNT(*) AS n FROM former_unit WHERE name = ?', ['Yên Viên'])).toEqual({ n: 2 });
      await expect(store.sql.run("INSERT INTO former_unit (commune_id, code, name) VALUES (1, '00532', 'Khác')")).rejects.toThrow(/UNIQUE/);
      await expect(store.sql.run("INSERT INTO former_unit (commune_id, code, name) VALUES (1, NULL, 'Ninh Hiệp')")).rejects.toThrow(/UNIQUE/);
      // Still removed with its commune.
      await store.sql.run('DELETE FROM commune');
      expect(await store.sql.get('SELECT COUNT(*) AS n FROM former_unit')).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });
});
