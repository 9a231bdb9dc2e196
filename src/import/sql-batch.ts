import type { SqlExecutor } from '../data/sql/driver.js';

/** Rows per statement: well under both dialects' parameter limits for our tables. */
const ROWS_PER_STATEMENT = 200;

/**
 * Inserts rows with multi-row `INSERT … VALUES (…), (…) <tail>` statements (the tail being
 * an `ON CONFLICT …` clause, valid on SQLite and PostgreSQL alike): thousands of unit rows
 * take a few dozen statements instead of one round trip each.
 */
export async function insertRows(tx: SqlExecutor, table: string, columns: readonly string[], rows: readonly unknown[][], tail = ''): Promise<void> {
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')} ${tail}`, chunk.flat());
  }
}

/**
 * `ON CONFLICT (key) DO UPDATE SET c = excluded.c, …` for the given columns; `where` names
 * the condition of a partial unique index ("code IS NOT NULL").
 */
export function upsertTail(key: readonly string[], columns: readonly string[], where?: string): string {
  return `ON CONFLICT (${key.join(', ')})${where ? ` WHERE ${where}` : ''} DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
}
