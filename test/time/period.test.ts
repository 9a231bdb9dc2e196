import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/time/day.js';
import {
  NEW_MODEL_START,
  type PeriodErrorCode,
  type PeriodResult,
  defaultPeriod,
  parsePeriod,
} from '../../src/time/period.js';
import { d } from './support.js';

/** Sunday 22/11/2026: late in the year, so "tháng 12" and "quý 4" test the no-year rule. */
const NOV = d('22/11/2026');
/** Thursday 15/01/2026: early in the year, so missing years wrap back to 2025. */
const JAN = d('15/01/2026');

function show(r: PeriodResult): string {
  return r.ok ? `${formatDay(r.period.from)}–${formatDay(r.period.to)} | ${r.period.label}` : `error ${r.error.code}`;
}

function expectPeriod(text: string, today: number, from: string, to: string, label?: string): void {
  const r = parsePeriod(text, today);
  expect(r.ok, `${text}: ${show(r)}`).toBe(true);
  if (!r.ok) return;
  expect(formatDay(r.period.from), text).toBe(from);
  expect(formatDay(r.period.to), text).toBe(to);
  if (label !== undefined) expect(r.period.label, text).toBe(label);
}

function expectError(text: string, today: number, code: PeriodErrorCode): void {
  const r = parsePeriod(text, today);
  expect(r.ok ? show(r) : r.error.code, text).toBe(code);
}

describe('parsePeriod: relative periods', () => {
  it('when "hôm nay" or "hom nay" is typed, then the period is today', () => {
    expectPeriod('hôm nay', NOV, '22/11/2026', '22/11/2026', 'hôm nay (22/11/2026)');
    expectPeriod('hom nay', NOV, '22/11/2026', '22/11/2026');
    expectPeriod('  HÔM   NAY  ', NOV, '22/11/2026', '22/11/2026');
  });

  it('when "hôm qua" is typed, then the period is yesterday', () => {
    expectPeriod('hôm qua', NOV, '21/11/2026', '21/11/2026', 'hôm qua (21/11/2026)');
  });

  it('when "tuần này" is typed on a Sunday, then the week started on Monday and ends today', () => {
    expectPeriod('tuần này', NOV, '16/11/2026', '22/11/2026', 'tuần này (16/11/2026 – 22/11/2026)');
    expectPeriod('tuan nay', JAN, '12/01/2026', '15/01/2026');
  });

  it('when "tuần trước" is typed, then the period is last Monday–Sunday', () => {
    expectPeriod('tuần trước', NOV, '09/11/2026', '15/11/2026', 'tuần trước (09/11/2026 – 15/11/2026)');
    expectPeriod('tuan truoc', JAN, '05/01/2026', '11/01/2026');
  });

  it('when "tháng này" is typed, then the month runs to today', () => {
    expectPeriod('tháng này', NOV, '01/11/2026', '22/11/2026', 'tháng này (01/11/2026 – 22/11/2026)');
  });

  it('when "tháng trước" is typed in January, then it is December of last year', () => {
    expectPeriod('tháng trước', NOV, '01/10/2026', '31/10/2026', 'tháng trước (tháng 10/2026)');
    expectPeriod('thang truoc', JAN, '01/12/2025', '31/12/2025', 'tháng trước (tháng 12/2025)');
  });

  it('when "năm nay" or "năm trước" is typed, then this year to today or the whole last year', () => {
    expectPeriod('năm nay', NOV, '01/01/2026', '22/11/2026', 'năm nay (01/01/2026 – 22/11/2026)');
    expectPeriod('năm trước', NOV, '01/01/2025', '31/12/2025', 'năm trước (năm 2025)');
    expectPeriod('nam ngoai', JAN, '01/01/2025', '31/12/2025');
  });

  it('when "quý này" or "quý trước" is typed, then the current quarter to today or the previous one', () => {
    expectPeriod('quý này', NOV, '01/10/2026', '22/11/2026');
    expectPeriod('quy truoc', JAN, '01/10/2025', '31/12/2025', 'quý trước (quý 4/2025)');
  });

  it('when "7 ngày" or "30 ngày" is typed, then the last N days including today', () => {
    expectPeriod('7 ngày', NOV, '16/11/2026', '22/11/2026', '7 ngày gần nhất (16/11/2026 – 22/11/2026)');
    expectPeriod('30 ngày', NOV, '24/10/2026', '22/11/2026');
    expectPeriod('30 ngay qua', JAN, '17/12/2025', '15/01/2026');
    expectPeriod('trong 7 ngày gần nhất', NOV, '16/11/2026', '22/11/2026');
  });

  it('when "0 ngày" is typed, then it is not recognised; an absurd count is too many days', () => {
    expectError('0 ngày', NOV, 'unrecognised');
    expectError('999999 ngày', NOV, 'too_many_days');
  });
});

