import { PAUSED_STATUSES } from '../domain/dossier.js';
import { addDays, startOfMonthDay, type Day } from '../time/day.js';
import { COUNT_COLUMNS, FIGURES_VERSION_KEY } from './figure-counts.js';
import { toNumber } from './sql/driver.js';
import type { Store } from './store.js';

/** Counts split by reception channel. */
export interface ChannelCounts {
  online: number;
  direct: number;
  postal: number;
  total: number;
}

/**
 * A unit's dossier figures for a period, as the provincial report forms define them:
 * received = carried over + newly received; resolved by the due-date rule; the pool still
 * in progress at the end of the period. Overdue and paused counts come separately.
 */
export interface PeriodFigures {
  carriedOver: ChannelCounts;
  newlyReceived: ChannelCounts;
  received: ChannelCounts;
  resolved: { early: number; onTime: number; late: number; total: number; inTime766: number };
  refused: number;
  withdrawn: number;
  /** Received but not closed at the end of the period (paused ones included). */
  inProgress: number;
}

export function emptyFigures(): PeriodFigures {
  const ch = () => ({ online: 0, direct: 0, postal: 0, total: 0 });
  return {
    carriedOver: ch(),
    newlyReceived: ch(),
    received: ch(),
    resolved: { early: 0, onTime: 0, late: 0, total: 0, inTime766: 0 },
    refused: 0,
    withdrawn: 0,
    inProgress: 0,
  };
}

/** Adds b into a (for totals over several units). */
export function addFigures(a: PeriodFigures, b: PeriodFigures): PeriodFigures {
  const ch = (x: ChannelCounts, y: ChannelCounts) => {
    x.online += y.online;
    x.direct += y.direct;
    x.postal += y.postal;
    x.total += y.total;
  };
  ch(a.carriedOver, b.carriedOver);
  ch(a.newlyReceived, b.newlyReceived);
  ch(a.received, b.received);
  a.resolved.early += b.resolved.early;
  a.resolved.onTime += b.resolved.onTime;
  a.resolved.late += b.resolved.late;
  a.resolved.total += b.resolved.total;
  a.resolved.inTime766 += b.resolved.inTime766;
  a.refused += b.refused;
  a.withdrawn += b.withdrawn;
  a.inProgress += b.inProgress;
  return a;
}

/** One range read from one figure table; bucket 0 = before the period, 1 = inside it. */
interface Segment {
  table: 'figure_day' | 'figure_month';
  from: Day;
  to: Day;
  bucket: 0 | 1;
}

/** The earliest day any figure can have; carry-over sums everything before a period. */
const EPOCH: Day = 0;

/**
 * Splits [from, to] into whole months (read from figure_month) and loose days (from
 * figure_day), so a long period reads a few rows per commune instead of hundreds.
 */
export function segmentsOf(from: Day, to: Day, bucket: 0 | 1): Segment[] {
  if (to < from) return [];
  const out: Segment[] = [];
  const firstFullMonth = startOfMonthDay(from) === from ? from : startOfMonthDay(addDays(startOfMonthDay(from), 31));
  const afterLastFullMonth = startOfMonthDay(addDays(to, 1));
  if (firstFullMonth >= afterLastFullMonth) return [{ table: 'figure_day', from, to, bucket }];
  if (from < firstFullMonth) out.push({ table: 'figure_day', from, to: firstFullMonth - 1, bucket });
  out.push({ table: 'figure_month', from: firstFullMonth, to: afterLastFullMonth - 1, bucket });
  if (afterLastFullMonth <= to) out.push({ table: 'figure_day', from: afterLastFullMonth, to, bucket });
  return out;
}

const SUMS = COUNT_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');

/**
 * Recently computed figures per store, valid while the figures version (changed in the
 * same transaction as every counter write) stays the same. A province's figures for a
 * period serve every /xa of that province (its ranks) until the next import.
 */
const CACHE_SIZE = 64;
const caches = new WeakMap<Store['sql'], Map<string, Map<number, PeriodFigures>>>();

/**
 * Figures of each commune in `communeIds` for the inclusive period [from, to], computed
 * from the pre-aggregated counters (one query, or none when the same figures were asked
 * since the last write). Communes without any dossier get zeros. Callers get their own copy.
 */
