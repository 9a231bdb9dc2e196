import type { Day } from '../time/day.js';
import { toNumber } from './sql/driver.js';
import type { Store } from './store.js';

/** Dossiers newly received and resolved on one day, over a set of communes. */
export interface DayCounts {
  day: Day;
  received: number;
  resolved: number;
}

/**
 * Newly received (keyed by the received day, every channel) and resolved (early, on time
 * or late, keyed by the closed day) dossiers per day of [from, to], summed over the
 * communes: the same counters as figuresByCommune, read day by day for trend lines.
 * Days without any dossier are absent.
 */
export async function dailyCounts(store: Store, communeIds: readonly number[], from: Day, to: Day): Promise<DayCounts[]> {
  if (communeIds.length === 0 || to < from) return [];
  const rows = await store.sql.all<{ day: unknown; received: unknown; resolved: unknown }>(
    `SELECT day, SUM(received_online + received_direct + received_postal) AS received, SUM(resolved_early + resolved_on_time + resolved_late) AS resolved
     FROM figure_day WHERE commune_id IN (${communeIds.map(() => '?').join(',')}) AND day >= ? AND day <= ? GROUP BY day ORDER BY day`,
    [...communeIds, from, to],
  );
  return rows.map((r) => ({ day: toNumber(r.day), received: toNumber(r.received), resolved: toNumber(r.resolved) }));
}

/** Whether any of the communes has any counted dossier, in any period. */
export async function hasDossiers(store: Store, communeIds: readonly number[]): Promise<boolean> {
  if (communeIds.length === 0) return false;
  const row = await store.sql.get<{ one: unknown }>(
    `SELECT 1 AS one FROM figure_month WHERE commune_id IN (${communeIds.map(() => '?').join(',')}) LIMIT 1`,
    [...communeIds],
  );
  return row !== undefined && row !== null;
}
