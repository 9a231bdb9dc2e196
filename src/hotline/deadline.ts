import type { WorkingCalendar } from '../time/calendar.js';
import { dayOf, endOfDayInstant, type Day } from '../time/day.js';

/**
 * Deadlines of recommendations in working days (src/time/calendar.ts): due at the end of
 * the n-th working day after the day it reached the department; a question back to the
 * commune stops the clock, and the days it waited are added when the commune answers.
 *
 * @example dueAfter(cal, mondayNoon, 5) // the end of the next Monday (no holiday between)
 */
export function dueAfter(calendar: WorkingCalendar, from: Date, workingDays: number): Date {
  return endOfDayInstant(calendar.addWorkingDays(dayOf(from), workingDays));
}

/** The deadline moved by the working days the item waited for the commune (pausedAt → now). */
export function resumedDue(calendar: WorkingCalendar, due: Date, pausedAt: Date, now: Date): Date {
  const waited = calendar.workingDaysBetween(dayOf(pausedAt), dayOf(now));
  return waited > 0 ? endOfDayInstant(calendar.addWorkingDays(dayOf(due), waited)) : due;
}

/** Working days past the due day: 1 for due Friday, asked on Monday; 0 when not overdue. */
export function workingDaysOverdue(calendar: WorkingCalendar, due: Date, now: Date): number {
  const dueDay: Day = dayOf(due);
  const today = dayOf(now);
  return today > dueDay ? calendar.workingDaysBetween(dueDay, today) : 0;
}

/** Working days from raising to answering (0 = the same day or the next non-working one). */
export function workingDaysTaken(calendar: WorkingCalendar, raised: Date, answered: Date): number {
  return calendar.workingDaysBetween(dayOf(raised), dayOf(answered));
}
