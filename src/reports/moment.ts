import { dataUpdatedAt } from '../data/imports.js';
import { pausedByCommune } from '../data/figures.js';
import { dueSoonByCommune, overdueByCommune } from '../data/overdue.js';
import type { WorkingCalendar } from '../time/calendar.js';
import type { Store } from '../data/store.js';
import { dayOf, endOfDayInstant } from '../time/day.js';
import type { Period } from '../time/period.js';

/**
 * The instant a period's "in progress" and "overdue" figures describe: now, for a period
 * ending today; the end of its last day otherwise. `live` when that instant is not before
 * the latest data, so dossiers' current statuses (paused or not) apply to it.
 */
export interface Moment {
  at: Date;
  live: boolean;
  updatedAt: Date | null;
}

export async function momentOf(store: Store, period: Period, now: Date): Promise<Moment> {
  return momentAt(period, now, await dataUpdatedAt(store));
}

/** The moment of a period when the latest data's time is already known (one read for many periods). */
export function momentAt(period: Pick<Period, 'to'>, now: Date, updatedAt: Date | null): Moment {
  const at = period.to >= dayOf(now) ? now : endOfDayInstant(period.to);
  return { at, live: updatedAt === null || at.getTime() >= updatedAt.getTime(), updatedAt };
}

/** "Due soon" means due within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * The state of the pool at a moment: overdue, and for a live moment also paused and due
 * soon (null otherwise: those depend on current statuses).
 */
export interface Backlog {
  overdue: number;
  paused: number | null;
  dueSoon: number | null;
}

/** Backlog of each commune at a moment, in three indexed queries. */
export async function backlogByCommune(
  store: Store,
  communeIds: readonly number[],
  moment: Moment,
  calendar: WorkingCalendar,
): Promise<Map<number, Backlog>> {
  const today = dayOf(moment.at);
  const [overdue, paused, dueSoon] = await Promise.all([
    overdueByCommune(store, communeIds, moment.at, moment.live),
    moment.live ? pausedByCommune(store, communeIds) : Promise.resolve(null),
    moment.live
      ? dueSoonByCommune(store, communeIds, moment.at, endOfDayInstant(calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)))
      : Promise.resolve(null),
  ]);
  const out = new Map<number, Backlog>();
  for (const id of communeIds)
    out.set(id, { overdue: overdue.get(id) ?? 0, paused: paused ? (paused.get(id) ?? 0) : null, dueSoon: dueSoon ? (dueSoon.get(id) ?? 0) : null });
  return out;
}

/** The sum of several communes' backlogs. */
export function sumBacklog(items: Iterable<Backlog>): Backlog {
  const total: Backlog = { overdue: 0, paused: null, dueSoon: null };
  for (const b of items) {
    total.overdue += b.overdue;
    if (b.paused !== null) total.paused = (total.paused ?? 0) + b.paused;
    if (b.dueSoon !== null) total.dueSoon = (total.dueSoon ?? 0) + b.dueSoon;
  }
  return total;
}
