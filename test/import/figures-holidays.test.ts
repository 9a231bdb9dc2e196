/**
 * `import figures` (reported figures and indicators) and `import holidays` (announced days
 * into the working calendar).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALENDAR_VERSION_KEY, loadCalendar } from '../../src/data/calendar.js';
import { getMeta } from '../../src/data/meta.js';
import { latestIndicators, reportedFiguresFor } from '../../src/data/reported.js';
import type { Store } from '../../src/data/store.js';
import { importFigures, isIndicator, parseReportNumber } from '../../src/import/figures/import-figures.js';
import { importHolidays } from '../../src/import/holidays/import-holidays.js';
import { dayFromIso } from '../../src/time/day.js';
import { TEST_DIALECT } from '../helpers/store.js';
import { IMPORT_NOW, SHARED_DATA, storeWithUnits, tempDir } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let store: Store & { dispose(): Promise<void> };
beforeEach(async () => {
  store = await storeWithUnits();
  // The demo catalogue carries its own published figures; these tests start from none.
  await store.sql.exec('DELETE FROM reported_figure; DELETE FROM indicator; DELETE FROM calendar_day');
});
afterEach(async () => {
  await store.dispose();
});

const idOf = async (table: 'province' | 'commune', code: string) => Number((await store.sql.get<{ id: unknown }>(`SELECT id FROM ${table} WHERE code = ?`, [code]))!.id);

const FIGURES = [
  'unit_code,unit_name,period_from,period_to,metric,value,qualifier,rank,rank_of,source,source_date',
  '33,Hưng Yên,01/07/2025,13/08/2025,received,156.230,,,,Báo Hưng Yên,15/08/2025',
  '33,Hưng Yên,01/07/2025,13/08/2025,received_online,134251,,,,Báo Hưng Yên,15/08/2025',
  '33,Hưng Yên,01/07/2025,13/08/2025,online_rate_rank,"85,9",,11,34,Báo Hưng Yên,15/08/2025',
  '33,Hưng Yên,01/07/2025,13/08/2025,procedures_published,2.119,,,,Báo Hưng Yên,15/08/2025',
  '05323,Xã Quyết Thắng,2025-07-01,2025-07-28,visits,3000,over,,,Báo Phú Thọ,2025-07',
  '08152,Thanh Ba,01/07/2025,25/12/2025,disbursement_rate,"71,11 %",,,,Báo Phú Thọ,26/12/2025',
].join('\n');

describe(`import figures (${TEST_DIALECT})`, () => {
  it('stores reported figures and indicators by unit, period and metric', async () => {
    const r = await importFigures(store, tmp.file('figures.csv', FIGURES), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', rows: 6, inserted: 6, rejected: 0 });
    const hy = await idOf('province', '33');
    const reported = await reportedFiguresFor(store, 'province', hy, '2025-07-01', '2025-08-13');
    expect(reported.map((f) => [f.metric, f.value, f.qualifier])).toEqual([
      ['received', 156230, 'exact'],
      ['received_online', 134251, 'exact'],
    ]);
    const indicators = await latestIndicators(store, 'province', [hy], '2025-12-31');
    expect(indicators.map((i) => [i.kind, i.value, i.rank, i.rankOf]).sort()).toEqual([
      ['online_rate_rank', 85.9, 11, 34],
      ['procedures_published', 2119, null, null],
    ]);
    const visits = await reportedFiguresFor(store, 'commune', await idOf('commune', '05323'), '2025-07-01', '2025-07-28');
    expect(visits).toMatchObject([{ metric: 'visits', value: 3000, qualifier: 'over', sourceDate: '2025-07' }]);
    const disbursement = await latestIndicators(store, 'commune', [await idOf('commune', '08152')], '2025-12-31');
    expect(disbursement).toMatchObject([{ kind: 'disbursement_rate', value: 71.11 }]);
  });

  it('re-importing updates changed values only', async () => {
    const path = tmp.file('figures.csv', FIGURES);
    await importFigures(store, path, { now: IMPORT_NOW });
    const again = await importFigures(store, tmp.file('figures2.csv', FIGURES.replace('156.230', '156.231')), { now: IMPORT_NOW });
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 5 });
    expect(Number((await store.sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM reported_figure'))!.n)).toBe(3);
  });

  it('rejects bad rows with reasons', async () => {
    const csv = [
      'unit_code,unit_name,period_from,period_to,metric,value,qualifier,rank,rank_of,source,source_date',
      '123,,01/07/2025,31/07/2025,received,1,,,,Nguồn,2025-08-01',
      '99,,01/07/2025,31/07/2025,received,1,,,,Nguồn,2025-08-01',
      '05293,Yên Phú,01/07/2025,31/07/2025,received,1,,,,Nguồn,2025-08-01',
      '05293,,31/07/2025,01/07/2025,received,1,,,,Nguồn,2025-08-01',
      '05293,,01/07/2025,31/07/2025,Tiếp nhận,1,,,,Nguồn,2025-08-01',
      '05293,,01/07/2025,31/07/2025,received,nhiều,,,,Nguồn,2025-08-01',
      '05293,,01/07/2025,31/07/2025,received,1,gần,,,Nguồn,2025-08-01',
      '05293,,01/07/2025,31/07/2025,received,1,,3,10,Nguồn,2025-08-01',
      '33,,01/07/2025,31/07/2025,online_rate_rank,,,40,34,Nguồn,2025-08-01',
      '05293,,01/07/2025,31/07/2025,received,1,,,,,sáng nay',
      '05293,Xã Thượng Cốc,01/07/2025,28/07/2025,received,390,,,,Báo Phú Thọ,2025-07-29',
    ].join('\n');
    const r = await importFigures(store, tmp.file('bad-figures.csv', csv), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', inserted: 1, rejected: 10 });
    expect(r.rejections.map((x) => [x.line, x.column])).toEqual([
      [2, 'unit_code'],
      [3, 'unit_code'],
      [4, 'unit_name'],
      [5, 'period_from'],
      [6, 'metric'],
      [7, 'value'],
      [8, 'qualifier'],
      [9, 'rank'],
      [10, 'rank'],
      [11, 'source, source_date'],
    ]);
    expect(r.rejections[2]!.reason).toBe('Mã 05293 là Thượng Cốc, không phải "Yên Phú".');
    expect(r.rejections[8]!.reason).toBe('Thứ hạng 40 lớn hơn tổng số 34.');
  });

  it('reads numbers as Vietnamese reports write them', () => {
    expect(parseReportNumber('156.230', true)).toBe(156230);
    expect(parseReportNumber('58,72', false)).toBe(58.72);
    expect(parseReportNumber('58.72', false)).toBe(58.72);
    expect(parseReportNumber('71,11 %', false)).toBe(71.11);
    expect(parseReportNumber('1.234,5', false)).toBe(1234.5);
    expect(parseReportNumber('12 ngàn', true)).toBeNull();
    expect([isIndicator('disbursement_rate'), isIndicator('online_rate_rank'), isIndicator('received')]).toEqual([true, true, false]);
  });
});

const HOLIDAYS = join(SHARED_DATA, 'holidays.csv');

describe(`import holidays (${TEST_DIALECT})`, () => {
  it('stores announced days; unverified ones are kept but not applied; calendars reload', async () => {
    const csv = [
      'date,name,kind,note',
      '2026-01-02,Nghỉ hoán đổi,day_off_swap,CV 12729/VPCP-KGVX',
      '10/01/2026,Làm bù,makeup_workday,',
      '2026-08-31,Nghỉ dự kiến,day_off_swap_unverified,chưa có văn bản',
      '2026-11-24,Ngày Văn hóa,proposed_unconfirmed,',
      '2026-02-30,Ngày không có,public_holiday,',
      '2026-03-02,Nghỉ gì đó,holiday,',
      '2026-01-02,Nghỉ hoán đổi (sửa),day_off_swap,CV 12729/VPCP-KGVX',
    ].join('\n');
    const before = await getMeta(store, CALENDAR_VERSION_KEY);
    const r = await importHolidays(store, tmp.file('holidays.csv', csv), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', rows: 7, inserted: 4, rejected: 2, duplicates: 1 });
    expect(r.rejections.map((x) => [x.line, x.column])).toEqual([
      [2, null],
      [6, 'date'],
      [7, 'kind'],
    ]);
    expect(await getMeta(store, CALENDAR_VERSION_KEY)).not.toBe(before);
    const calendar = await loadCalendar(store);
    expect(calendar.isWorkingDay(dayFromIso('2026-01-02'))).toBe(false);
    expect(calendar.isWorkingDay(dayFromIso('2026-01-10'))).toBe(true);
    expect(calendar.isWorkingDay(dayFromIso('2026-08-31'))).toBe(true);
    const swap = await store.sql.get<{ name: string }>("SELECT name FROM calendar_day WHERE date = '2026-01-02'");
    expect(swap!.name).toBe('Nghỉ hoán đổi (sửa)');
  });

  it.skipIf(!existsSync(HOLIDAYS))('imports the reference holidays.csv, twice to the same store', async () => {
    const first = await importHolidays(store, HOLIDAYS, { now: IMPORT_NOW, rejectedCsv: null });
    expect(first).toMatchObject({ status: 'done', rows: 29, inserted: 29, rejected: 0 });
    const again = await importHolidays(store, HOLIDAYS, { now: IMPORT_NOW, rejectedCsv: null });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 29 });
  });
});
