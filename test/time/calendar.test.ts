import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/time/calendar.js';
import { formatDay, isWeekend } from '../../src/time/day.js';
import type { CalendarEntry } from '../../src/time/holidays.js';
import { d } from './support.js';

/** The 2025 notice items the tests need, as the store would hand them over. */
const NOTICE_2025: CalendarEntry[] = [
  { day: d('27/01/2025'), kind: 'public_holiday', name: '28 tháng Chạp (nghỉ Tết Nguyên đán)' },
  { day: d('26/04/2025'), kind: 'makeup_workday', name: 'Làm bù cho 02/05/2025' },
  { day: d('02/05/2025'), kind: 'day_off_swap', name: 'Nghỉ hoán đổi' },
];

describe('WorkingCalendar: weekends and rule holidays', () => {
  const cal = new WorkingCalendar();

  it('when it is Monday to Friday without a holiday, then it is a working day; Saturday and Sunday are not', () => {
    expect(cal.isWorkingDay(d('28/07/2025'))).toBe(true);
    expect(cal.isWorkingDay(d('25/07/2025'))).toBe(true);
    expect(cal.isWorkingDay(d('26/07/2025'))).toBe(false);
    expect(cal.isWorkingDay(d('27/07/2025'))).toBe(false);
    expect(cal.entryFor(d('28/07/2025'))).toBeUndefined();
  });

  it('when a rule holiday is asked about, then entryFor says why the day is off', () => {
    expect(cal.isWorkingDay(d('02/09/2025'))).toBe(false);
    expect(cal.entryFor(d('02/09/2025'))?.name).toBe('Quốc khánh');
    expect(cal.entryFor(d('27/04/2026'))?.kind).toBe('public_holiday_observed');
  });

  it('when no notice is loaded, then Tết 2025 by rule closes 28/01–31/01 and the compensating Monday 03/02', () => {
    for (const s of ['28/01/2025', '29/01/2025', '30/01/2025', '31/01/2025', '03/02/2025']) {
      expect(cal.isWorkingDay(d(s)), s).toBe(false);
    }
    expect(cal.isWorkingDay(d('27/01/2025'))).toBe(true);
    expect(cal.isWorkingDay(d('04/02/2025'))).toBe(true);
  });
});

describe('WorkingCalendar: yearly notices override the rules', () => {
  const cal = new WorkingCalendar(NOTICE_2025);

  it('when a Saturday is a make-up working day, then it counts as working (26/04/2025)', () => {
    expect(cal.isWorkingDay(d('26/04/2025'))).toBe(true);
    expect(cal.entryFor(d('26/04/2025'))?.kind).toBe('makeup_workday');
  });

  it('when a weekday is a swapped day off, then it is not working (02/05/2025)', () => {
    expect(cal.isWorkingDay(d('02/05/2025'))).toBe(false);
    expect(cal.entryFor(d('02/05/2025'))?.kind).toBe('day_off_swap');
  });

  it('when the notice moves the Saturday mùng 4 to Monday 27/01/2025, then 27/01 is off and the rule compensation 03/02 is cancelled', () => {
    expect(cal.isWorkingDay(d('27/01/2025'))).toBe(false);
    expect(cal.isWorkingDay(d('03/02/2025'))).toBe(true);
    expect(cal.entryFor(d('03/02/2025'))).toBeUndefined();
  });

  it('when the notice adds a holiday far from any occasion, then it is just an extra day off', () => {
    const extra = new WorkingCalendar([{ day: d('24/11/2026'), kind: 'public_holiday', name: 'Ngày Văn hóa Việt Nam' }]);
    expect(extra.isWorkingDay(d('24/11/2026'))).toBe(false);
    expect(extra.isWorkingDay(d('27/04/2026'))).toBe(false);
  });

  it('when a year is outside ruleYears, then only weekends and overrides count', () => {
    const narrow = new WorkingCalendar([], { ruleYears: [2026, 2026] });
    expect(narrow.isWorkingDay(d('02/09/2025'))).toBe(true);
    expect(narrow.isWorkingDay(d('02/09/2026'))).toBe(false);
  });

  it('when an override has an unknown kind or a fractional day, then construction fails loudly', () => {
    const bad = { day: d('31/08/2026'), kind: 'day_off_swap_unverified', name: 'x' } as unknown as CalendarEntry;
    expect(() => new WorkingCalendar([bad])).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ day: 1.5, kind: 'public_holiday', name: 'x' }])).toThrow(RangeError);
  });
});

