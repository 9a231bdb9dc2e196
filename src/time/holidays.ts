/**
 * Statutory public holidays of state offices, computed by RULE from the Labour Code 2019
 * (Bộ luật Lao động 2019), so that any year works before its government notice is loaded.
 * The yearly notices (moved Tết days, swapped days off, make-up Saturdays) are data, applied on
 * top of these rules by `WorkingCalendar`.
 */
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { type Day, dayFromYmd, isWeekend, ymdOf } from './day.js';

/**
 * Why a day differs from the plain Monday–Friday week:
 * - `public_holiday`: a holiday (ngày nghỉ lễ, Tết);
 * - `public_holiday_observed`: a compensating day off because a holiday fell on a weekend (nghỉ bù);
 * - `day_off_swap`: a weekday made a day off by a yearly notice (nghỉ hoán đổi);
 * - `makeup_workday`: a Saturday made a working day in exchange (làm bù).
 */
export type CalendarKind = 'public_holiday' | 'public_holiday_observed' | 'day_off_swap' | 'makeup_workday';

/** One day of the working calendar that is not an ordinary weekday or weekend. */
export interface CalendarEntry {
  day: Day;
  kind: CalendarKind;
  /** Vietnamese name shown to users, e.g. "Mùng 1 Tết Nguyên đán". */
  name: string;
  /** Legal basis or source, e.g. the notice number. */
  note?: string;
}

/** The holidays that belong together, so compensating days and yearly notices can be matched to them. */
export type HolidayOccasion = 'new_year' | 'lunar_new_year' | 'hung_kings' | 'reunification_labour' | 'national_day';

/** The rule days of one occasion in one Gregorian year. */
export interface OccasionHolidays {
  occasion: HolidayOccasion;
  /** The holidays themselves (`public_holiday`), in date order. */
  holidays: CalendarEntry[];
  /** Compensating days off for holidays that fell on Saturday or Sunday (`public_holiday_observed`). */
  observed: CalendarEntry[];
}

/** Years for which the lunar library has data (it returns zeros outside this range). */
const LUNAR_YEARS_SUPPORTED: readonly [number, number] = [1800, 2199];

const ART_112 = 'BLLĐ 2019 Điều 112';
const ART_111 = 'BLLĐ 2019 Điều 111 khoản 3: ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù vào ngày làm việc kế tiếp';

/** Name of the compensating day for `holiday`; Tết and Quốc khánh are spoken of as one holiday. */
function observedName(occasion: HolidayOccasion, holiday: CalendarEntry): string {
  if (occasion === 'lunar_new_year') return 'Nghỉ bù Tết Nguyên đán';
  if (occasion === 'national_day') return 'Nghỉ bù Quốc khánh';
  return `Nghỉ bù ${holiday.name}`;
}

function lunarToDay(day: number, month: number, lunarYear: number): Day {
  const [min, max] = LUNAR_YEARS_SUPPORTED;
  if (!Number.isInteger(lunarYear) || lunarYear < min || lunarYear > max) {
    throw new RangeError(`Lunar year ${lunarYear} is outside the supported range ${min}–${max}`);
  }
  const s = getSolarDate(day, month, lunarYear);
  // The library signals "no data" with a zero date rather than an exception.
  if (!s.year) throw new RangeError(`No lunar data for ${day}/${month}/${lunarYear}`);
  return dayFromYmd(s.year, s.month, s.day);
}

/**
 * Mùng 1 Tết (lunar 1/1) of the lunar year that starts in Gregorian `year`, on the Vietnamese
 * calendar (UTC+7), which differs from the Chinese one in some years (1985: 21/01 in Vietnam).
 */
export function lunarNewYearDay(year: number): Day {
  return lunarToDay(1, 1, year);
}

/** Giỗ Tổ Hùng Vương, 10/3 lunar, in Gregorian `year`. */
export function hungKingsDay(year: number): Day {
  return lunarToDay(10, 3, year);
}

