/**
 * Checks the rules and the override mechanism against the reference list of 2025–2026 days off
 * compiled from the government notices (shared/data/holidays.csv).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, isCalendarKind } from '../../src/time/calendar.js';
import { dayFromIso, dayFromYmd, formatDay, isWeekend } from '../../src/time/day.js';
import { type CalendarEntry, statutoryHolidays } from '../../src/time/holidays.js';

const CSV_PATH = path.resolve(import.meta.dirname, '../../../shared/data/holidays.csv');
const present = fs.existsSync(CSV_PATH);
if (!present) console.warn(`holidays reference tests skipped: ${CSV_PATH} not found`);

interface Row {
  date: string;
  name: string;
  kind: string;
  note: string;
}

/**
 * Rows that are not rule days on purpose: the government moved the Saturday mùng 4 of Tết 2025
 * (01/02) to Monday 27/01/2025 (TB 6150/TB-LĐTBXH). Those are overrides, loaded from data.
 */
const EXPECTED_OVERRIDES = new Set(['2025-01-27']);

const rows: Row[] = present ? (parse(fs.readFileSync(CSV_PATH, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[]) : [];

/** Rows the calendar applies; `*_unverified` and `proposed_unconfirmed` are not law yet. */
const applicable = rows.filter((r) => isCalendarKind(r.kind));
const overrides: CalendarEntry[] = applicable.map((r) => ({
  day: dayFromIso(r.date),
  kind: r.kind as CalendarEntry['kind'],
  name: r.name,
  note: r.note,
}));

(present ? describe : describe.skip)('reference holidays.csv (2025–2026)', () => {
  it('when the file is read, then it has rows of every applied kind and a few not-yet-law rows', () => {
    expect(new Set(applicable.map((r) => r.kind))).toEqual(
      new Set(['public_holiday', 'public_holiday_observed', 'day_off_swap', 'makeup_workday']),
    );
    expect(rows.length).toBeGreaterThan(applicable.length);
  });

  it('when a public_holiday row is a statutory day, then the rules produce it (moved days are documented overrides)', () => {
    const ruleDays = new Map([2025, 2026].flatMap((y) => statutoryHolidays(y)).map((e) => [e.day, e]));
    for (const r of rows.filter((x) => x.kind === 'public_holiday')) {
      if (EXPECTED_OVERRIDES.has(r.date)) {
        expect(ruleDays.has(dayFromIso(r.date)), `${r.date} should be an override, not a rule day`).toBe(false);
        continue;
      }
      expect(ruleDays.get(dayFromIso(r.date))?.kind, `${r.date} ${r.name}`).toBe('public_holiday');
    }
  });

  it('when a public_holiday_observed row exists, then the rules produce the same compensating day', () => {
    const observed = new Set(
      [2025, 2026].flatMap((y) => statutoryHolidays(y)).filter((e) => e.kind === 'public_holiday_observed').map((e) => e.day),
    );
    for (const r of rows.filter((x) => x.kind === 'public_holiday_observed')) {
      expect(observed.has(dayFromIso(r.date)), r.date).toBe(true);
    }
  });

  it('when every row is loaded as an override, then each day of 2025–2026 is working exactly as the file says', () => {
    const cal = new WorkingCalendar(overrides);
    const byDay = new Map(rows.map((r) => [dayFromIso(r.date), r]));
    for (let day = dayFromYmd(2025, 1, 1); day <= dayFromYmd(2026, 12, 31); day++) {
      const row = byDay.get(day);
      if (row && !isCalendarKind(row.kind)) continue; // not law yet: no claim either way
      const expected = row ? row.kind === 'makeup_workday' : !isWeekend(day);
      expect(cal.isWorkingDay(day), `${formatDay(day)} ${row?.name ?? ''}`).toBe(expected);
    }
  });

  it('when the file is loaded, then the examples of the notices hold', () => {
    const cal = new WorkingCalendar(overrides);
    expect(cal.isWorkingDay(dayFromIso('2025-04-26'))).toBe(true); // Saturday, make-up day
    expect(cal.isWorkingDay(dayFromIso('2025-05-02'))).toBe(false); // swapped day off
    expect(cal.isWorkingDay(dayFromIso('2026-01-10'))).toBe(true); // Saturday, make-up day
    expect(cal.isWorkingDay(dayFromIso('2026-01-02'))).toBe(false);
    expect(cal.isWorkingDay(dayFromIso('2025-02-03'))).toBe(true); // rule compensation replaced by 27/01
    expect(cal.entryFor(dayFromIso('2026-04-27'))?.kind).toBe('public_holiday_observed');
    // Tết Bính Ngọ: 9 days off from Saturday 14/02 to Sunday 22/02/2026.
    expect(cal.workingDaysBetween(dayFromIso('2026-02-13'), dayFromIso('2026-02-23'))).toBe(1);
  });
});
