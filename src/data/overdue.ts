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
const MAX_OVERDUE_ROWS = 20_000;

/** A condition on `dossier` with its parameters, in the order of its placeholders. */
export interface SqlCondition {
  where: string;
  params: unknown[];
}

/**
 * The overdue rule (quá hạn), the one definition the counts (/xa, /tongquan, /to, rankings)
 * and the lists (/quahan) share: dossiers of the given communes in progress and past their
 * due date at instant `at`.
 * Now (`live`): open, not paused, due before `at`. In the past: due before `at` and not
 * closed by then (pause history is not kept, so paused ones count as in progress). "Received
 * by then" needs no test: a due day is never before the received day, and past moments
 * are ends of days. Each form matches a partial index (open dossiers; open or late-closed
 * ones), so it reads a few rows per commune, never the whole table.
 * Example: due 17:00 on 20/11, asked live at 10:00 on 22/11 while still processing: overdue;
 * the same dossier waiting for the citizen's supplement: not overdue (paused).
 */
function overdueCondition(communeIds: readonly number[], at: Date, live: boolean): SqlCondition {
  const communes = communeIds.map(() => '?').join(',');
  return live
    ? {
        where: `closed_at IS NULL AND due_at < ? AND commune_id IN (${communes}) AND status IN (${ACTIVE_STATUSES.join(',')})`,
        params: [at, ...communeIds],
      }
    : {
        where: `(closed_at IS NULL OR closed_at > due_at) AND commune_id IN (${communes}) AND due_at < ? AND (closed_at IS NULL OR closed_at > ?)`,
        params: [...communeIds, at, at],
      };
}

/** How many dossiers are overdue at `at` (overdueCondition), per commune; communes without any get 0. */
export async function overdueByCommune(store: Store, communeIds: readonly number[], at: Date, live: boolean): Promise<Map<number, number>> {
  const result = new Map<number, number>(communeIds.map((id) => [id, 0]));
  if (communeIds.length === 0) return result;
  const rule = overdueCondition(communeIds, at, live);
  const rows = await store.sql.all<{ commune_id: unknown; n: unknown }>(`SELECT commune_id, COUNT(*) AS n FROM dossier WHERE ${rule.where} GROUP BY commune_id`, rule.params);
  for (const r of rows) result.set(toNumber(r.commune_id), toNumber(r.n));
  return result;
}

/**
 * The dossiers overdue at `at` (overdueCondition) in the given communes, and sectors when
 * given, oldest due date first.
 */
export async function overdueDossiers(
  store: Store,
  communeIds: readonly number[],
  sectorIds: readonly number[] | null,
  at: Date,
  live: boolean,
): Promise<OverdueDossier[]> {
  if (communeIds.length === 0 || (sectorIds && sectorIds.length === 0)) return [];
  const rule = overdueCondition(communeIds, at, live);
  const sectors = sectorIds ? ` AND sector_id IN (${sectorIds.map(() => '?').join(',')})` : '';
  const rows = await store.sql.all<Record<string, unknown>>(
    `SELECT code, commune_id, sector_id, received_at, due_at FROM dossier WHERE ${rule.where}${sectors} ORDER BY due_at, code LIMIT ${MAX_OVERDUE_ROWS}`,
    [...rule.params, ...(sectorIds ?? [])],
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
