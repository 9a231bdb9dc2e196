import type { Store } from '../data/store.js';
import { dailyCounts } from '../data/figure-series.js';
import { overdueByCommune } from '../data/figures.js';
import { dayOf, endOfDayInstant, type Day } from '../time/day.js';
import { mondayOf } from '../time/period-spans.js';
import type { Period } from '../time/period.js';
import { momentOf } from './moment.js';

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
 * overdue rule (overdueByCommune), at that week's moment (momentOf).
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
  for (const week of weeks) {
    const moment = await momentOf(store, { from: week.from, to: week.to, label: '' }, now);
    const at = week.to >= dayOf(now) ? moment.at : endOfDayInstant(week.to);
    const counts = await overdueByCommune(store, communeIds, at, moment.live);
    for (const n of counts.values()) week.overdue += n;
  }
  return weeks;
}
