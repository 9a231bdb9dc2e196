import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/time/day.js';
import { parsePeriod, splitTrailingPeriod } from '../../src/time/period.js';
import { periodErrorText } from '../../src/text/messages.js';
import { d } from './support.js';

/** Sunday 22/11/2026, as in the other period tests. */
const NOV = d('22/11/2026');

function span(text: string): string {
  const r = parsePeriod(text, NOV);
  return r.ok ? `${formatDay(r.period.from)}–${formatDay(r.period.to)}` : `error ${r.error.code}`;
}

describe('parsePeriod: the word periods officials write in chats', () => {
  it('when "từ đầu tháng|quý|năm|tuần" is typed, then it is the running one up to today', () => {
    expect(span('từ đầu tháng')).toBe('01/11/2026–22/11/2026');
    expect(span('tu dau thang den nay')).toBe('01/11/2026–22/11/2026');
    expect(span('đầu tháng này')).toBe('01/11/2026–22/11/2026');
    expect(span('từ đầu năm')).toBe('01/01/2026–22/11/2026');
    expect(span('từ đầu năm đến nay')).toBe('01/01/2026–22/11/2026');
    expect(span('từ đầu quý')).toBe('01/10/2026–22/11/2026');
    expect(span('từ đầu tuần')).toBe('16/11/2026–22/11/2026');
    expect(span('từ đầu tháng 7/2025 đến 28/7/2025')).toBe('01/07/2025–28/07/2025');
    expect(span('từ đầu năm 2026 đến nay')).toBe('01/01/2026–22/11/2026');
  });

  it('when a month or quarter is followed by "năm ngoái" or "năm nay", then that year', () => {
    expect(span('tháng 7 năm ngoái')).toBe('01/07/2025–31/07/2025');
    expect(span('thang 12 nam truoc')).toBe('01/12/2025–31/12/2025');
    expect(span('quý 3 năm ngoái')).toBe('01/07/2025–30/09/2025');
    expect(span('tháng 7 năm nay')).toBe('01/07/2026–31/07/2026');
    expect(span('từ tháng 8 năm ngoái đến tháng 9 năm ngoái')).toBe('01/08/2025–30/09/2025');
  });

  it('when a month is written short ("t7/2025", "th 7", "thg 7"), then it is that month', () => {
    expect(span('t7/2025')).toBe('01/07/2025–31/07/2025');
    expect(span('T10')).toBe('01/10/2026–31/10/2026');
    expect(span('th 7/2025')).toBe('01/07/2025–31/07/2025');
    expect(span('thg 8')).toBe('01/08/2026–31/08/2026');
  });

  it('when "N tháng gần đây" is typed, then the running month and the N − 1 before it', () => {
    expect(span('2 tháng gần đây')).toBe('01/10/2026–22/11/2026');
    expect(span('trong 3 thang qua')).toBe('01/09/2026–22/11/2026');
    expect(span('12 tháng gần nhất')).toBe('01/12/2025–22/11/2026');
    expect(parsePeriod('3 tháng qua', d('15/01/2026')).ok && span('3 tháng qua')).toBe('01/09/2026–22/11/2026');
    const jan = parsePeriod('3 tháng qua', d('15/01/2026'));
    expect(jan.ok && formatDay(jan.period.from)).toBe('01/11/2025');
    expect(span('0 tháng qua')).toBe('error unrecognised');
  });

  it('when months or quarters are written in words, halves of a year, or "tuần qua", then they are read', () => {
    expect(span('tháng bảy')).toBe('01/07/2026–31/07/2026');
    expect(span('tháng mười hai năm 2025')).toBe('01/12/2025–31/12/2025');
    expect(span('thang gieng/2026')).toBe('01/01/2026–31/01/2026');
    expect(span('quý ba năm 2025')).toBe('01/07/2025–30/09/2025');
    expect(span('quý tư năm ngoái')).toBe('01/10/2025–31/12/2025');
    expect(span('6 tháng đầu năm')).toBe('01/01/2026–30/06/2026');
    expect(span('6 tháng cuối năm 2025')).toBe('01/07/2025–31/12/2025');
    expect(span('6 thang cuoi nam')).toBe('01/07/2026–22/11/2026');
    expect(span('tuần qua')).toBe('09/11/2026–15/11/2026');
    expect(span('tháng qua')).toBe('01/10/2026–31/10/2026');
  });

  it('when "tuần rồi", "7 ngày qua", "hôm qua" are typed, then they are read as before', () => {
    expect(span('tuần rồi')).toBe('09/11/2026–15/11/2026');
    expect(span('7 ngày qua')).toBe('16/11/2026–22/11/2026');
    expect(span('hôm qua')).toBe('21/11/2026–21/11/2026');
    expect(span('tháng 7 năm 2025')).toBe('01/07/2025–31/07/2025');
  });
});

describe('period errors say what is wrong', () => {
  it('when a quarter is out of range, then the message says quarters are 1–4, not that a day is missing', () => {
    const r = parsePeriod('quý 5', NOV);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_quarter');
    const text = periodErrorText(r.error);
    expect(text).toContain('quý chỉ từ 1 đến 4');
    expect(text).not.toContain('Ngày');
  });

  it('when a month is out of range, then the message says months are 1–12', () => {
    const r = parsePeriod('tháng 13', NOV);
    expect(!r.ok && periodErrorText(r.error)).toContain('tháng chỉ từ 1 đến 12');
  });

  it('when "999999 ngày" follows a commune name, then it is reported as too many days, not read as part of the name', () => {
    const r = splitTrailingPeriod('Thượng Cốc 999999 ngày', NOV);
    expect(r.rest).toBe('Thượng Cốc');
    expect(r.error?.code).toBe('too_many_days');
    expect(periodErrorText(r.error!)).toContain('3.660');
    expect(splitTrailingPeriod('Thượng Cốc 99999999999 ngày', NOV).error?.code).toBe('too_many_days');
  });

  it('when "quý 5" follows a commune name, then the quarter is the error and the name stays', () => {
    const r = splitTrailingPeriod('Thượng Cốc quý 5', NOV);
    expect(r.rest).toBe('Thượng Cốc');
    expect(r.error?.code).toBe('bad_quarter');
  });
});