export async function figuresByCommune(store: Store, communeIds: readonly number[], from: Day, to: Day): Promise<Map<number, PeriodFigures>> {
  const version = (await store.sql.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [FIGURES_VERSION_KEY]))?.value ?? '';
  const key = `${version}|${from}|${to}|${communeIds.join(',')}`;
  let cache = caches.get(store.sql);
  if (!cache) caches.set(store.sql, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const computed = await computeFigures(store, communeIds, from, to);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, computed);
  return structuredClone(computed);
}

async function computeFigures(store: Store, communeIds: readonly number[], from: Day, to: Day): Promise<Map<number, PeriodFigures>> {
  const result = new Map<number, PeriodFigures>();
  for (const id of communeIds) result.set(id, emptyFigures());
  if (communeIds.length === 0) return result;
  const segments = [...segmentsOf(EPOCH, from - 1, 0), ...segmentsOf(from, to, 1)];
  const inList = communeIds.map(() => '?').join(',');
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const s of segments) {
    parts.push(
      `SELECT commune_id, ${s.bucket} AS bucket, ${COUNT_COLUMNS.join(', ')} FROM ${s.table} WHERE commune_id IN (${inList}) AND day >= ? AND day <= ?`,
    );
    params.push(...communeIds, s.from, s.to);
  }
  const rows = await store.sql.all<Record<string, unknown>>(
    `SELECT commune_id, bucket, ${SUMS} FROM (${parts.join(' UNION ALL ')}) s GROUP BY commune_id, bucket`,
    params,
  );
  for (const r of rows) {
    const f = result.get(toNumber(r.commune_id));
    if (!f) continue;
    const n = (c: string) => toNumber(r[c]);
    if (toNumber(r.bucket) === 0) {
      // Still open when the period began: received before it, not closed before it.
      f.carriedOver.online += n('received_online') - n('closed_online');
      f.carriedOver.direct += n('received_direct') - n('closed_direct');
      f.carriedOver.postal += n('received_postal') - n('closed_postal');
    } else {
      f.newlyReceived.online += n('received_online');
      f.newlyReceived.direct += n('received_direct');
      f.newlyReceived.postal += n('received_postal');
      f.resolved.early += n('resolved_early');
      f.resolved.onTime += n('resolved_on_time');
      f.resolved.late += n('resolved_late');
      f.resolved.inTime766 += n('resolved_in_time_766');
      f.refused += n('refused');
      f.withdrawn += n('withdrawn');
    }
  }
  for (const f of result.values()) finish(f);
  return result;
}

function finish(f: PeriodFigures): void {
  const total = (c: ChannelCounts) => (c.total = c.online + c.direct + c.postal);
  total(f.carriedOver);
  total(f.newlyReceived);
  f.received.online = f.carriedOver.online + f.newlyReceived.online;
  f.received.direct = f.carriedOver.direct + f.newlyReceived.direct;
  f.received.postal = f.carriedOver.postal + f.newlyReceived.postal;
  total(f.received);
  f.resolved.total = f.resolved.early + f.resolved.onTime + f.resolved.late;
  f.inProgress = f.received.total - f.resolved.total - f.refused - f.withdrawn;
}

/** Open dossiers now waiting on the citizen or stopped (statuses 5, 6, 8), per commune. */
export async function pausedByCommune(store: Store, communeIds: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>(communeIds.map((id) => [id, 0]));
  if (communeIds.length === 0) return result;
  const rows = await store.sql.all<{ commune_id: unknown; n: unknown }>(
    `SELECT commune_id, COUNT(*) AS n FROM dossier WHERE closed_at IS NULL AND status IN (${PAUSED_STATUSES.join(',')}) AND commune_id IN (${communeIds.map(() => '?').join(',')}) GROUP BY commune_id`,
    [...communeIds],
  );
  for (const r of rows) result.set(toNumber(r.commune_id), toNumber(r.n));
  return result;
}

/** Provinces that have dossier-level data (any counted dossier). */
export async function provincesWithDossiers(store: Store): Promise<number[]> {
  const rows = await store.sql.all<{ province_id: unknown }>(
    'SELECT DISTINCT c.province_id FROM commune c WHERE EXISTS (SELECT 1 FROM figure_month f WHERE f.commune_id = c.id)',
  );
  return rows.map((r) => toNumber(r.province_id));
}
