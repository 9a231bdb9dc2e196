import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/time/day.js';
import { splitTrailingPeriod } from '../../src/time/period.js';
import { d } from './support.js';

const TODAY = d('22/11/2026');

function split(args: string): { rest: string; period?: string; error?: string } {
  const r = splitTrailingPeriod(args, TODAY);
  return {
    rest: r.rest,
    ...(r.period ? { period: `${formatDay(r.period.from)}–${formatDay(r.period.to)}` } : {}),
    ...(r.error ? { error: r.error.code } : {}),
  };
}

describe('splitTrailingPeriod: a commune name followed by a period', () => {
  it('when a range follows the name, then the name is the rest and the range the period', () => {
    expect(split('Thượng Cốc từ 1/7/2025 đến 28/7/2025')).toEqual({ rest: 'Thượng Cốc', period: '01/07/2025–28/07/2025' });
    expect(split('Yên Phú 1/7/2025 – 27/7/2025')).toEqual({ rest: 'Yên Phú', period: '01/07/2025–27/07/2025' });
  });

  it('when a short period follows the name, then it is taken', () => {
    expect(split('Quyết Thắng tháng 7/2025')).toEqual({ rest: 'Quyết Thắng', period: '01/07/2025–31/07/2025' });
    expect(split('Thuong Coc hom nay')).toEqual({ rest: 'Thuong Coc', period: '22/11/2026–22/11/2026' });
    expect(split('Tuần Giáo 7 ngày')).toEqual({ rest: 'Tuần Giáo', period: '16/11/2026–22/11/2026' });
  });

  it('when there is no period, then the arguments are returned unchanged', () => {
    expect(splitTrailingPeriod('Thượng Cốc', TODAY)).toEqual({ rest: 'Thượng Cốc' });
    expect(splitTrailingPeriod('  Thượng   Cốc ', TODAY)).toEqual({ rest: '  Thượng   Cốc ' });
    expect(splitTrailingPeriod('', TODAY)).toEqual({ rest: '' });
  });

  it('when the name itself starts with a period word (Năm Căn, Từ Sơn), then it stays a name', () => {
    expect(split('Năm Căn')).toEqual({ rest: 'Năm Căn' });
    expect(split('Từ Sơn')).toEqual({ rest: 'Từ Sơn' });
    expect(split('Năm Căn năm 2025')).toEqual({ rest: 'Năm Căn', period: '01/01/2025–31/12/2025' });
    expect(split('Từ Sơn tháng 7')).toEqual({ rest: 'Từ Sơn', period: '01/07/2026–31/07/2026' });
  });

  it('when the tail is a period with an impossible date, then the error is reported with the name as rest', () => {
    expect(split('Thượng Cốc tháng 13')).toEqual({ rest: 'Thượng Cốc', error: 'bad_month' });
    expect(split('Thượng Cốc 31/2/2025')).toEqual({ rest: 'Thượng Cốc', error: 'impossible_date' });
    expect(split('Thượng Cốc từ 31/2/2025 đến 28/7/2025')).toEqual({ rest: 'Thượng Cốc', error: 'impossible_date' });
  });

  it('when the tail is a reversed or future period, then that error is reported', () => {
    expect(split('Thượng Cốc từ 28/7/2025 đến 1/7/2025')).toEqual({ rest: 'Thượng Cốc', error: 'reversed' });
    expect(split('Thượng Cốc tháng 12/2026')).toEqual({ rest: 'Thượng Cốc', error: 'future' });
  });

  it('when the tail clearly tries to be a period but is not one, then unrecognised', () => {
    expect(split('Thượng Cốc tháng trước nữa')).toEqual({ rest: 'Thượng Cốc', error: 'unrecognised' });
    expect(split('Thượng Cốc 1/7/2025 đến')).toEqual({ rest: 'Thượng Cốc', error: 'unrecognised' });
  });

  it('when the whole argument is a period, then the rest is empty', () => {
    expect(split('tháng 7/2025')).toEqual({ rest: '', period: '01/07/2025–31/07/2025' });
  });

  it('when the arguments are huge or hostile, then it answers quickly without a period', () => {
    const t0 = performance.now();
    expect(split('x '.repeat(2500))).toEqual({ rest: 'x '.repeat(2500) });
    expect(split("<b>'; DROP TABLE 😀")).toEqual({ rest: "<b>'; DROP TABLE 😀" });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
