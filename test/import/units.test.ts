/**
 * `import units` and `import old-units`, with the reference lists when the checkout has
 * them: 34 provinces and 3,321 units; /xa finds every unit by its name typed without
 * diacritics, asks which one when several provinces share a name, prefers the deployment's
 * province, and resolves old names after the old→new map is imported.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { UNITS_VERSION_KEY } from '../../src/data/directory.js';
import { getMeta } from '../../src/data/meta.js';
import type { Store } from '../../src/data/store.js';
import { isReply } from '../../src/core/reply.js';
import { findCommune } from '../../src/handlers/common.js';
import { importOldUnits } from '../../src/import/units/import-old-units.js';
import { importUnits } from '../../src/import/units/import-units.js';
import { foldKey } from '../../src/names/keys.js';
import { silentLogger } from '../../src/log.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';
import { IMPORT_NOW, SHARED_DATA, tempDir } from './fixtures.js';

const COMMUNES = join(SHARED_DATA, 'communes.csv');
const MERGE_MAP = join(SHARED_DATA, 'commune_merge_map.csv');
const PROVINCES = join(SHARED_DATA, 'provinces.csv');
const haveReference = existsSync(COMMUNES) && existsSync(MERGE_MAP);
if (!haveReference) console.log(`units reference tests skipped: ${COMMUNES} not found (../shared/data is not part of this checkout)`);

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const count = async (store: Store, table: string) => Number((await store.sql.get<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);

/** An application over `store` with the given settings (a second one shares the same data). */
function appOver(store: Store, env: Record<string, string> = {}): Promise<App> {
  return createApp({ env: parseEnv({ DEMO_DATA: 'false', ...env }), store, clock: fixedClock(IMPORT_NOW), log: silentLogger });
}