describe('WorkingCalendar: counting working days', () => {
  const cal = new WorkingCalendar(NOTICE_2025);

  it('when a dossier was due Friday 25/07/2025, then on Monday 28/07/2025 it is 1 working day overdue', () => {
    expect(cal.workingDaysBetween(d('25/07/2025'), d('28/07/2025'))).toBe(1);
    expect(cal.workingDaysUntil(d('28/07/2025'), d('25/07/2025'))).toBe(-1);
  });

  it('when the due day is today or later, then it is 0 days overdue', () => {
    expect(cal.workingDaysBetween(d('28/07/2025'), d('28/07/2025'))).toBe(0);
    expect(cal.workingDaysBetween(d('29/07/2025'), d('28/07/2025'))).toBe(0);
  });

  it('when counting across 30/4–1/5/2025 and the swap, then only 28–29/04 count in the week (make-up Saturday 26/04 too)', () => {
    // Fri 25/04 → Mon 05/05: Sat 26/04 (make-up), Mon 28, Tue 29 work; 30/4, 1/5, 2/5 (swap), weekend off; Mon 05/05 works.
    expect(cal.workingDaysBetween(d('25/04/2025'), d('05/05/2025'))).toBe(4);
    expect(formatDay(cal.nextWorkingDay(d('29/04/2025')))).toBe('05/05/2025');
  });

  it('when counting across Tết 2026, then 16–20/02 are skipped', () => {
    expect(cal.workingDaysBetween(d('13/02/2026'), d('23/02/2026'))).toBe(1);
    expect(cal.workingDaysBetween(d('12/02/2026'), d('24/02/2026'))).toBe(3);
  });

  it('when a deadline of n working days runs over Tết 2026, then addWorkingDays jumps the holiday', () => {
    expect(formatDay(cal.addWorkingDays(d('12/02/2026'), 1))).toBe('13/02/2026');
    expect(formatDay(cal.addWorkingDays(d('12/02/2026'), 2))).toBe('23/02/2026');
    expect(formatDay(cal.addWorkingDays(d('12/02/2026'), 5))).toBe('26/02/2026');
  });

  it('when n is 0, then addWorkingDays returns the day itself if working, else the next working day', () => {
    expect(formatDay(cal.addWorkingDays(d('28/07/2025'), 0))).toBe('28/07/2025');
    expect(formatDay(cal.addWorkingDays(d('26/07/2025'), 0))).toBe('28/07/2025');
    expect(formatDay(cal.addWorkingDays(d('17/02/2026'), 0))).toBe('23/02/2026');
  });

  it('when n is negative or fractional, then addWorkingDays throws', () => {
    expect(() => cal.addWorkingDays(d('28/07/2025'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(d('28/07/2025'), 1.5)).toThrow(RangeError);
  });

  it('when a due date is ahead, then workingDaysUntil gives the working days left ("due within 2 days")', () => {
    expect(cal.workingDaysUntil(d('25/07/2025'), d('29/07/2025'))).toBe(2);
    expect(cal.workingDaysUntil(d('28/07/2025'), d('28/07/2025'))).toBe(0);
    expect(Object.is(cal.workingDaysUntil(d('27/07/2025'), d('26/07/2025')), 0)).toBe(true);
  });

  it('when counts span year ends, then they equal a day-by-day count', () => {
    const naive = (from: number, to: number): number => {
      let n = 0;
      for (let x = from + 1; x <= to; x++) if (cal.isWorkingDay(x)) n++;
      return n;
    };
    const start = d('15/06/2024');
    for (let i = 0; i < 300; i++) {
      const from = start + ((i * 7919) % 700);
      const to = from + ((i * 104_729) % 800) - 50;
      expect(cal.workingDaysBetween(from, to), `${formatDay(from)}→${formatDay(to)}`).toBe(Math.max(0, naive(from, to)));
    }
  });

  it('when n ≥ 1, then workingDaysBetween(day, addWorkingDays(day, n)) is n', () => {
    for (let day = d('20/12/2025'); day <= d('10/03/2026'); day++) {
      for (const n of [1, 2, 7, 15]) expect(cal.workingDaysBetween(day, cal.addWorkingDays(day, n))).toBe(n);
    }
  });

  it('when a list of 100,000 dossiers is checked over a two-year span, then counting stays fast', () => {
    const from = d('01/07/2025');
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += cal.workingDaysBetween(from + (i % 300), from + 400 + (i % 330));
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('when a calendar is weekend-only, then weekdays are working days', () => {
    const plain = new WorkingCalendar([], { ruleYears: [3000, 3000] });
    for (let x = d('01/01/2025'); x <= d('31/12/2025'); x++) expect(plain.isWorkingDay(x)).toBe(!isWeekend(x));
  });
});
