import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor } from './driver.js';

/** Opens (creating it if needed) an SQLite database file for raw SQL access. */
export function openSqliteDriver(file: string): SqliteDriver {
  // timeout 0: a busy database is retried asynchronously below instead of blocking the
  // whole event loop in SQLite's busy handler (Prisma's own connection shares the file).
  const db = new Database(file, { timeout: 0 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return new SqliteDriver(db);
}

const BUSY_RETRY_MS = [5, 10, 25, 50, 100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000];

function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p instanceof Date ? p.getTime() : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/**
 * better-sqlite3 behind the async SqlDriver interface. Statements are synchronous, so a
 * transaction never interleaves with other statements on this connection as long as its
 * body only awaits `tx` calls; a simple queue keeps other callers out meanwhile.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Runs `work` now, retrying later while another connection holds the write lock. */
  private async withRetry<T>(work: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return work();
      } catch (err) {
        const wait = BUSY_RETRY_MS[attempt];
        if (!isBusy(err) || wait === undefined) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private direct: SqlExecutor = {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      this.withRetry(() => this.prepare(sql).all(...bind(params)) as T[]),
    get: async <T>(sql: string, params: readonly unknown[] = []) =>
      this.withRetry(() => this.prepare(sql).get(...bind(params)) as T | undefined),
    run: async (sql: string, params: readonly unknown[] = []) =>
      this.withRetry(() => this.prepare(sql).run(...bind(params)).changes),
  };

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.serial(() => this.direct.all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.serial(() => this.direct.get<T>(sql, params));
  }
  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.serial(() => this.direct.run(sql, params));
  }
  exec(script: string): Promise<void> {
    return this.serial(() => this.withRetry(() => void this.db.exec(script)));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      await this.withRetry(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  /**
   * Runs `fn` synchronously inside one transaction: the fast path for bulk writes, where
   * awaiting per row would cost more than the insert itself.
   */
  transactionSync<T>(fn: (db: Database.Database, prepare: (sql: string) => Database.Statement) => T): Promise<T> {
    return this.serial(() =>
      this.withRetry(() => this.db.transaction(() => fn(this.db, (sql) => this.prepare(sql))).immediate()),
    );
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