describe.skipIf(!haveReference)(`the reference unit lists (${TEST_DIALECT})`, () => {
  let store: Store & { dispose(): Promise<void> };
  let app: App;
  let phuTho: App;

  beforeAll(async () => {
    store = await openTestStore();
    const r = await importUnits(store, COMMUNES, { now: IMPORT_NOW, rejectedCsv: null });
    expect(r).toMatchObject({ status: 'done', rows: 3321, inserted: 3321, rejected: 0 });
    app = await appOver(store);
    phuTho = await appOver(store, { DEFAULT_PROVINCE: 'Phú Thọ' });
  }, 120_000);
  afterAll(async () => {
    await store?.dispose();
  });

  it('gives 34 provinces and 3,321 units, former names without their type word', async () => {
    expect(await count(store, 'province')).toBe(34);
    expect(await count(store, 'commune')).toBe(3321);
    // "Phường Đúc" is itself the old ward's name (Phường Phường Đúc), not a type word left over.
    const typed = await store.sql.all("SELECT name FROM former_unit WHERE name LIKE 'Xã %' OR name LIKE 'Phường %' OR name LIKE 'Thị trấn %'");
    expect(typed).toEqual([{ name: 'Phường Đúc' }]);
    const vanSon = await store.sql.all("SELECT f.name, f.type FROM former_unit f JOIN commune c ON c.id = f.commune_id WHERE c.code = '05293' ORDER BY f.name");
    expect(vanSon).toEqual([
      { name: 'Miền Đồi', type: 'xa' },
      { name: 'Thượng Cốc', type: 'xa' },
      { name: 'Văn Sơn', type: 'xa' },
    ]);
    const types = await store.sql.all<{ type: string; n: unknown }>('SELECT type, COUNT(*) AS n FROM commune GROUP BY type ORDER BY type');
    expect(types.map((t) => [t.type, Number(t.n)])).toEqual([
      ['dac_khu', 13],
      ['phuong', 687 + 22],
      ['xa', 2621 - 22],
    ]);
  });

  it('/xa Yên Phú asks which province is meant', async () => {
    const r = await ask(app, '/xa Yên Phú');
    expect(plain(r)).toContain('Có nhiều đơn vị tên "Yên Phú"');
    expect(r.choices?.options.map((o) => o.label)).toEqual(['Xã Yên Phú (Phú Thọ)', 'Xã Yên Phú (Thanh Hóa)', 'Xã Yên Phú (Tuyên Quang)']);
  });

  it('with DEFAULT_PROVINCE=Phú Thọ, /xa Yên Phú answers with Phú Thọ\'s and says other provinces have one too', async () => {
    const r = await ask(phuTho, '/xa Yên Phú');
    expect(r.status).toBe('ok');
    const text = plain(r);
    expect(text).toContain('Xã Yên Phú (Phú Thọ) · mã 05305');
    expect(text).toContain('Cùng tên ở tỉnh khác: Xã Yên Phú (Thanh Hóa); Xã Yên Phú (Tuyên Quang).');
  });

  it('/xa 05293 works', async () => {
    const r = await ask(app, '/xa 05293');
    expect(r.status).toBe('ok');
    expect(plain(r)).toContain('Xã Thượng Cốc (Phú Thọ) · mã 05293');
  });

  it('every one of the 3,321 names typed without diacritics leads to its unit, directly or among the choices', async () => {
    const units = await store.sql.all<{ code: string; name: string }>('SELECT code, name FROM commune');
    const missed: string[] = [];
    for (const u of units) {
      const typed = foldKey(u.name);
      const found = await findCommune(app.ctx, typed, (code) => `/xa ${code}`);
      if (!isReply(found)) {
        if (found.commune.code !== u.code) missed.push(`${u.code} ${u.name}: found ${found.commune.code}`);
        continue;
      }
      if (!(found.choices?.options ?? []).some((o) => o.command === `/xa ${u.code}`)) missed.push(`${u.code} ${u.name} (${typed})`);
    }
    expect(missed).toEqual([]);
  }, 120_000);

  it('after the old→new map, /xa Văn Sơn answers with Thượng Cốc', async () => {
    const before = await getMeta(store, UNITS_VERSION_KEY);
    const r = await importOldUnits(store, MERGE_MAP, { now: IMPORT_NOW, rejectedCsv: null });
    expect(r).toMatchObject({ status: 'done', rows: 10604, rejected: 0 });
    expect(r.inserted + r.updated + r.unchanged + r.duplicates).toBe(10604);
    expect(r.duplicates).toBe(0);
    expect(await getMeta(store, UNITS_VERSION_KEY)).not.toBe(before);

    const local = plain(await ask(phuTho, '/xa Văn Sơn'));
    expect(local).toContain('Xã Thượng Cốc (Phú Thọ) · mã 05293');
    expect(local).toMatch(/Văn Sơn \(trước sắp xếp\) nay thuộc [Xx]ã Thượng Cốc\./);
    // Without a province, several old Văn Sơn exist: Thượng Cốc is among the choices.
    const anywhere = await ask(app, '/xa Văn Sơn');
    expect(anywhere.choices?.options.map((o) => o.command)).toContain('/xa 05293');
  });

  it('keeps both old units named Yên Viên (a town and a commune, each with its old code), and /xa Yên Viên answers Phù Đổng once', async () => {
    const stored = await store.sql.all<{ code: string; name: string; type: string; district: string }>(
      "SELECT f.code, f.name, f.type, f.district FROM former_unit f JOIN commune c ON c.id = f.commune_id WHERE c.code = '00541' AND f.name = 'Yên Viên' ORDER BY f.code",
    );
    expect(stored).toEqual([
      { code: '00526', name: 'Yên Viên', type: 'thi_tran', district: 'Huyện Gia Lâm' },
      { code: '00532', name: 'Yên Viên', type: 'xa', district: 'Huyện Gia Lâm' },
    ]);
    // Every row of the official map is a distinct old unit: one stored entry per row.
    expect(await count(store, 'former_unit')).toBeGreaterThanOrEqual(10604);
    const r = await ask(app, '/xa Yên Viên');
    expect(r.status).toBe('ok');
    expect(r.choices).toBeUndefined();
    const text = plain(r);
    expect(text).toContain('Xã Phù Đổng (Hà Nội) · mã 00541');
    expect(text).toMatch(/Yên Viên \(trước sắp xếp\) nay thuộc [Xx]ã Phù Đổng\./);
    const town = plain(await ask(app, '/xa thị trấn Yên Viên'));
    expect(town).toContain('Xã Phù Đổng (Hà Nội) · mã 00541');
  });

  it('re-importing the same lists changes nothing', async () => {
    const units = await importUnits(store, COMMUNES, { now: IMPORT_NOW, rejectedCsv: null });
    expect(units).toMatchObject({ inserted: 0, updated: 0, unchanged: 3321 });
    const old = await importOldUnits(store, MERGE_MAP, { now: IMPORT_NOW, rejectedCsv: null });
    expect(old).toMatchObject({ inserted: 0, updated: 0 });
    expect(await count(store, 'commune')).toBe(3321);
  });

  it.skipIf(!existsSync(PROVINCES))('a province list sets which are cities', async () => {
    const r = await importUnits(store, PROVINCES, { now: IMPORT_NOW, rejectedCsv: null });
    expect(r).toMatchObject({ status: 'done', rows: 34, inserted: 0 });
    const hn = await store.sql.get<{ type: string }>("SELECT type FROM province WHERE code = '01'");
    expect(hn!.type).toBe('thành phố');
    expect(await count(store, 'province')).toBe(34);
  });
});

