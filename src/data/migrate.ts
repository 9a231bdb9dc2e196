import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDriver } from './sql/driver.js';
import { toNumber } from './sql/driver.js';

/** Where each dialect's versioned migrations live (prisma/<dialect>/migrations/NNN_name.sql). */
function migrationsDir(dialect: SqlDriver['dialect']): string {
  return join(import.meta.dirname, '..', '..', 'prisma', dialect, 'migrations');
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Lists the migration files of a dialect in version order. */
export function listMigrations(dialect: SqlDriver['dialect']): Migration[] {
  const dir = migrationsDir(dialect);
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, and records them.
 * Prisma's `migrate` CLI needs a native engine downloaded from outside the npm registry,
 * so the store migrates itself at start from versioned SQL files.
 * Returns the versions applied now.
 */
export async function migrate(sql: SqlDriver): Promise<number[]> {
  await sql.exec(
    'CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (await sql.all<{ version: unknown }>('SELECT version FROM schema_migration')).map((r) => toNumber(r.version)),
  );
  const done: number[] = [];
  for (const m of listMigrations(sql.dialect)) {
    if (applied.has(m.version)) continue;
    if (sql.dialect === 'postgres') {
      // Two instances starting at once: the advisory lock lets one migrate, the other wait.
      await sql.transaction(async (tx) => {
        await tx.get('SELECT pg_advisory_xact_lock(4242)');
        const again = await tx.get('SELECT version FROM schema_migration WHERE version = ?', [m.version]);
        if (again) return;
        for (const statement of splitStatements(m.sql)) await tx.run(statement);
        await tx.run('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        done.push(m.version);
      });
    } else {
      await sql.exec(
        `BEGIN IMMEDIATE;\n${m.sql}\nINSERT INTO schema_migration (version, name, applied_at) VALUES (${m.version}, '${m.name}', '${new Date().toISOString()}');\nCOMMIT;`,
      ).catch(async (err) => {
        await sql.exec('ROLLBACK').catch(() => undefined);
        throw err;
      });
      done.push(m.version);
    }
  }
  return done;
}

/** Splits a migration script on statement-ending semicolons (no procedural code in ours). */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
