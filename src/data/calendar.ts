import { WorkingCalendar } from '../time/calendar.js';
import { isCalendarKind } from '../time/calendar.js';
import { dayFromIso } from '../time/day.js';
import type { CalendarEntry } from '../time/holidays.js';
import type { Store } from './store.js';

/**
 * The working calendar: statutory holidays by rule, plus the announced days stored in the
 * calendar_day table (swapped days off, make-up Saturdays, moved holidays). Rows of a kind
 * the calendar does not act on (unconfirmed proposals) are kept but ignored here.
 */
export async function loadCalendar(store: Store): Promise<WorkingCalendar> {
  const rows = await store.prisma.calendarDay.findMany();
  const entries: CalendarEntry[] = [];
  for (const r of rows) {
    if (!isCalendarKind(r.kind)) continue;
    entries.push({ day: dayFromIso(r.date), kind: r.kind, name: r.name, ...(r.note ? { note: r.note } : {}) });
  }
  return new WorkingCalendar(entries);
}

/** The meta key bumped when announced calendar days are imported. */
export const CALENDAR_VERSION_KEY = 'calendar_version';
