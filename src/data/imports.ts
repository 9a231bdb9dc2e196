import { audit } from '../access/audit.js';
import { toDateOrNull, toNumber } from './sql/driver.js';
import type { Store } from './store.js';

/** Counts reported at the end of every load into the store. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** The kinds of load the store records (shown by /capnhat). */
export type ImportKind = 'demo' | 'units' | 'old-units' | 'dossiers' | 'figures' | 'holidays' | 'departments' | 'push';

/**
 * Records the start of a load; returns its id (dossiers written by it carry the id).
 * Raw SQL, as in meta.ts: the import CLI never needs Prisma's query compiler.
 */
export async function startImportRun(store: Store, kind: ImportKind, source: string, now: Date = new Date()): Promise<number> {
  const row = await store.sql.get<{ id: unknown }>(
    "INSERT INTO import_run (kind, source, started_at, status) VALUES (?, ?, ?, 'running') RETURNING id",
    [kind, source, now],
  );
  return toNumber(row!.id);
}

/** Records how a load ended. */
export async function finishImportRun(
  store: Store,
  id: number,
  counts: ImportCounts,
  now: Date = new Date(),
  status: 'done' | 'failed' = 'done',
): Promise<void> {
  const run = await store.sql.get<{ kind: string }>(
    'UPDATE import_run SET inserted = ?, updated = ?, unchanged = ?, rejected = ?, finished_at = ?, status = ? WHERE id = ? RETURNING kind',
    [counts.inserted, counts.updated, counts.unchanged, counts.rejected, now, status, id],
  );
  const kind = run?.kind ?? '?';
  await audit(store, {
    at: now,
    actor: `import:${kind}`,
    action: 'import',
    detail: `${kind} #${id} ${status}: +${counts.inserted} ~${counts.updated} =${counts.unchanged} ✗${counts.rejected}`,
  });
}

/** A finished load, newest first. */
export interface ImportRunView extends ImportCounts {
  id: number;
  kind: string;
  source: string;
  startedAt: Date;
  finishedAt: Date | null;
  status: string;
}

/** The latest finished loads. */
export async function latestImports(store: Store, limit = 5): Promise<ImportRunView[]> {
  return store.prisma.importRun.findMany({
    where: { finishedAt: { not: null } },
    orderBy: { finishedAt: 'desc' },
    take: limit,
  });
}

/**
 * When the figures were last brought up to date: the end of the latest finished load that
 * carries figures (everything but the unit lists and the calendar). Null for an empty store.
 */
export async function dataUpdatedAt(store: Store): Promise<Date | null> {
  // Raw SQL: asked by every reply with figures.
  const row = await store.sql.get<{ at: unknown }>(
    "SELECT MAX(finished_at) AS at FROM import_run WHERE status = 'done' AND kind IN ('demo', 'dossiers', 'figures', 'push')",
  );
  return toDateOrNull(row?.at);
}
