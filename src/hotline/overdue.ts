import type { Store } from '../data/store.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { workingDaysOverdue } from './deadline.js';
import { itemsWhere, type RecommendationItem } from './items.js';

/** What overdue recommendations are drawn from (null or absent = no restriction). */
export interface RecommendationScope {
  provinceId?: number | null;
  communeIds?: readonly number[] | null;
  /** Items this department answers now. */
  departmentId?: number | null;
}

/** An overdue recommendation, with how late it is in working days (≥ 1). */
export interface OverdueRecommendation {
  item: RecommendationItem;
  workingDaysOverdue: number;
}

/**
 * Recommendations waiting for their department past their deadline: status open (an item
 * whose department asked back waits for the commune, its deadline stopped; answered and
 * closed ones are done), at least one working day past the due day ("1 for due Friday,
 * asked on Monday"). Most overdue first. The alerts engine's digests and escalation read
 * this; /kiennghi and /kiennghi tong count with it.
 *
 * @example overdueRecommendations(store, calendar, { departmentId: 7 }, now)
 */
export async function overdueRecommendations(store: Store, calendar: WorkingCalendar, scope: RecommendationScope, now: Date): Promise<OverdueRecommendation[]> {
  const items = await itemsWhere(store, { ...scope, statuses: ['open'] });
  return items
    .filter((i) => i.dueAt !== null && i.dueAt.getTime() < now.getTime())
    .map((item) => ({ item, workingDaysOverdue: workingDaysOverdue(calendar, item.dueAt!, now) }))
    .filter((o) => o.workingDaysOverdue >= 1)
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.item.id - b.item.id);
}

/** Whether one item is overdue at `now` (the same rule as overdueRecommendations). */
export function isOverdue(calendar: WorkingCalendar, item: RecommendationItem, now: Date): number {
  if (item.status !== 'open' || !item.dueAt || item.dueAt.getTime() >= now.getTime()) return 0;
  return workingDaysOverdue(calendar, item.dueAt, now);
}