describe(`units from a small list (${TEST_DIALECT})`, () => {
  let store: Store & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.dispose();
  });

  const HEADER = 'code,name,type,full_name,province_code,province_name,merged_from,merged_from_codes,type_current,note_current,name_ascii';

  it('upserts by code: a renamed or re-typed unit is updated, never duplicated', async () => {
    const first = [
      HEADER,
      '90001,Thử Một,xã,Xã Thử Một,99,Tỉnh Thử,,"90011:Xã Cũ Một; 90012:Thị trấn Cũ Hai (một phần)",xã,,thu mot',
      '90002,Thử Hai,phường,Phường Thử Hai,99,Tỉnh Thử,,,phường,,thu hai',
    ].join('\n');
    const r1 = await importUnits(store, tmp.file('u1.csv', first), { now: IMPORT_NOW });
    expect(r1).toMatchObject({ status: 'done', inserted: 2 });
    const province = await store.sql.get<{ name: string; type: string }>("SELECT name, type FROM province WHERE code = '99'");
    expect(province).toEqual({ name: 'Thử', type: 'tỉnh' });
    const former = await store.sql.all<{ name: string; type: string; share: string; code: string }>('SELECT name, type, share, code FROM former_unit ORDER BY code');
    expect(former).toEqual([
      { name: 'Cũ Một', type: 'xa', share: 'toàn bộ', code: '90011' },
      { name: 'Cũ Hai', type: 'thi_tran', share: 'một phần', code: '90012' },
    ]);

    const second = [HEADER, '90001,Thử Mới,xã,Xã Thử Mới,99,Tỉnh Thử,,,phường,xã→phường,thu moi', '90002,Thử Hai,phường,Phường Thử Hai,99,Tỉnh Thử,,,phường,,thu hai'].join('\n');
    const r2 = await importUnits(store, tmp.file('u2.csv', second), { now: IMPORT_NOW });
    expect(r2).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await store.sql.all('SELECT code, name, type FROM commune ORDER BY code')).toEqual([
      { code: '90001', name: 'Thử Mới', type: 'phuong' },
      { code: '90002', name: 'Thử Hai', type: 'phuong' },
    ]);
    expect(await count(store, 'commune')).toBe(2);
  });

  it('rejects bad rows with reasons and keeps the rest; the same code twice keeps the later row', async () => {
    const csv = [
      HEADER,
      '123,Ngắn,xã,,99,Tỉnh Thử,,,,,',
      '90003,Thị Trấn Cũ,thị trấn,,99,Tỉnh Thử,,,,,',
      '90004,,xã,,99,Tỉnh Thử,,,,,',
      '90005,Bốn,xã,,9x,Tỉnh Thử,,,,,',
      '90006,Năm,xã,,99,Tỉnh Thử,,"90061 Xã Lỗi; :",,,',
      '90007,Sáu,xã,,99,Tỉnh Thử,,,,,',
      '90007,Sáu Mới,xã,,99,Tỉnh Thử,,,,,',
    ].join('\n');
    const r = await importUnits(store, tmp.file('bad-units.csv', csv), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', rows: 7, inserted: 1, rejected: 5, duplicates: 1 });
    expect(r.rejections.map((x) => [x.line, x.column])).toEqual([
      [2, 'code'],
      [3, 'type'],
      [4, 'name'],
      [5, 'province_code'],
      [6, 'merged_from_codes'],
      [7, null],
    ]);
    expect(r.rejections[1]!.reason).toBe('Loại đơn vị phải là xã, phường hoặc đặc khu, đang là "thị trấn".');
    const six = await store.sql.get<{ name: string }>("SELECT name FROM commune WHERE code = '90007'");
    expect(six!.name).toBe('Sáu Mới');
  });

  it('old-units needs the new unit in the store', async () => {
    const csv = ['new_code,new_name,province_code,old_code,old_name,old_district,old_province,share', '90001,Xã Thử Mới,99,80001,Xã Rất Cũ,Huyện Xưa,Tỉnh Xưa,toàn bộ', '99999,Xã Không Có,99,80002,Xã Cũ Khác,Huyện Xưa,Tỉnh Xưa,một phần', '90001,Xã Thử Mới,99,80003,Xã Sai,Huyện Xưa,Tỉnh Xưa,nửa'].join('\n');
    const r = await importOldUnits(store, tmp.file('old.csv', csv), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', inserted: 1, rejected: 2 });
    expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
      [3, 'new_code', 'Đơn vị mới mã 99999 chưa có trong kho; hãy nhập danh sách đơn vị (units) trước.'],
      [4, 'share', 'Cột share phải là "toàn bộ" hoặc "một phần", đang là "nửa".'],
    ]);
    const row = await store.sql.get<{ name: string; type: string; district: string }>("SELECT name, type, district FROM former_unit WHERE code = '80001'");
    expect(row).toEqual({ name: 'Rất Cũ', type: 'xa', district: 'Huyện Xưa' });
  });

  it('keys old units by their old code: two of one name in one new unit are two entries, a row without a code adds none, an entry without a code gets it from the map', async () => {
    const units = [HEADER, '90010,Mười,xã,Xã Mười,99,Tỉnh Thử,,"Xã Cũ Không Mã; 90101:Thị trấn Trùng; 90102:Xã Trùng (một phần)",xã,,muoi'].join('\n');
    const u = await importUnits(store, tmp.file('same-name.csv', units), { now: IMPORT_NOW });
    expect(u).toMatchObject({ status: 'done', inserted: 1, rejected: 0 });
    const MAP_HEADER = 'new_code,new_name,province_code,old_code,old_name,old_district,old_province,share';
    const map = [
      MAP_HEADER,
      '90010,Xã Mười,99,90103,Xã Cũ Không Mã,Huyện Xưa,Tỉnh Xưa,toàn bộ',
      '90010,Xã Mười,99,90101,Thị trấn Trùng,Huyện Xưa,Tỉnh Xưa,toàn bộ',
      '90010,Xã Mười,99,90102,Xã Trùng,Huyện Xưa,Tỉnh Xưa,một phần',
      '90010,Xã Mười,99,,Xã Trùng,,,',
    ].join('\n');
    const r = await importOldUnits(store, tmp.file('same-name-map.csv', map), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', rows: 4, inserted: 0, updated: 3, unchanged: 1, rejected: 0, duplicates: 0 });
    const stored = () =>
      store.sql.all("SELECT f.code, f.name, f.type, f.district, f.share FROM former_unit f JOIN commune c ON c.id = f.commune_id WHERE c.code = '90010' ORDER BY f.code");
    const expected = [
      { code: '90101', name: 'Trùng', type: 'thi_tran', district: 'Huyện Xưa', share: 'toàn bộ' },
      { code: '90102', name: 'Trùng', type: 'xa', district: 'Huyện Xưa', share: 'một phần' },
      { code: '90103', name: 'Cũ Không Mã', type: 'xa', district: 'Huyện Xưa', share: 'toàn bộ' },
    ];
    expect(await stored()).toEqual(expected);
    // Both lists again: nothing changes, nothing is added.
    expect(await importUnits(store, tmp.file('same-name.csv', units), { now: IMPORT_NOW })).toMatchObject({ inserted: 0, updated: 0 });
    expect(await importOldUnits(store, tmp.file('same-name-map.csv', map), { now: IMPORT_NOW })).toMatchObject({ inserted: 0, updated: 0 });
    expect(await stored()).toEqual(expected);
  });

  it('names the old code when the map repeats an old unit', async () => {
    const MAP_HEADER = 'new_code,new_name,province_code,old_code,old_name,old_district,old_province,share';
    const map = [MAP_HEADER, '90010,Xã Mười,99,90104,Xã Lặp,Huyện Xưa,Tỉnh Xưa,toàn bộ', '90010,Xã Mười,99,90104,Xã Lặp,Huyện Xưa,Tỉnh Xưa,một phần'].join('\n');
    const r = await importOldUnits(store, tmp.file('repeat-map.csv', map), { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', inserted: 1, duplicates: 1 });
    expect(r.rejections.map((x) => x.reason)).toEqual(['Đơn vị mới 90010 có lại đơn vị cũ "Lặp" (mã 90104) ở dòng 3; mỗi đơn vị cũ chỉ lưu một lần, giữ dòng sau.']);
  });
});
