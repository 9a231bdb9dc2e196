/**
 * The working calendar of state offices (ngày làm việc): Monday–Friday, minus statutory holidays
 * and swapped days off, plus make-up Saturdays. Procedure deadlines and "days overdue" are counted
 * on it, for every dossier of a list, so counting is answered from per-year prefix sums.
 */
import { type Day, dayFromYmd, isWeekend, ymdOf } from './day.js';
import { type CalendarEntry, type CalendarKind, type OccasionHolidays, statutoryOccasions } from './holidays.js';

/** Options of a `WorkingCalendar`. */
export interface WorkingCalendarOptions {
  /**
   * Inclusive range of Gregorian years in which the statutory rules apply; outside it only
   * weekends and the overrides count. Defaults to `DEFAULT_RULE_YEARS`.
   */
  ruleYears?: readonly [from: number, to: number];
}

/**
 * The Labour Code 2019 (with the 1/9 adjacent day) took effect on 1 January 2021, and the lunar
 * library has no data after 2199.
 */
const DEFAULT_RULE_YEARS: readonly [number, number] = [2021, 2199];

const CALENDAR_KINDS: ReadonlySet<string> = new Set<CalendarKind>([
  'public_holiday',
  'public_holiday_observed',
  'day_off_swap',
  'makeup_workday',
]);

/** Whether a string from a data file is a kind the calendar applies (e.g. not `*_unverified`). */
export function isCalendarKind(kind: string): kind is CalendarKind {
  return CALENDAR_KINDS.has(kind);
}

/**
 * A government notice may move a holiday that fell on a weekend to a weekday near it instead of
 * giving the day after (Tết 2025: the Saturday mùng 4 was moved to Monday 27/01, so 03/02 stayed a
 * working day). An extra holiday this close to an occasion is read as such a move.
 */
const MOVED_HOLIDAY_WINDOW_DAYS = 7;

/** Guards against override data that turns every day into a day off. */
const MAX_DAYS_WITHOUT_WORK = 3 * 366;

interface YearTable {
  first: Day;
  /** Effective entries of the year: rule days (after moves) with overrides on top. */
  entries: Map<Day, CalendarEntry>;
  /** cumulative[i] = working days among the first i days of the year. */
  cumulative: Uint16Array;
}

function assertDay(day: Day, what = 'day'): void {
  if (!Number.isSafeInteger(day)) throw new RangeError(`${what} must be an integer Day, got ${day}`);
}

/** Distance in days from `day` to the span of an occasion's rule days (0 inside it). */
function distanceToOccasion(day: Day, g: OccasionHolidays): number {
  const days = [...g.holidays, ...g.observed].map((e) => e.day);
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  return day < lo ? lo - day : day > hi ? day - hi : 0;
}

/**
 * Rule entries of a year after the overrides' moved holidays cancel compensating days.
 * Each extra weekday holiday in the overrides, near an occasion with compensating days, cancels
 * the latest of them, so the total number of days off of the occasion stays what the law gives.
 */
function ruleEntries(year: number, overrides: readonly CalendarEntry[]): CalendarEntry[] {
  const groups = statutoryOccasions(year);
  const ruleDays = new Set(groups.flatMap((g) => [...g.holidays, ...g.observed].map((e) => e.day)));
  const remaining = new Map(groups.map((g) => [g, [...g.observed]]));
  for (const o of overrides) {
    const isExtraHoliday =
      (o.kind === 'public_holiday' || o.kind === 'public_holiday_observed') &&
      !ruleDays.has(o.day) &&
      !isWeekend(o.day);
    if (!isExtraHoliday) continue;
    let nearest: OccasionHolidays | undefined;
    let best = MOVED_HOLIDAY_WINDOW_DAYS + 1;
    for (const g of groups) {
      const dist = distanceToOccasion(o.day, g);
      if (dist < best && (remaining.get(g)?.length ?? 0) > 0) {
        best = dist;
        nearest = g;
      }
    }
    if (nearest) remaining.get(nearest)!.pop();
  }
  return groups.flatMap((g) => [...g.holidays, ...remaining.get(g)!]);
}

/**
 * Working days of state offices in Vietnam.
 *
 * @example
 * const cal = new WorkingCalendar(entriesFromStore);
 * cal.workingDaysBetween(dueDay, today) // days overdue: 1 for due Friday, asked on Monday
 */
export class WorkingCalendar {
  private readonly overridesByYear = new Map<number, CalendarEntry[]>();
  private readonly ruleYears: readonly [number, number];
  private readonly years = new Map<number, YearTable>();

