import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './driver.js';

const TIMESTAMP_OID = 1114;

/** Numbers `?` placeholders as `$1, $2, …` (our SQL has no `?` inside string literals). */
function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function bind(params: readonly unknown[]): unknown[] {
  // timestamp(3) columns hold UTC wall time (as Prisma writes them); an ISO string with
  // 'Z' is stored as that wall time, whereas a Date would be sent in the local zone.
  return params.map((p) => (p instanceof Date ? p.toISOString() : p));
}

/** node-postgres behind the SqlDriver interface, with its own pool. */
export class PgDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;

  constructor(readonly pool: pg.Pool) {}

  /** A pool of `max` connections (4 for the bot's queries; 1 for the cluster's heartbeat and leases). */
  static open(connectionString: string, schema?: string, max = 4): PgDriver {
    const pool = new pg.Pool({
      connectionString,
      max,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === TIMESTAMP_OID
            ? (s: string) => new Date(`${s.replace(' ', 'T')}Z`)
            : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => undefined);
    return new PgDriver(pool);
  }

  private executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
    return {
      all: async <T>(sql: string, params: readonly unknown[] = []) =>
        (await client.query(numberPlaceholders(sql), bind(params))).rows as T[],
      get: async <T>(sql: string, params: readonly unknown[] = []) =>
        (await client.query(numberPlaceholders(sql), bind(params))).rows[0] as T | undefined,
      run: async (sql: string, params: readonly unknown[] = []) =>
        (await client.query(numberPlaceholders(sql), bind(params))).rowCount ?? 0,
    };
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.executor(this.pool).all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.executor(this.pool).get<T>(sql, params);
  }
  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.executor(this.pool).run(sql, params);
  }
  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(this.executor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
