import { describe, expect, it } from 'vitest';
import { formatDay, isWeekend, ymdOf } from '../../src/time/day.js';
import { hungKingsDay, lunarNewYearDay, statutoryHolidays, statutoryOccasions } from '../../src/time/holidays.js';

function listed(year: number): string[] {
  return statutoryHolidays(year).map((e) => `${formatDay(e.day)} ${e.kind} ${e.name}`);
}

describe('statutory holidays by rule (Labour Code 2019, art. 111–112)', () => {
  it('when Tết is computed, then it follows the Vietnamese lunar calendar (UTC+7), not the Chinese one', () => {
    expect(formatDay(lunarNewYearDay(2025))).toBe('29/01/2025');
    expect(formatDay(lunarNewYearDay(2026))).toBe('17/02/2026');
    expect(formatDay(lunarNewYearDay(1985))).toBe('21/01/1985');
    expect(formatDay(lunarNewYearDay(2007))).toBe('17/02/2007');
  });

  it('when Giỗ Tổ Hùng Vương is computed, then it is 10/3 lunar', () => {
    expect(formatDay(hungKingsDay(2025))).toBe('07/04/2025');
    expect(formatDay(hungKingsDay(2026))).toBe('26/04/2026');
  });

  it('when the year is 2025, then the rule days are 1/1, Tết 28/01–01/02 with a compensating 03/02, 07/04, 30/4, 1/5, 1–2/9', () => {
    expect(listed(2025)).toEqual([
      '01/01/2025 public_holiday Tết Dương lịch',
      '28/01/2025 public_holiday 29 tháng Chạp – Giao thừa (nghỉ Tết Nguyên đán)',
      '29/01/2025 public_holiday Mùng 1 Tết Nguyên đán',
      '30/01/2025 public_holiday Mùng 2 Tết Nguyên đán',
      '31/01/2025 public_holiday Mùng 3 Tết Nguyên đán',
      '01/02/2025 public_holiday Mùng 4 Tết Nguyên đán',
      '03/02/2025 public_holiday_observed Nghỉ bù Tết Nguyên đán',
      '07/04/2025 public_holiday Giỗ Tổ Hùng Vương',
      '30/04/2025 public_holiday Ngày Chiến thắng',
      '01/05/2025 public_holiday Ngày Quốc tế Lao động',
      '01/09/2025 public_holiday Quốc khánh (ngày liền kề)',
      '02/09/2025 public_holiday Quốc khánh',
    ]);
  });

  it('when the year is 2026, then Giỗ Tổ on Sunday 26/04 is compensated on Monday 27/04', () => {
    expect(listed(2026)).toEqual([
      '01/01/2026 public_holiday Tết Dương lịch',
      '16/02/2026 public_holiday 29 tháng Chạp – Giao thừa (nghỉ Tết Nguyên đán)',
      '17/02/2026 public_holiday Mùng 1 Tết Nguyên đán',
      '18/02/2026 public_holiday Mùng 2 Tết Nguyên đán',
      '19/02/2026 public_holiday Mùng 3 Tết Nguyên đán',
      '20/02/2026 public_holiday Mùng 4 Tết Nguyên đán',
      '26/04/2026 public_holiday Giỗ Tổ Hùng Vương',
      '27/04/2026 public_holiday_observed Nghỉ bù Giỗ Tổ Hùng Vương',
      '30/04/2026 public_holiday Ngày Chiến thắng',
      '01/05/2026 public_holiday Ngày Quốc tế Lao động',
      '01/09/2026 public_holiday Quốc khánh (ngày liền kề)',
      '02/09/2026 public_holiday Quốc khánh',
    ]);
  });

  it('when lunar month 12 has 30 days, then the last day of the year is the 30th (Tết 2024)', () => {
    const eve = statutoryHolidays(2024).find((e) => e.name.includes('tháng Chạp'));
    expect(eve && formatDay(eve.day)).toBe('09/02/2024');
    expect(eve?.name).toBe('30 tháng Chạp – Giao thừa (nghỉ Tết Nguyên đán)');
  });

  it('when Tết days fall on a weekend, then compensating days follow the block (Tết 2024: Sat–Sun → Wed 14, Thu 15)', () => {
    const observed = statutoryHolidays(2024).filter((e) => e.kind === 'public_holiday_observed');
    expect(observed.map((e) => `${formatDay(e.day)} ${e.name}`)).toEqual([
      '14/02/2024 Nghỉ bù Tết Nguyên đán',
      '15/02/2024 Nghỉ bù Tết Nguyên đán',
      '03/09/2024 Nghỉ bù Quốc khánh',
    ]);
  });

  it('when 1/5 is a Saturday (2027), then the compensating day is Monday 3/5 and names the holiday', () => {
    const e = statutoryHolidays(2027).find((x) => x.kind === 'public_holiday_observed' && ymdOf(x.day).month === 5);
    expect(e && formatDay(e.day)).toBe('03/05/2027');
    expect(e?.name).toBe('Nghỉ bù Ngày Quốc tế Lao động');
    expect(e?.note).toMatch(/Điều 111/);
  });

  it('when 1/1 is a Saturday (2022), then Monday 3/1 is the compensating day', () => {
    const e = statutoryHolidays(2022).find((x) => x.kind === 'public_holiday_observed' && ymdOf(x.day).month === 1);
    expect(e && formatDay(e.day)).toBe('03/01/2022');
  });

  it('when any supported year is computed, then the rules hold: 11 holidays, 5 consecutive Tết days, one weekday compensation per weekend holiday', () => {
    for (let year = 2021; year <= 2199; year++) {
      const groups = statutoryOccasions(year);
      const holidays = groups.flatMap((g) => g.holidays);
      const observed = groups.flatMap((g) => g.observed);
      expect(holidays).toHaveLength(11);
      const tet = groups.find((g) => g.occasion === 'lunar_new_year')!.holidays.map((e) => e.day);
      expect(tet).toEqual([tet[0]!, tet[0]! + 1, tet[0]! + 2, tet[0]! + 3, tet[0]! + 4]);
      expect(observed).toHaveLength(holidays.filter((e) => isWeekend(e.day)).length);
      const holidayDays = new Set(holidays.map((e) => e.day));
      const all = statutoryHolidays(year);
      expect(new Set(all.map((e) => e.day)).size).toBe(all.length);
      for (const o of observed) {
        expect(isWeekend(o.day)).toBe(false);
        expect(holidayDays.has(o.day)).toBe(false);
      }
      for (const e of all) expect(ymdOf(e.day).year).toBe(year);
    }
  });

  it('when a year is outside the lunar table, then a RangeError says so instead of a wrong date', () => {
    expect(() => statutoryHolidays(2200)).toThrow(RangeError);
    expect(() => lunarNewYearDay(1700)).toThrow(RangeError);
  });
});