function entry(day: Day, kind: CalendarKind, name: string, note: string): CalendarEntry {
  return { day, kind, name, note };
}

function ruleHolidays(year: number): Array<{ occasion: HolidayOccasion; holidays: CalendarEntry[] }> {
  const tet = lunarNewYearDay(year);
  // Taking the day before mùng 1 avoids asking whether month 12 has 29 or 30 days (or is doubled
  // by a leap month): the library silently rolls 30/12 over to mùng 1 in short years.
  const eve = tet - 1;
  const e = ymdOf(eve);
  const eveLunarDay = getLunarDate(e.day, e.month, e.year).day;
  const ymd = (m: number, d: number): Day => dayFromYmd(year, m, d);
  return [
    { occasion: 'new_year', holidays: [entry(ymd(1, 1), 'public_holiday', 'Tết Dương lịch', ART_112)] },
    {
      occasion: 'lunar_new_year',
      holidays: [
        entry(eve, 'public_holiday', `${eveLunarDay} tháng Chạp – Giao thừa (nghỉ Tết Nguyên đán)`, ART_112),
        ...[1, 2, 3, 4].map((n) => entry(tet + n - 1, 'public_holiday', `Mùng ${n} Tết Nguyên đán`, ART_112)),
      ],
    },
    { occasion: 'hung_kings', holidays: [entry(hungKingsDay(year), 'public_holiday', 'Giỗ Tổ Hùng Vương', ART_112)] },
    {
      occasion: 'reunification_labour',
      holidays: [
        entry(ymd(4, 30), 'public_holiday', 'Ngày Chiến thắng', ART_112),
        entry(ymd(5, 1), 'public_holiday', 'Ngày Quốc tế Lao động', ART_112),
      ],
    },
    {
      occasion: 'national_day',
      holidays: [
        // Art. 112 gives "2/9 and one adjacent day"; governments have always chosen 1/9.
        entry(ymd(9, 1), 'public_holiday', 'Quốc khánh (ngày liền kề)', ART_112),
        entry(ymd(9, 2), 'public_holiday', 'Quốc khánh', ART_112),
      ],
    },
  ];
}

/**
 * The rule holidays of Gregorian `year` grouped by occasion, with their compensating days.
 *
 * Each holiday on a Saturday or Sunday gets the first following weekday that is neither a holiday
 * nor already taken as compensation (Art. 111(3)); for Tết that naturally lands after the block.
 * Every compensating day stays in the same Gregorian year (the earliest Tết is 21 January and the
 * latest holiday 2 September), so years can be computed independently.
 * @throws RangeError outside `LUNAR_YEARS_SUPPORTED`.
 */
export function statutoryOccasions(year: number): OccasionHolidays[] {
  const groups = ruleHolidays(year).sort((a, b) => a.holidays[0]!.day - b.holidays[0]!.day);
  const holidayDays = new Set(groups.flatMap((g) => g.holidays.map((h) => h.day)));
  const taken = new Set<Day>();
  return groups.map(({ occasion, holidays }) => {
    const observed: CalendarEntry[] = [];
    for (const h of holidays) {
      if (!isWeekend(h.day)) continue;
      let d = h.day + 1;
      while (isWeekend(d) || holidayDays.has(d) || taken.has(d)) d++;
      taken.add(d);
      observed.push(entry(d, 'public_holiday_observed', observedName(occasion, h), ART_111));
    }
    return { occasion, holidays, observed };
  });
}

/**
 * All statutory days off of Gregorian `year` by rule: 1/1; Tết (last day of the lunar year and
 * mùng 1–4); Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 1/9 and 2/9; plus compensating days for
 * those on a weekend. Sorted by day.
 * @example statutoryHolidays(2026).find((e) => e.name === 'Mùng 1 Tết Nguyên đán') // 17/02/2026
 */
export function statutoryHolidays(year: number): CalendarEntry[] {
  return statutoryOccasions(year)
    .flatMap((g) => [...g.holidays, ...g.observed])
    .sort((a, b) => a.day - b.day);
}
