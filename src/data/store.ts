import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqlitePrismaClient } from '../generated/prisma-sqlite/client.js';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-postgres/client.js';
import { migrate } from './migrate.js';
import type { Dialect, SqlDriver } from './sql/driver.js';
import { PgDriver } from './sql/pg-driver.js';
import { openSqliteDriver } from './sql/sqlite-driver.js';

/**
 * The Prisma client type the data modules are written against. Both generated clients
 * come from the same models (prisma/models/*.prisma), so their model APIs are identical;
 * only the provider differs.
 */
export type Prisma = SqlitePrismaClient;

/** The open store: Prisma for ordinary access, a raw SQL driver for the hot paths. */
export interface Store {
  readonly dialect: Dialect;
  readonly prisma: Prisma;
  readonly sql: SqlDriver;
  /**
   * The connection of the cluster's own bookkeeping (heartbeats, leases): on PostgreSQL a
   * connection of its own, so that a busy instance still says it is alive; on SQLite the
   * one connection there is.
   */
  readonly control: SqlDriver;
  /** Where the data lives, with any password removed (for logs and /capnhat). */
  readonly location: string;
  close(): Promise<void>;
}

export type StoreLocation =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema?: string };

export const DEFAULT_DATABASE_URL = 'file:./data/haicap.db';

/**
 * Reads DATABASE_URL: `postgres://…`/`postgresql://…` (optional `?schema=name`) selects
 * PostgreSQL; `file:path`, `sqlite:path` or a bare path selects the embedded SQLite file.
 */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? undefined;
    u.searchParams.delete('schema');
    return { dialect: 'postgres', url: u.toString(), ...(schema ? { schema } : {}) };
  }
  const path = url.replace(/^(file|sqlite):(\/\/)?/i, '');
  if (path === '' || path === ':memory:') throw new Error('DATABASE_URL must name a file or a PostgreSQL server');
  return { dialect: 'sqlite', file: resolve(cwd, path) };
}

/** Describes a location without secrets. */
export function describeLocation(loc: StoreLocation): string {
  if (loc.dialect === 'sqlite') return loc.file;
  const u = new URL(loc.url);
  u.password = '';
  return `${u.toString()}${loc.schema ? ` (schema ${loc.schema})` : ''}`;
}

/** Opens the store, creating the database file and applying pending migrations. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.dialect === 'sqlite') {
    mkdirSync(dirname(location.file), { recursive: true });
    const sql = openSqliteDriver(location.file);
    await migrate(sql);
    const adapter = new PrismaBetterSqlite3({ url: location.file }, { timestampFormat: 'unixepoch-ms' });
    const prisma = new SqlitePrismaClient({ adapter });
    return makeStore('sqlite', prisma, sql, sql, describeLocation(location));
  }
  const sql = PgDriver.open(location.url, location.schema);
  if (location.schema) await sql.exec(`CREATE SCHEMA IF NOT EXISTS "${location.schema.replace(/"/g, '')}"`);
  await migrate(sql);
  const adapter = new PrismaPg({ connectionString: location.url, max: 4 }, location.schema ? { schema: location.schema } : undefined);
  const prisma = new PostgresPrismaClient({ adapter }) as unknown as Prisma;
  return makeStore('postgres', prisma, sql, PgDriver.open(location.url, location.schema, 1), describeLocation(location));
}

function makeStore(dialect: Dialect, prisma: Prisma, sql: SqlDriver, control: SqlDriver, location: string): Store {
  return {
    dialect,
    prisma,
    sql,
    control,
    location,
    async close() {
      await prisma.$disconnect();
      await sql.close();
      if (control !== sql) await control.close();
    },
  };
}
