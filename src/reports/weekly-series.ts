import type { Store } from '../data/store.js';
import { dailyCounts } from '../data/figure-series.js';
import { overdueByCommune } from '../data/overdue.js';
import { dataUpdatedAt } from '../data/imports.js';
import { dayOf, type Day } from '../time/day.js';
import { mondayOf } from '../time/period-spans.js';
import type { Period } from '../time/period.js';
import { momentAt } from './moment.js';

/** One week of a unit's dossiers: Monday to Sunday, clipped to the period. */
export interface WeekFigures {
  from: Day;
  to: Day;
  received: number;
  resolved: number;
  /** In progress and past due at the week's end (now, for the running week). */
  overdue: number;
}

/**
 * Week-by-week figures of a set of communes over a period, weeks starting on Monday:
 * received and resolved from the daily counters, overdue at each week's end by the one
 * overdue rule (overdueByCommune), at that week's moment (momentAt).
 */
export async function weeklySeries(store: Store, communeIds: readonly number[], period: Period, now: Date): Promise<WeekFigures[]> {
  const to = Math.min(period.to, dayOf(now));
  const weeks: WeekFigures[] = [];
  for (let monday = mondayOf(period.from); monday <= to; monday += 7)
    weeks.push({ from: Math.max(monday, period.from), to: Math.min(monday + 6, to), received: 0, resolved: 0, overdue: 0 });
  if (weeks.length === 0) return weeks;
  const days = await dailyCounts(store, communeIds, weeks[0]!.from, to);
  let w = 0;
  for (const d of days) {
    while (d.day > weeks[w]!.to) w++;
    weeks[w]!.received += d.received;
    weeks[w]!.resolved += d.resolved;
  }
  const updatedAt = await dataUpdatedAt(store);
  for (const week of weeks) {
    const moment = momentAt(week, now, updatedAt);
    const counts = await overdueByCommune(store, communeIds, moment.at, moment.live);
    for (const n of counts.values()) week.overdue += n;
  }
  return weeks;
}
