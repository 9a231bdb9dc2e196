/**
 * A thin, dialect-neutral SQL driver for the paths where Prisma's per-row work is too slow
 * (bulk dossier writes, the figure queries). Everything else goes through Prisma.
 *
 * SQL is written once with `?` placeholders; the PostgreSQL driver numbers them. Dates are
 * passed as `Date` and come back as whatever the dialect stores (use `toDate`), counts may
 * come back as strings or bigints on PostgreSQL (use `toNumber`).
 */
export type Dialect = 'sqlite' | 'postgres';

export interface SqlExecutor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: all of it or none of it.
   * On SQLite the whole transaction holds the single writer lock; keep `fn` short and do
   * no I/O in it other than `tx` calls.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Converts a COUNT/SUM result (number, bigint or numeric string) to a number. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Number(v);
  return 0;
}

/** Converts a stored timestamp (epoch ms on SQLite, Date on PostgreSQL) to a Date. */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return new Date(Number(v));
  if (typeof v === 'string') return new Date(/^\d+$/.test(v) ? Number(v) : v);
  throw new TypeError(`not a timestamp: ${String(v)}`);
}

/** Like toDate, for nullable columns. */
export function toDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : toDate(v);
}
