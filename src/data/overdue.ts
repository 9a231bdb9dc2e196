import { ACTIVE_STATUSES } from '../domain/dossier.js';
import { toDate, toNumber } from './sql/driver.js';
import type { Store } from './store.js';

/** An overdue dossier as lists show it: codes and dates only. */
export interface OverdueDossier {
  code: string;
  communeId: number;
  sectorId: number | null;
  receivedAt: Date;
  dueAt: Date;
}

/** Most rows one overdue list reads; lists are paginated in memory after that. */
export const MAX_OVERDUE_ROWS = 20_000;

/**
 * Dossiers in progress and past their due date at `at`, in the given communes (and sectors,
 * when given), oldest due date first. Same rule as overdueByCommune: live moments skip
 * paused dossiers; past moments count what was open then.
 */
export async function overdueDossiers(
  store: Store,
  communeIds: readonly number[],
  sectorIds: readonly number[] | null,
  at: Date,
  live: boolean,
): Promise<OverdueDossier[]> {
  if (communeIds.length === 0 || (sectorIds && sectorIds.length === 0)) return [];
  const communes = communeIds.map(() => '?').join(',');
  const sectors = sectorIds ? ` AND sector_id IN (${sectorIds.map(() => '?').join(',')})` : '';
  const params: unknown[] = live ? [at, ...communeIds] : [...communeIds, at, at];
  if (sectorIds) params.push(...sectorIds);
  const where = live
    ? `closed_at IS NULL AND due_at < ? AND commune_id IN (${communes}) AND status IN (${ACTIVE_STATUSES.join(',')})`
    : `(closed_at IS NULL OR closed_at > due_at) AND commune_id IN (${communes}) AND due_at < ? AND (closed_at IS NULL OR closed_at > ?)`;
  const rows = await store.sql.all<Record<string, unknown>>(
    `SELECT code, commune_id, sector_id, received_at, due_at FROM dossier WHERE ${where}${sectors} ORDER BY due_at, code LIMIT ${MAX_OVERDUE_ROWS}`,
    params,
  );
  return rows.map((r) => ({
    code: String(r.code),
    communeId: toNumber(r.commune_id),
    sectorId: r.sector_id === null ? null : toNumber(r.sector_id),
    receivedAt: toDate(r.received_at),
    dueAt: toDate(r.due_at),
  }));
}

/** Open, unpaused dossiers due from `from` up to `until` (not yet overdue), per commune. */
export async function dueSoonByCommune(store: Store, communeIds: readonly number[], from: Date, until: Date): Promise<Map<number, number>> {
  const result = new Map<number, number>(communeIds.map((id) => [id, 0]));
  if (communeIds.length === 0) return result;
  const rows = await store.sql.all<{ commune_id: unknown; n: unknown }>(
    `SELECT commune_id, COUNT(*) AS n FROM dossier WHERE closed_at IS NULL AND due_at >= ? AND due_at <= ? AND commune_id IN (${communeIds.map(() => '?').join(',')}) AND status IN (${ACTIVE_STATUSES.join(',')}) GROUP BY commune_id`,
    [from, until, ...communeIds],
  );
  for (const r of rows) result.set(toNumber(r.commune_id), toNumber(r.n));
  return result;
}
