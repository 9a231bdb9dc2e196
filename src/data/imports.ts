import { hostname } from 'node:os';
import { audit } from '../access/audit.js';
import { maskPersonalData } from '../privacy/personal-data.js';
import { toDate, toDateOrNull, toNumber } from './sql/driver.js';
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

/** The process that runs a load: its host and process id. */
export interface RunOwner {
  host: string;
  pid: number;
}

/** This process as the owner of the loads it runs. */
export function thisProcess(): RunOwner {
  return { host: hostname(), pid: process.pid };
}

/**
 * Records the start of a load; returns its id (dossiers written by it carry the id). The
 * source (a file name) is stored with any personal data in it masked, and the run records
 * the process that runs it, so a run left behind by a dead process can be told apart.
 * Raw SQL, as in meta.ts: the import CLI never needs Prisma's query compiler.
 */
export async function startImportRun(store: Store, kind: ImportKind, source: string, now: Date = new Date(), owner: RunOwner = thisProcess()): Promise<number> {
  const row = await store.sql.get<{ id: unknown }>(
    "INSERT INTO import_run (kind, source, started_at, status, owner) VALUES (?, ?, ?, 'running', ?) RETURNING id",
    [kind, maskPersonalData(source).text, now, `${owner.host}:${owner.pid}`],
  );
  return toNumber(row!.id);
}

/** A run on another host with no end after this long is taken as dead (no load runs for a day). */
const FOREIGN_RUN_MAX_MS = 24 * 3_600_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks as interrupted the loads still "running" whose process is gone: on this host, a
 * process id that no longer exists; on another host (which cannot be asked), a run started
 * more than a day ago; a run without an owner (recorded before owners were). Called when
 * the bot or the import command starts; returns how many were marked.
 */
export async function markInterruptedImports(store: Store, now: Date = new Date(), here: { host: string } = thisProcess()): Promise<number> {
  const running = await store.sql.all<{ id: unknown; kind: string; owner: string | null; started_at: unknown }>(
    "SELECT id, kind, owner, started_at FROM import_run WHERE status = 'running'",
  );
  let marked = 0;
  for (const r of running) {
    const at = r.owner?.lastIndexOf(':') ?? -1;
    const host = at > 0 ? r.owner!.slice(0, at) : null;
    const pid = at > 0 ? Number(r.owner!.slice(at + 1)) : NaN;
    const dead =
      host === null || !Number.isInteger(pid)
        ? true
        : host === here.host
          ? !processAlive(pid)
          : now.getTime() - toDate(r.started_at).getTime() > FOREIGN_RUN_MAX_MS;
    if (!dead) continue;
    const id = toNumber(r.id);
    const done = await store.sql.get<{ id: unknown }>("UPDATE import_run SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running' RETURNING id", [now, id]);
    if (!done) continue;
    marked++;
    await audit(store, { at: now, actor: `import:${r.kind}`, action: 'import', detail: `${r.kind} #${id} interrupted (${r.owner ?? 'no owner'})` });
  }
  return marked;
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
