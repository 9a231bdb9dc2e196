import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import {
  VN_TIME_ZONE,
  addDays,
  currentDay,
  dayFromIso,
  dayFromYmd,
  dayOf,
  endOfDayInstant,
  formatDay,
  isValidYmd,
  isoOfDay,
  monthOf,
  startOfDayInstant,
  startOfMonthDay,
  weekdayOf,
  ymdOf,
} from '../../src/time/day.js';

describe('Day: the Vietnamese calendar day', () => {
  it('when the epoch is asked for, then 1970-01-01 is day 0', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
  });

  it('when it is 00:30 in Hà Nội (still the previous day in UTC), then the day is the Vietnamese one', () => {
    expect(formatDay(dayOf(new Date('2025-07-27T17:30:00Z')))).toBe('28/07/2025');
    expect(formatDay(dayOf(new Date('2025-07-27T16:59:59.999Z')))).toBe('27/07/2025');
  });

  it('when an instant is given, then the day agrees with date-fns in the Asia/Ho_Chi_Minh zone', () => {
    const start = Date.UTC(2024, 11, 31, 0, 0);
    for (let ms = start; ms < start + 800 * 86_400_000; ms += 7 * 3_600_000 + 13 * 60_000) {
      const z = new TZDate(ms, VN_TIME_ZONE);
      const expected = dayFromYmd(z.getFullYear(), z.getMonth() + 1, z.getDate());
      expect(dayOf(new Date(ms))).toBe(expected);
    }
  });

  it('when a day is turned back into instants, then they are 00:00 and 23:59:59.999 Vietnam time', () => {
    const day = dayFromYmd(2025, 7, 28);
    expect(startOfDayInstant(day).toISOString()).toBe('2025-07-27T17:00:00.000Z');
    expect(endOfDayInstant(day).toISOString()).toBe('2025-07-28T16:59:59.999Z');
    expect(dayOf(startOfDayInstant(day))).toBe(day);
    expect(dayOf(endOfDayInstant(day))).toBe(day);
    expect(new TZDate(startOfDayInstant(day).getTime(), VN_TIME_ZONE).getHours()).toBe(0);
  });

  it('when an invalid Date is given, then dayOf throws a RangeError', () => {
    expect(() => dayOf(new Date('nonsense'))).toThrow(RangeError);
  });

  it('when currentDay gets an injected clock, then it uses it', () => {
    expect(formatDay(currentDay(new Date('2026-11-21T18:00:00Z')))).toBe('22/11/2026');
  });

  it('when an impossible date is built, then dayFromYmd throws instead of rolling over', () => {
    expect(() => dayFromYmd(2025, 2, 31)).toThrow(RangeError);
    expect(() => dayFromYmd(2025, 2, 29)).toThrow(RangeError);
    expect(() => dayFromYmd(2025, 13, 1)).toThrow(RangeError);
    expect(() => dayFromYmd(2025, 1, 32)).toThrow(RangeError);
    expect(() => dayFromYmd(2025, 1, 1.5)).toThrow(RangeError);
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2100, 2, 29)).toBe(false);
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(0, 1, 1)).toBe(false);
  });

  it('when a two-digit-era year is built, then it is not mapped to the 1900s', () => {
    expect(ymdOf(dayFromYmd(25, 7, 1))).toEqual({ year: 25, month: 7, day: 1 });
  });

  it('when a day is split, formatted and parsed, then the round trip is exact', () => {
    for (let day = dayFromYmd(2024, 1, 1); day <= dayFromYmd(2026, 12, 31); day++) {
      const { year, month, day: dd } = ymdOf(day);
      expect(dayFromYmd(year, month, dd)).toBe(day);
      expect(dayFromIso(isoOfDay(day))).toBe(day);
    }
    expect(formatDay(dayFromYmd(2025, 7, 28))).toBe('28/07/2025');
    expect(isoOfDay(dayFromYmd(2025, 7, 28))).toBe('2025-07-28');
  });

  it('when an ISO text is malformed or impossible, then dayFromIso throws', () => {
    expect(() => dayFromIso('2025-7-28')).toThrow(RangeError);
    expect(() => dayFromIso('28/07/2025')).toThrow(RangeError);
    expect(() => dayFromIso('2025-02-30')).toThrow(RangeError);
  });

  it('when the weekday is asked, then 0 is Sunday and 6 is Saturday', () => {
    expect(weekdayOf(dayFromYmd(2025, 7, 25))).toBe(5);
    expect(weekdayOf(dayFromYmd(2025, 7, 28))).toBe(1);
    expect(weekdayOf(dayFromYmd(2026, 11, 22))).toBe(0);
    expect(weekdayOf(dayFromYmd(1969, 12, 28))).toBe(0);
  });

  it('when days are added or months taken, then the calendar arithmetic is plain', () => {
    const day = dayFromYmd(2025, 7, 28);
    expect(formatDay(addDays(day, 4))).toBe('01/08/2025');
    expect(formatDay(addDays(day, -28))).toBe('30/06/2025');
    expect(formatDay(startOfMonthDay(day))).toBe('01/07/2025');
    expect(monthOf(day)).toEqual({ year: 2025, month: 7 });
  });
});
