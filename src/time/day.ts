/**
 * The canonical calendar day of the bot: a whole number of days since 1970-01-01, counted on the
 * LOCAL calendar of Vietnam. Every date-only value (due dates, holidays, report periods) is a `Day`
 * so that comparisons and working-day counts are plain integer arithmetic, and no code can slip
 * back into UTC midnight by accident (00:30 in Hà Nội is still "yesterday" in UTC).
 */

/** Days since 1970-01-01 of the local date in Asia/Ho_Chi_Minh. */
export type Day = number;

/** IANA zone of every office the bot serves; pass it to `tz()`/`TZDate` when date-fns is needed. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for every
 * date the bot handles and lets the hot paths avoid time-zone database look-ups.
 */
export const VN_UTC_OFFSET_MINUTES = 7 * 60;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VN_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

/** A calendar date split into its parts; `month` is 1–12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The Vietnamese calendar day an instant falls on.
 * @example dayOf(new Date('2025-07-27T17:30:00Z')) === dayFromYmd(2025, 7, 28) // 00:30 in Hà Nội
 */
export function dayOf(instant: Date): Day {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** Today's `Day` in Vietnam; `now` is injectable so callers and tests stay deterministic. */
export function currentDay(now: Date = new Date()): Day {
  return dayOf(now);
}

/** The instant of 00:00 Vietnam time on `day`. */
export function startOfDayInstant(day: Day): Date {
  return new Date(day * MS_PER_DAY - OFFSET_MS);
}

/** The last millisecond (23:59:59.999 Vietnam time) of `day`, for inclusive upper bounds in queries. */
export function endOfDayInstant(day: Day): Date {
  return new Date((day + 1) * MS_PER_DAY - OFFSET_MS - 1);
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether year/month/day name a real date (years 1–9999, so `yyyy` formatting always has 4 digits).
 * @example isValidYmd(2025, 2, 31) === false
 */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * The `Day` of a calendar date.
 * @throws RangeError on an impossible date such as 31/2, instead of silently rolling over to March.
 * @example formatDay(dayFromYmd(2025, 7, 28)) === '28/07/2025'
 */
export function dayFromYmd(year: number, month: number, day: number): Day {
  if (!isValidYmd(year, month, day)) {
    throw new RangeError(`Impossible date: ${day}/${month}/${year}`);
  }
  // Date.UTC maps years 0–99 to 1900–1999, so set the full year explicitly.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** The calendar date of a `Day`. */
export function ymdOf(day: Day): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): Weekday {
  // 1970-01-01 was a Thursday; the double modulo keeps days before 1970 non-negative.
  return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

/** True on Saturday and Sunday, the weekly days off of state offices. */
export function isWeekend(day: Day): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The date as Vietnamese users write it.
 * @example formatDay(dayFromYmd(2025, 7, 28)) === '28/07/2025'
 */
export function formatDay(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${pad(d, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/**
 * ISO 8601 date, for storage, CSV files and logs.
 * @example isoOfDay(dayFromYmd(2025, 7, 28)) === '2025-07-28'
 */
export function isoOfDay(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/**
 * Parses a strict `yyyy-MM-dd` string (as in data files).
 * @throws RangeError when the text is not of that form or the date is impossible.
 */
export function dayFromIso(s: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) throw new RangeError(`Not an ISO date (yyyy-MM-dd): ${JSON.stringify(s)}`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `day` moved by `n` calendar days (n may be negative). */
export function addDays(day: Day, n: number): Day {
  return day + n;
}

/** The first day of the month that contains `day`. */
export function startOfMonthDay(day: Day): Day {
  const { year, month } = ymdOf(day);
  return dayFromYmd(year, month, 1);
}

/** Year and month (1–12) that contain `day`. */
export function monthOf(day: Day): { year: number; month: number } {
  const { year, month } = ymdOf(day);
  return { year, month };
}