describe('parsePeriod: months, quarters, years', () => {
  it('when "tháng 7/2025" is typed in any spelling, then it is July 2025', () => {
    for (const t of ['tháng 7/2025', 'tháng 07/2025', 'thang 7/2025', 'THÁNG 7 / 2025', 'tháng 7 năm 2025', 'tháng 7-2025', '7/2025']) {
      expectPeriod(t, NOV, '01/07/2025', '31/07/2025', 'tháng 7/2025');
    }
  });

  it('when "quý 3/2025" is typed with digits or Roman numerals, then it is July–September 2025', () => {
    for (const t of ['quý 3/2025', 'quy 3/2025', 'quý III/2025', 'quý iii năm 2025', 'Q3/2025']) {
      expectPeriod(t, NOV, '01/07/2025', '30/09/2025', 'quý 3/2025');
    }
  });

  it('when "năm 2025" is typed, then it is the whole year', () => {
    expectPeriod('năm 2025', NOV, '01/01/2025', '31/12/2025', 'năm 2025');
  });

  it('when the current month, quarter or year is named, then it is clipped to today and the label says so', () => {
    expectPeriod('tháng 11/2026', NOV, '01/11/2026', '22/11/2026', 'tháng 11/2026 (đến 22/11/2026)');
    expectPeriod('quý 4/2026', NOV, '01/10/2026', '22/11/2026', 'quý 4/2026 (đến 22/11/2026)');
    expectPeriod('năm 2026', NOV, '01/01/2026', '22/11/2026', 'năm 2026 (đến 22/11/2026)');
  });
});

describe('parsePeriod: a period without a year is the latest one not in the future', () => {
  it('when it is 22/11/2026, then "tháng 7" is July 2026 and "tháng 12" is December 2025', () => {
    expectPeriod('tháng 7', NOV, '01/07/2026', '31/07/2026', 'tháng 7/2026');
    expectPeriod('tháng 12', NOV, '01/12/2025', '31/12/2025', 'tháng 12/2025');
    expectPeriod('tháng 11', NOV, '01/11/2026', '22/11/2026');
  });

  it('when it is 22/11/2026, then "quý 4" has started and is Q4 2026 to today; "quý 3" and "quý III" are Q3 2026', () => {
    expectPeriod('quý 4', NOV, '01/10/2026', '22/11/2026');
    expectPeriod('quý 3', NOV, '01/07/2026', '30/09/2026', 'quý 3/2026');
    expectPeriod('quý III', NOV, '01/07/2026', '30/09/2026');
  });

  it('when it is 15/01/2026, then "tháng 12", "tháng 7" and "quý 3" wrap back to 2025', () => {
    expectPeriod('tháng 12', JAN, '01/12/2025', '31/12/2025');
    expectPeriod('tháng 7', JAN, '01/07/2025', '31/07/2025');
    expectPeriod('quý 3', JAN, '01/07/2025', '30/09/2025');
    expectPeriod('tháng 1', JAN, '01/01/2026', '15/01/2026');
    expectPeriod('quý 1', JAN, '01/01/2026', '15/01/2026');
  });

  it('when a day and month are typed, then the latest such day up to today', () => {
    expectPeriod('28/7', NOV, '28/07/2026', '28/07/2026', 'ngày 28/07/2026');
    expectPeriod('22/11', NOV, '22/11/2026', '22/11/2026');
    expectPeriod('23/11', NOV, '23/11/2025', '23/11/2025');
    expectPeriod('28/7', JAN, '28/07/2025', '28/07/2025');
  });
});

