import { audit } from '../access/audit.js';
import type { Store } from './store.js';

/** Counts reported at the end of every load into the store. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** The kinds of load the store records (shown by /capnhat). */
export type ImportKind = 'demo' | 'units' | 'old-units' | 'dossiers' | 'figures' | 'holidays' | 'push';

/** Records the start of a load; returns its id (dossiers written by it carry the id). */
export async function startImportRun(store: Store, kind: ImportKind, source: string, now: Date = new Date()): Promise<number> {
  const run = await store.prisma.importRun.create({ data: { kind, source, startedAt: now } });
  return run.id;
}

/** Records how a load ended. */
export async function finishImportRun(
  store: Store,
  id: number,
  counts: ImportCounts,
  now: Date = new Date(),
  status: 'done' | 'failed' = 'done',
): Promise<void> {
  const run = await store.prisma.importRun.update({ where: { id }, data: { ...counts, finishedAt: now, status } });
  await audit(store, {
    at: now,
    actor: `import:${run.kind}`,
    action: 'import',
    detail: `${run.kind} #${id} ${status}: +${counts.inserted} ~${counts.updated} =${counts.unchanged} ✗${counts.rejected}`,
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
  const run = await store.prisma.importRun.findFirst({
    where: { finishedAt: { not: null }, status: 'done', kind: { in: ['demo', 'dossiers', 'figures', 'push'] } },
    orderBy: { finishedAt: 'desc' },
    select: { finishedAt: true },
  });
  return run?.finishedAt ?? null;
}
