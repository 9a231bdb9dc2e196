import { dataUpdatedAt } from '../data/imports.js';
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
  const updatedAt = await dataUpdatedAt(store);
  const at = period.to >= dayOf(now) ? now : endOfDayInstant(period.to);
  return { at, live: updatedAt === null || at.getTime() >= updatedAt.getTime(), updatedAt };
}
