/**
 * `import dossiers`: every row stored or rejected with its line, column and reason; no
 * personal data anywhere; re-imports converge; batches are whole; the figure counters stay
 * exact.
 */
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNITS_VERSION_KEY } from '../../src/data/directory.js';
import { latestImports } from '../../src/data/imports.js';
import { getMeta } from '../../src/data/meta.js';
import type { Store } from '../../src/data/store.js';
import { importDossiers, type DossierImportOptions } from '../../src/import/dossiers/import-dossiers.js';
import type { ImportResult } from '../../src/import/result.js';
import { TEST_DIALECT } from '../helpers/store.js';
import { countersAndRebuild, dossierCsv, encode, IMPORT_NOW, PERSONAL, storedDossiers, storeText, storeWithUnits, tempDir, type DossierCells } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let store: Store & { dispose(): Promise<void> };
beforeEach(async () => {
  store = await storeWithUnits();
});
afterEach(async () => {
  await store.dispose();
});

const run = (path: string, opts: DossierImportOptions = {}): Promise<ImportResult> => importDossiers(store, path, { now: IMPORT_NOW, ...opts });
const count = async (sql = 'SELECT COUNT(*) AS n FROM dossier') => Number((await store.sql.get<{ n: unknown }>(sql))!.n);

const GOOD: DossierCells[] = [
  { code: 'H25.1-250702-0001' },
  { code: 'H25.1-250702-0002', unit: '05305', channel: '1', status: '4', processed: '', returned: '' },
  { code: 'H25.1-250703-0003', unit: '05323', received: '03/07/2025 09:00', due: '2025-07-10', processed: '2025-07-12', returned: '2025-07-12 16:00' },
];

