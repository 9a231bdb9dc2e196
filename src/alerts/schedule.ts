/**
 * Digest schedules (lịch gửi bản tin): when a chat receives its digest. Each role has a
 * default (commune and department 07:30 on working days, working group 07:45, leaders 08:00
 * on Mondays); a chat may change its own. Times are Asia/Ho_Chi_Minh; digests go on working
 * days only, from the working calendar (make-up Saturdays included, holidays and swapped
 * days off skipped).
 */
import type { Role } from '../access/roles.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { type Day, startOfDayInstant, weekdayOf } from '../time/day.js';

/** A chat's schedule. */
export interface Schedule {
  /** Times of day, "HH:MM", ascending, at most 4. */
  times: string[];
  /**
   * Weekly digest: 1 = Monday … 6 = Saturday; sent on the first working day of the week
   * on or after that weekday (a Monday holiday moves it to Tuesday). Null: every working day.
   */
  weekday: number | null;
  enabled: boolean;
  /** Send a digest also when there is nothing to report ("all clear"). */
  allClear: boolean;
  /** False while the chat has its role's default. */
  custom: boolean;
}

/** Most digest times a chat may have in one day. */
export const MAX_TIMES_PER_DAY = 4;

/** A missed digest is caught up until this time of the same working day; later it is skipped. */
export const CATCH_UP_UNTIL = '11:30';

/** A digest counts as on time within this many minutes of its slot. */
export const ON_TIME_GRACE_MINUTES = 10;

/** The default schedule of a role (null: the role has no digest, e.g. administrators). */
export function defaultSchedule(role: Role | null): Schedule | null {
  const base = { enabled: true, allClear: false, custom: false };
  switch (role) {
    case 'commune':
    case 'department':
      return { ...base, times: ['07:30'], weekday: null };
    case 'working_group':
      return { ...base, times: ['07:45'], weekday: null };
    case 'leader':
      return { ...base, times: ['08:00'], weekday: 1 };
    default:
      return null;
  }
}

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** "7:5" → null; "07:30" / "7:30" / "7h30" / "7h" → "07:30"; null for an impossible time. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?:[:hg](\d{2})?)?$/i.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Monday-based weekday number (1 = Monday … 7 = Sunday) of a day. */
export function isoWeekday(day: Day): number {
  const w = weekdayOf(day);
  return w === 0 ? 7 : w;
}

/**
 * The digest times of `day` under a schedule: none on a day off; for a weekly schedule
 * only on the first working day of the week on or after its weekday.
 *
 * @example the leaders' default (Monday 08:00) on Tuesday 28/04/2026, the day after the
 *   Monday 27/04 compensating day off of Giỗ Tổ Hùng Vương: ["08:00"]; in the week of Tết
 *   2026 (16–20/02, all days off): none.
 */
export function slotTimesOn(day: Day, s: Schedule, cal: WorkingCalendar): string[] {
  if (!s.enabled || !cal.isWorkingDay(day)) return [];
  if (s.weekday === null) return s.times;
  return isWeeksFirstWorkingDay(day, s.weekday, cal) ? s.times : [];
}

/**
 * Whether `day` is the week's first working day on or after `weekday` (1 = Monday): a
 * Monday, or the Tuesday after a Monday holiday, for `weekday` 1.
 */
export function isWeeksFirstWorkingDay(day: Day, weekday: number, cal: WorkingCalendar): boolean {
  if (!cal.isWorkingDay(day)) return false;
  const wd = isoWeekday(day);
  if (wd < weekday) return false;
  for (let d = day - (wd - weekday); d < day; d++) if (cal.isWorkingDay(d)) return false;
  return true;
}

/** The instant of "HH:MM" on `day`, Vietnam time. */
export function slotInstant(day: Day, time: string): Date {
  return new Date(startOfDayInstant(day).getTime() + minutesOf(time) * 60_000);
}

/** The id of one digest slot: "2026-12-02T07:30". */
export function slotId(isoDay: string, time: string): string {
  return `${isoDay}T${time}`;
}

/**
 * What to do at `now` with a slot of today that has come: send it (on time, or caught up
 * before 11:30 of the same day) or skip it (the bot was down too long).
 */
export function slotAction(day: Day, time: string, now: Date): 'wait' | 'send' | 'skip' {
  const at = slotInstant(day, time).getTime();
  const t = now.getTime();
  if (t < at) return 'wait';
  if (t < at + ON_TIME_GRACE_MINUTES * 60_000) return 'send';
  if (minutesOf(time) < minutesOf(CATCH_UP_UNTIL) && t < slotInstant(day, CATCH_UP_UNTIL).getTime()) return 'send';
  return 'skip';
}

/** Digests a schedule sends over the working days of a month (for the Zalo quota). */
export function digestsInMonth(s: Schedule, firstDay: Day, dayCount: number, cal: WorkingCalendar): number {
  let n = 0;
  for (let d = firstDay; d < firstDay + dayCount; d++) n += slotTimesOn(d, s, cal).length;
  return n;
}

/** The next digest instant after `now` within three weeks, or null (switched off). */
export function nextSlotAfter(now: Date, s: Schedule, cal: WorkingCalendar, today: Day): Date | null {
  for (let d = today; d < today + 21; d++) {
    for (const t of slotTimesOn(d, s, cal)) {
      const at = slotInstant(d, t);
      if (at.getTime() > now.getTime()) return at;
    }
  }
  return null;
}