describe('parsePeriod: single dates and ranges', () => {
  it('when a single date is typed, then the period is that day', () => {
    expectPeriod('28/7/2025', NOV, '28/07/2025', '28/07/2025', 'ngày 28/07/2025');
    expectPeriod('ngày 28/07/2025', NOV, '28/07/2025', '28/07/2025');
    expectPeriod('ngày 28 tháng 7 năm 2025', NOV, '28/07/2025', '28/07/2025');
    expectPeriod('28/7/25', NOV, '28/07/2025', '28/07/2025');
  });

  it('when a range is typed in any of its forms, then from and to are inclusive', () => {
    for (const t of [
      'từ 1/7 đến 28/7/2025',
      'từ 01/07/2025 đến 28/07/2025',
      'tu 1/7 den 28/7/2025',
      'Từ ngày 1/7/2025 đến ngày 28/7/2025',
      '1/7/2025-28/7/2025',
      '1/7/2025 – 28/7/2025',
      '1/7/2025 - 28/7/2025',
      'từ 1/7/2025 tới 28/7/2025',
      'từ 1/7/2025 đến 28/7',
    ]) {
      expectPeriod(t, NOV, '01/07/2025', '28/07/2025', 'từ 01/07/2025 đến 28/07/2025');
    }
  });

  it('when the range crosses the new year without years on the start, then the start is in the previous year', () => {
    expectPeriod('từ 1/12 đến 5/1/2026', NOV, '01/12/2025', '05/01/2026');
    expectPeriod('từ 1/12 đến 5/1', JAN, '01/12/2025', '05/01/2026');
    expectPeriod('từ 1/12/2025 đến 5/1', NOV, '01/12/2025', '05/01/2026');
  });

  it('when the ends of a range are months or quarters, then the range covers them whole', () => {
    expectPeriod('từ tháng 7 đến tháng 9/2025', NOV, '01/07/2025', '30/09/2025');
    expectPeriod('từ tháng 7-2025 đến tháng 9-2025', NOV, '01/07/2025', '30/09/2025');
    expectPeriod('từ quý 3/2025 đến quý 1/2026', NOV, '01/07/2025', '31/03/2026');
  });

  it('when only "từ" is given, then the range runs to today', () => {
    expectPeriod('từ 1/7/2025', NOV, '01/07/2025', '22/11/2026', 'từ 01/07/2025 đến nay');
    expectPeriod('từ 1/7/2025 đến nay', NOV, '01/07/2025', '22/11/2026', 'từ 01/07/2025 đến nay');
    expectPeriod('tu 1/11 den hom nay', NOV, '01/11/2026', '22/11/2026');
  });

  it('when only "đến" is given, then the range starts on 01/07/2025, the start of the new model', () => {
    expectPeriod('đến 28/7/2025', NOV, '01/07/2025', '28/07/2025', 'từ 01/07/2025 đến 28/07/2025');
    expectPeriod('den 31/10', NOV, '01/07/2025', '31/10/2026');
  });

  it('when a range ends after today, then it is clipped to today', () => {
    expectPeriod('từ 1/11/2026 đến 31/12/2026', NOV, '01/11/2026', '22/11/2026', 'từ 01/11/2026 đến 22/11/2026');
  });
});

describe('parsePeriod: bad input', () => {
  it('when a date cannot exist, then impossible_date', () => {
    expectError('31/2/2025', NOV, 'impossible_date');
    expectError('32/1', NOV, 'impossible_date');
    expectError('29/2/2025', NOV, 'impossible_date');
    expectError('tháng 13', NOV, 'bad_month');
    expectError('tháng 0/2025', NOV, 'bad_month');
    expectError('quý 5', NOV, 'bad_quarter');
    expectError('từ 1/7/2025 đến 31/2/2026', NOV, 'impossible_date');
    const r = parsePeriod('31/2/2025', NOV);
    expect(r.ok ? undefined : r.error.detail).toBe('31/2/2025');
  });

  it('when the end of a range is before its start, then reversed', () => {
    expectError('từ 28/7/2025 đến 1/7/2025', NOV, 'reversed');
    expectError('28/7/2025 - 1/7/2025', NOV, 'reversed');
    expectError('từ tháng 9/2025 đến tháng 7/2025', NOV, 'reversed');
  });

  it('when the whole period is after today, then future', () => {
    expectError('tháng 12/2026', NOV, 'future');
    expectError('năm 2027', NOV, 'future');
    expectError('23/11/2026', NOV, 'future');
    expectError('từ 1/12/2026', NOV, 'future');
    expectError('quý 1/2026', d('31/12/2025'), 'future');
  });

  it('when the period ends before 01/07/2025, then too_old (no figures exist before the new model)', () => {
    expectError('tháng 6/2025', NOV, 'too_old');
    expectError('năm 2024', NOV, 'too_old');
    expectError('đến 30/6/2025', NOV, 'too_old');
    expectError('tháng 3', JAN, 'too_old');
    expectPeriod('năm 2025', NOV, '01/01/2025', '31/12/2025');
    const custom = parsePeriod('năm 2024', NOV, { earliest: d('01/01/2020') });
    expect(custom.ok).toBe(true);
  });

  it('when the text is not a period, then unrecognised and nothing is thrown', () => {
    for (const t of ['', '   ', 'x'.repeat(5000), '7 '.repeat(2500), '😀', '📅 tháng 7', '<b>', "'; DROP TABLE", 'Thượng Cốc', 'tháng', 'từ', 'đến', '1/7/2025 đến', 'tháng trước nữa', 'hôm kia', '\u0000']) {
      expectError(t, NOV, 'unrecognised');
    }
  });
});

describe('defaultPeriod and NEW_MODEL_START', () => {
  it('when no period is given, then callers use 01/07/2025 to today, labelled "từ 01/07/2025 đến nay"', () => {
    expect(formatDay(NEW_MODEL_START)).toBe('01/07/2025');
    expect(defaultPeriod(NOV)).toEqual({ from: d('01/07/2025'), to: NOV, label: 'từ 01/07/2025 đến nay' });
  });
});
