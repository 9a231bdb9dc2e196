import type { Store } from '../data/store.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { workingDaysTaken } from './deadline.js';
import { itemsWhere } from './items.js';
import { isOverdue } from './overdue.js';

/** One department's line in /kiennghi tong. */
export interface DepartmentRecord {
  departmentId: number;
  open: number;
  overdue: number;
  answered: number;
  answeredOnTime: number;
  /** Median working days from raising to the answer; null with no answer yet. */
  medianDaysToAnswer: number | null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * How each department of a province answers its recommendations: open now, overdue,
 * answered on time out of answered, and the median working days to answer. Departments
 * with overdue items come first. `unrouted` counts items still waiting for a department.
 */
export async function departmentRecords(store: Store, calendar: WorkingCalendar, provinceId: number, now: Date): Promise<{ records: DepartmentRecord[]; unrouted: number }> {
  const items = await itemsWhere(store, { provinceId });
  const by = new Map<number, DepartmentRecord & { days: number[] }>();
  let unrouted = 0;
  for (const i of items) {
    if (i.departmentId === null) {
      if (i.status === 'unrouted') unrouted++;
      continue;
    }
    const r = by.get(i.departmentId) ?? { departmentId: i.departmentId, open: 0, overdue: 0, answered: 0, answeredOnTime: 0, medianDaysToAnswer: null, days: [] };
    by.set(i.departmentId, r);
    if (i.status === 'open' || i.status === 'asked') r.open++;
    if (isOverdue(calendar, i, now) >= 1) r.overdue++;
    if (i.answeredAt) {
      r.answered++;
      if (!i.dueAt || i.answeredAt.getTime() <= i.dueAt.getTime()) r.answeredOnTime++;
      r.days.push(workingDaysTaken(calendar, i.raisedAt, i.answeredAt));
    }
  }
  const records = [...by.values()].map(({ days, ...r }) => ({ ...r, medianDaysToAnswer: median(days) }));
  records.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.departmentId - b.departmentId);
  return { records, unrouted };
}