describe(`import dossiers (${TEST_DIALECT})`, () => {
  it('stores valid rows, drops personal columns, records the run', async () => {
    const path = tmp.file('good.csv', dossierCsv(GOOD));
    const r = await run(path);
    expect(r).toMatchObject({ status: 'done', rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, duplicates: 0 });
    expect(r.info?.personal).toEqual(['ChuHoSo', 'SoGiayToChuHoSo', 'SoDienThoai', 'DiaChiThuongTru']);
    expect(r.rejectedCsv).toBeNull();
    expect(existsSync(path.replace(/\.csv$/, '.rejected.csv'))).toBe(false);
    expect(await count()).toBe(3);
    const text = await storeText(store);
    for (const v of Object.values(PERSONAL)) expect(text).not.toContain(v);
    const [latest] = await latestImports(store, 1);
    expect(latest).toMatchObject({ kind: 'dossiers', source: 'good.csv', inserted: 3, rejected: 0, status: 'done' });
    const { kept, rebuilt } = await countersAndRebuild(store);
    expect(kept).toEqual(rebuilt);
  });

  it('rejects each bad row with its line, column and a Vietnamese reason, and keeps the good ones', async () => {
    const rows: DossierCells[] = [
      { code: 'OK-1' },
      { code: 'DUE-BEFORE', due: '01/07/2025 08:00' },
      { code: 'OLD', received: '01/01/1990 08:00', processed: '', returned: '', status: '4' },
      { code: 'FUTURE', received: '15/03/2027 08:00', processed: '', returned: '', status: '4' },
      { code: 'BAD-DATE', received: '31/02/2025' },
      { code: 'UNIT', unit: '99999' },
      { code: 'STATUS-11', status: '11' },
      { code: 'STATUS-0', status: '0' },
      { code: 'CHANNEL', channel: '5' },
      { code: '' },
      { code: 'NO-CLOSE', processed: '', returned: '' },
      { code: 'OK-2', unit: 'Xã Quyết Thắng' },
    ];
    const path = tmp.file('bad.csv', `${dossierCsv(rows)}EXTRA,05293,HT,"Hộ tịch",2,02/07/2025 08:30,07/07/2025,,,4,0,0,x,y,z,w,surplus\r\n`);
    const r = await run(path);
    expect(r.status).toBe('done');
    expect(r).toMatchObject({ rows: 13, inserted: 2, rejected: 11 });
    const byLine = new Map(r.rejections.map((x) => [x.line, x]));
    const expectReject = (line: number, column: string | null, reason: RegExp) => {
      const x = byLine.get(line);
      expect(x, `line ${line}`).toBeDefined();
      expect(x!.column).toBe(column);
      expect(x!.reason).toMatch(reason);
    };
    expectReject(3, 'NgayHenTra', /^Ngày hẹn trả trước ngày tiếp nhận\.$/);
    expectReject(4, 'NgayTiepNhan', /01\/01\/1990 08:00 nằm ngoài khoảng cho phép \(từ 01\/01\/2000 đến 11\/01\/2026\)/);
    expectReject(5, 'NgayTiepNhan', /15\/03\/2027 08:00 nằm ngoài khoảng cho phép/);
    expectReject(6, 'NgayTiepNhan', /"31\/02\/2025" không có thật trên lịch/);
    expectReject(7, 'MaDonVi', /^Không có đơn vị nào mang mã 99999/);
    expectReject(8, 'TrangThaiHoSo', /phải là số nguyên từ 1 đến 10, đang là "11"/);
    expectReject(9, 'TrangThaiHoSo', /đang là "0"/);
    expectReject(10, 'KenhThucHien', /1 \(trực tiếp\), 2 \(trực tuyến\) hoặc 3 \(bưu chính\), đang là "5"/);
    expectReject(11, 'MaHoSo', /^Thiếu mã hồ sơ \(MaHoSo\)\.$/);
    expectReject(12, 'NgayKetThucXuLy', /phải có ngày kết thúc xử lý hoặc ngày trả/);
    expectReject(14, null, /Dòng có 17 ô trong khi tiêu đề có 16 cột/);
    expect(await count()).toBe(2);

    // The report beside the input lists every rejected row, with no personal data.
    expect(r.rejectedCsv).toBe(path.replace(/\.csv$/, '.rejected.csv'));
    const report = readFileSync(r.rejectedCsv!, 'utf8');
    expect(report.startsWith('\uFEFFdòng,cột,lý do,MaHoSo,MaDonVi,')).toBe(true);
    expect(report.trim().split('\r\n')).toHaveLength(12);
    expect(report).toContain('DUE-BEFORE');
    for (const v of [...Object.values(PERSONAL), 'surplus']) {
      expect(report).not.toContain(v);
      expect(JSON.stringify(r.rejections)).not.toContain(v);
    }
    const { kept, rebuilt } = await countersAndRebuild(store);
    expect(kept).toEqual(rebuilt);
  });

  it('when the report cannot be written, says where and why; the rows are still counted', async () => {
    const r = await run(tmp.file('nowhere.csv', dossierCsv([{ code: 'R-1', status: '0' }, { code: 'R-2' }])), { rejectedCsv: tmp.dir });
    expect(r).toMatchObject({ status: 'done', inserted: 1, rejected: 1, rejectedCsv: null });
    expect(r.rejectedCsvError?.path).toBe(tmp.dir);
    expect(r.rejections).toHaveLength(1);
  });

  it('masks anything shaped like personal data that sits in a recognised column', async () => {
    const r = await run(tmp.file('mask.csv', dossierCsv([{ code: 'M-1', unit: PERSONAL.phone }, { code: 'M-2', sectorName: 'hỏi: binh@example.vn', status: '99' }])));
    const text = JSON.stringify(r.rejections) + readFileSync(r.rejectedCsv!, 'utf8');
    expect(text).not.toContain(PERSONAL.phone);
    expect(text).not.toContain('binh@example.vn');
  });

  it('the same MaHoSo twice: the later row wins, the earlier is reported (in one batch and across batches)', async () => {
    const rows: DossierCells[] = [
      { code: 'DUP-A', status: '4', processed: '', returned: '' },
      { code: 'X-1' },
      { code: 'DUP-A', status: '10' },
      { code: 'X-2' },
      { code: 'X-3' },
      { code: 'DUP-B', channel: '1' },
      { code: 'X-4' },
      { code: 'DUP-B', channel: '3' },
    ];
    for (const batchSize of [100, 2]) {
      const r = await run(tmp.file(`dup-${batchSize}.csv`, dossierCsv(rows)), { batchSize });
      expect(r).toMatchObject({ status: 'done', rows: 8, duplicates: 2, rejected: 0 });
      expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
        [2, 'MaHoSo', 'Mã DUP-A xuất hiện lại ở dòng 4; giữ dòng sau.'],
        [7, 'MaHoSo', 'Mã DUP-B xuất hiện lại ở dòng 9; giữ dòng sau.'],
      ]);
      const a = await store.sql.get<{ status: unknown }>('SELECT status FROM dossier WHERE code = ?', ['DUP-A']);
      const b = await store.sql.get<{ channel: unknown }>('SELECT channel FROM dossier WHERE code = ?', ['DUP-B']);
      expect(Number(a!.status)).toBe(10);
      expect(Number(b!.channel)).toBe(3);
      expect(await count()).toBe(6);
      const { kept, rebuilt } = await countersAndRebuild(store);
      expect(kept).toEqual(rebuilt);
    }
  });

  it('a header missing a required column: nothing is read or written', async () => {
    const csv = dossierCsv(GOOD).replace('TrangThaiHoSo', 'GhiChu');
    const r = await run(tmp.file('nostatus.csv', csv));
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'missing_columns', detail: { columns: ['TrangThaiHoSo'], singleColumn: false } });
    expect(r.runId).toBeNull();
    expect(await count()).toBe(0);
  });

  it('a wrong delimiter: reported as one column, nothing written', async () => {
    const r = await run(tmp.file('colon.csv', dossierCsv(GOOD).replace(/,/g, ':')));
    expect(r.error).toMatchObject({ code: 'missing_columns', detail: { singleColumn: true } });
    expect(await count()).toBe(0);
  });

  it('an empty file, and a file with only its header', async () => {
    for (const [name, text, code] of [
      ['empty.csv', '', 'empty_file'],
      ['bom-only.csv', '\uFEFF', 'empty_file'],
      ['header.csv', dossierCsv([]), 'no_rows'],
    ] as const) {
      const r = await run(tmp.file(name, text));
      expect(r.status, name).toBe('failed');
      expect(r.error?.code, name).toBe(code);
    }
    expect(await count()).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM import_run WHERE status = \'done\'')).toBe(0);
  });

  it('BOM, semicolons, UTF-16 and Windows-1258 exports store the same dossiers', async () => {
    const reference = await run(tmp.file('plain.csv', dossierCsv(GOOD)));
    expect(reference.inserted).toBe(3);
    const expected = await storedDossiers(store);
    const variants: [string, Buffer][] = [
      ['bom.csv', encode(dossierCsv(GOOD), 'utf8-bom')],
      ['semicolon.csv', encode(dossierCsv(GOOD, ';'), 'utf8-bom')],
      ['tab.txt', encode(dossierCsv(GOOD, '\t'), 'utf16le-bom')],
      ['utf16be.csv', encode(dossierCsv(GOOD), 'utf16be-bom')],
      ['cp1258.csv', encode(dossierCsv(GOOD, ';'), 'windows1258')],
    ];
    for (const [name, bytes] of variants) {
      const r = await run(tmp.file(name, bytes));
      expect(r, name).toMatchObject({ status: 'done', rows: 3, unchanged: 3, inserted: 0, updated: 0, rejected: 0 });
      expect(await storedDossiers(store), name).toEqual(expected);
    }
    const sectors = await store.sql.all<{ name: string }>("SELECT name FROM sector WHERE code = 'HT'");
    expect(sectors.map((s) => s.name)).toEqual(['Hộ tịch']);
  });

  it('re-importing the same file converges: nothing changes, nothing is counted twice', async () => {
    const path = tmp.file('again.csv', dossierCsv(GOOD));
    await run(path);
    const before = await storedDossiers(store);
    const figures = await store.sql.all('SELECT * FROM figure_day ORDER BY commune_id, day');
    const r = await run(path);
    expect(r).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 3 });
    expect(await storedDossiers(store)).toEqual(before);
    expect(await store.sql.all('SELECT * FROM figure_day ORDER BY commune_id, day')).toEqual(figures);
  });

  it('a later export updates status and dates; the counters follow exactly', async () => {
    await run(tmp.file('july.csv', dossierCsv([{ code: 'LATER-1', status: '4', processed: '', returned: '' }, { code: 'LATER-2', status: '5', processed: '', returned: '' }])));
    const r = await run(tmp.file('august.csv', dossierCsv([{ code: 'LATER-1', status: '10', processed: '09/07/2025 10:00', returned: '09/07/2025 14:00' }, { code: 'LATER-2', status: '7', processed: '', returned: '06/07/2025' }])));
    expect(r).toMatchObject({ inserted: 0, updated: 2 });
    const late = await store.sql.get<{ closed_at: unknown }>('SELECT closed_at FROM dossier WHERE code = ?', ['LATER-1']);
    expect(late!.closed_at).not.toBeNull();
    const { kept, rebuilt } = await countersAndRebuild(store);
    expect(kept).toEqual(rebuilt);
  });

  it('unknown sectors are created with their name and no department; the unit cache is told', async () => {
    const before = await getMeta(store, UNITS_VERSION_KEY);
    const r = await run(tmp.file('sector.csv', dossierCsv([{ code: 'S-1', sectorCode: 'NEW.01', sectorName: 'Lĩnh vực mới' }, { code: 'S-2', sectorCode: '', sectorName: 'Chỉ có tên' }])));
    expect(r.extra).toEqual([{ label: 'sectorsCreated', value: 2 }]);
    const rows = await store.sql.all<{ code: string; name: string; department_id: unknown }>("SELECT code, name, department_id FROM sector WHERE code IN ('NEW.01', 'Chỉ có tên') ORDER BY code");
    expect(rows).toEqual([
      { code: 'Chỉ có tên', name: 'Chỉ có tên', department_id: null },
      { code: 'NEW.01', name: 'Lĩnh vực mới', department_id: null },
    ]);
    expect(await getMeta(store, UNITS_VERSION_KEY)).not.toBe(before);
    const again = await run(tmp.file('sector.csv', dossierCsv([{ code: 'S-1', sectorCode: 'NEW.01', sectorName: 'Lĩnh vực mới' }])));
    expect(again.extra).toEqual([]);
  });

  it('a file cut in the middle: whole batches stay, the rest is not half-written, and a re-run converges', async () => {
    const rows = Array.from({ length: 9 }, (_, i): DossierCells => ({ code: `CUT-${i + 1}` }));
    const whole = dossierCsv(rows);
    // The last row loses its end inside a quoted cell, as a truncated copy would.
    const cut = `${whole.slice(0, whole.lastIndexOf('CUT-9'))}CUT-9,05293,HT,"Hộ tị`;
    const r = await run(tmp.file('cut.csv', cut), { batchSize: 4 });
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('csv_malformed');
    expect(r.written).toEqual({ batches: 2, rows: 8, lastLine: 9 });
    expect(await count()).toBe(8);
    expect(await count("SELECT COUNT(*) AS n FROM import_run WHERE status = 'failed'")).toBe(1);
    const fixed = await run(tmp.file('cut.csv', whole), { batchSize: 4 });
    expect(fixed).toMatchObject({ status: 'done', inserted: 1, unchanged: 8 });
    const { kept, rebuilt } = await countersAndRebuild(store);
    expect(kept).toEqual(rebuilt);
  });

  it('a small cut file leaves nothing written at all', async () => {
    const whole = dossierCsv(GOOD);
    const r = await run(tmp.file('cut-small.csv', `${whole}H-CUT,05293,HT,"Hộ tị`));
    expect(r.status).toBe('failed');
    expect(r.written.batches).toBe(0);
    expect(await count()).toBe(0);
  });

  it('reads XLSX exports; a truncated XLSX is refused with nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['MaHoSo', 'MaDonVi', 'KenhThucHien', 'NgayTiepNhan', 'NgayHenTra', 'NgayTra', 'TrangThaiHoSo', 'ChuHoSo']);
    ws.addRow(['X-1', '05293', 2, new Date(Date.UTC(2025, 6, 2, 8, 30)), new Date(Date.UTC(2025, 6, 7)), new Date(Date.UTC(2025, 6, 4, 15)), 10, PERSONAL.name]);
    ws.addRow(['X-2', '05305', 1, '03/07/2025 09:00', '10/07/2025', null, 4, PERSONAL.name]);
    ws.addRow(['X-3', '05305', 1, '03/07/2025 09:00', '01/07/2025', null, 4, PERSONAL.name]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await run(tmp.file('export.xlsx', xlsx));
    expect(r).toMatchObject({ status: 'done', rows: 3, inserted: 2, rejected: 1 });
    expect(r.rejections[0]).toMatchObject({ line: 4, column: 'NgayHenTra' });
    const received = await store.sql.get<{ received_at: unknown }>('SELECT received_at FROM dossier WHERE code = ?', ['X-1']);
    expect(new Date(received!.received_at as string | number).getTime() || Number(received!.received_at)).toBe(Date.UTC(2025, 6, 2, 1, 30));

    const cut = await run(tmp.file('cut.xlsx', xlsx.subarray(0, xlsx.length - 300)));
    expect(cut).toMatchObject({ status: 'failed', written: { batches: 0 } });
    expect(cut.error?.code).toBe('xlsx_truncated');
    expect(await count()).toBe(2);
  });

  it('finds units by name, narrowed by a province column or the default province', async () => {
    const csv = [
      'MaHoSo;TenDonVi;TenTinh;KenhThucHien;NgayTiepNhan;TrangThaiHoSo',
      'N-1;Xã Thượng Cốc;;2;02/07/2025 08:00;4',
      'N-2;thuong coc;Phú Thọ;2;02/07/2025 08:00;4',
      'N-3;Thượng Cốc;Hưng Yên;2;02/07/2025 08:00;4',
      'N-4;Nơi Không Có;;2;02/07/2025 08:00;4',
      'N-5;Thượng Cốc;Tỉnh Nào Đó;2;02/07/2025 08:00;4',
    ].join('\n');
    const r = await run(tmp.file('names.csv', csv));
    expect(r.inserted).toBe(2);
    expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
      [4, 'TenDonVi', 'Không tìm thấy xã, phường "Thượng Cốc" trong danh sách đơn vị.'],
      [5, 'TenDonVi', 'Không tìm thấy xã, phường "Nơi Không Có" trong danh sách đơn vị.'],
      [6, 'TenTinh', 'Không tìm thấy tỉnh, thành phố "Tỉnh Nào Đó".'],
    ]);
  });

  it('a name carried in several provinces is rejected unless the province is given or is the deployment\'s', async () => {
    const hungYen = await store.sql.get<{ id: unknown }>("SELECT id FROM province WHERE code = '33'");
    await store.sql.run("INSERT INTO commune (code, name, type, province_id) VALUES ('99901', 'Thượng Cốc', 'xa', ?)", [Number(hungYen!.id)]);
    const csv = ['MaHoSo,TenDonVi,KenhThucHien,NgayTiepNhan,TrangThaiHoSo', 'A-1,Thượng Cốc,2,02/07/2025 08:00,4'].join('\n');
    const anywhere = await run(tmp.file('ambiguous.csv', csv));
    expect(anywhere.rejections.map((x) => x.reason)).toEqual([
      'Tên "Thượng Cốc" có ở nhiều tỉnh (Hưng Yên, Phú Thọ); hãy dùng mã 5 chữ số, thêm cột tỉnh, hoặc chọn tỉnh bằng --tinh.',
    ]);
    const local = await run(tmp.file('ambiguous.csv', csv), { defaultProvince: 'Phú Thọ' });
    expect(local).toMatchObject({ inserted: 1, rejected: 0 });
    const unit = await store.sql.get<{ code: string }>("SELECT c.code FROM dossier d JOIN commune c ON c.id = d.commune_id WHERE d.code = 'A-1'");
    expect(unit!.code).toBe('05293');
  });

  it('without units in the store, says to import them first', async () => {
    await store.sql.exec('DELETE FROM former_unit; DELETE FROM recommendation_commune; DELETE FROM commune');
    const r = await run(tmp.file('nounits.csv', dossierCsv(GOOD)));
    expect(r.error?.code).toBe('no_units');
  });

  it('parses in a worker thread the same way', async () => {
    const path = tmp.file('worker.csv', dossierCsv([...GOOD, { code: 'W-BAD', status: '42' }]));
    const r = await run(path, { worker: true, batchSize: 2 });
    expect(r).toMatchObject({ status: 'done', rows: 4, inserted: 3, rejected: 1 });
    expect(r.rejections[0]).toMatchObject({ line: 5, column: 'TrangThaiHoSo' });
  });
});