  /**
   * @param overrides the yearly government notices (from the store): an override replaces the rule
   *   entry of its day; when two overrides name the same day the later one wins.
   * @throws RangeError on an entry with a non-integer day or an unknown kind, so bad data fails at load.
   */
  constructor(overrides: readonly CalendarEntry[] = [], opts: WorkingCalendarOptions = {}) {
    this.ruleYears = opts.ruleYears ?? DEFAULT_RULE_YEARS;
    for (const o of overrides) {
      assertDay(o.day, 'override day');
      if (!isCalendarKind(o.kind)) throw new RangeError(`Unknown calendar kind: ${String(o.kind)}`);
      const year = ymdOf(o.day).year;
      const list = this.overridesByYear.get(year) ?? [];
      list.push(o);
      this.overridesByYear.set(year, list);
    }
  }

  private table(year: number): YearTable {
    const cached = this.years.get(year);
    if (cached) return cached;
    const overrides = this.overridesByYear.get(year) ?? [];
    const [fromYear, toYear] = this.ruleYears;
    const entries = new Map<Day, CalendarEntry>();
    if (year >= fromYear && year <= toYear) {
      for (const e of ruleEntries(year, overrides)) entries.set(e.day, e);
    }
    for (const o of overrides) entries.set(o.day, o);

    const first = dayFromYmd(year, 1, 1);
    const length = dayFromYmd(year + 1, 1, 1) - first;
    const cumulative = new Uint16Array(length + 1);
    for (let i = 0; i < length; i++) {
      cumulative[i + 1] = cumulative[i]! + (isWorking(first + i, entries.get(first + i)) ? 1 : 0);
    }
    const table = { first, entries, cumulative };
    this.years.set(year, table);
    return table;
  }

  /** Working days from 1 January of the day's year up to and including `day`. */
  private countThrough(day: Day, table: YearTable): number {
    return table.cumulative[day - table.first + 1]!;
  }

  private yearTotal(table: YearTable): number {
    return table.cumulative[table.cumulative.length - 1]!;
  }

  /** Whether offices work on `day`. */
  isWorkingDay(day: Day): boolean {
    assertDay(day);
    return isWorking(day, this.entryFor(day));
  }

  /**
   * Why `day` is not an ordinary weekday/weekend: the holiday, compensating day, swapped day off or
   * make-up Saturday; `undefined` for an ordinary day.
   */
  entryFor(day: Day): CalendarEntry | undefined {
    assertDay(day);
    return this.table(ymdOf(day).year).entries.get(day);
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: Day): Day {
    assertDay(day);
    for (let d = day + 1; d <= day + MAX_DAYS_WITHOUT_WORK; d++) {
      if (this.isWorkingDay(d)) return d;
    }
    throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days after day ${day}`);
  }

  /**
   * The n-th working day after `day` (a deadline of n working days). With n = 0, `day` itself if it
   * is a working day, else the next one. For n ≥ 1, `workingDaysBetween(day, result) === n`.
   * @throws RangeError when n is negative or not an integer.
   */
  addWorkingDays(day: Day, n: number): Day {
    assertDay(day);
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    if (n === 0) return this.isWorkingDay(day) ? day : this.nextWorkingDay(day);
    let d = day;
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /**
   * Number of working days d with fromDay < d ≤ toDay; 0 when toDay ≤ fromDay.
   * Used for "days overdue": due Friday, asked on Monday → 1.
   * Cost: one prefix-sum look-up per calendar year spanned.
   */
  workingDaysBetween(fromDay: Day, toDay: Day): number {
    assertDay(fromDay, 'fromDay');
    assertDay(toDay, 'toDay');
    if (toDay <= fromDay) return 0;
    const fromYear = ymdOf(fromDay).year;
    const toYear = ymdOf(toDay).year;
    const fromTable = this.table(fromYear);
    if (fromYear === toYear) return this.countThrough(toDay, fromTable) - this.countThrough(fromDay, fromTable);
    let count = this.yearTotal(fromTable) - this.countThrough(fromDay, fromTable);
    for (let y = fromYear + 1; y < toYear; y++) count += this.yearTotal(this.table(y));
    return count + this.countThrough(toDay, this.table(toYear));
  }

  /**
   * Signed working days from `today` to `targetDay`: positive when the target is ahead (due
   * tomorrow → 1, so "due within 2 working days" is 0 ≤ result ≤ 2), 0 on the day itself, negative
   * when it has passed (−1 = one working day overdue).
   */
  workingDaysUntil(today: Day, targetDay: Day): number {
    if (targetDay >= today) return this.workingDaysBetween(today, targetDay);
    const overdue = this.workingDaysBetween(targetDay, today);
    return overdue === 0 ? 0 : -overdue; // never -0, which would print as "-0" in some formatters
  }
}

function isWorking(day: Day, entry: CalendarEntry | undefined): boolean {
  if (entry) return entry.kind === 'makeup_workday';
  return !isWeekend(day);
}
