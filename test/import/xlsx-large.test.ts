/**
 * Big XLSX exports: every valid row is read whole, whatever the chunk boundaries of the
 * zip stream, and every invalid row is reported, even when all of them are invalid.
 */
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/data/store.js';
import { importDossiers } from '../../src/import/dossiers/import-dossiers.js';
import { TEST_DIALECT } from '../helpers/store.js';
import { IMPORT_NOW, storeWithUnits, tempDir } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let store: Store & { dispose(): Promise<void> };
beforeEach(async () => {
  store = await storeWithUnits();
});
afterEach(async () => {
  await store.dispose();
});

const SECTORS = ['Đất đai', 'Hộ tịch', 'Chứng thực', 'Xây dựng', 'Người có công', 'Bảo trợ xã hội'];

/**
 * Writes an XLSX with inline strings (no shared-strings table) and Vietnamese text in every
 * row, so multi-byte characters fall on many of the zip stream's chunk boundaries.
 */
async function bigXlsx(path: string, rows: number, received: (i: number) => string, processed: (i: number) => string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Hồ sơ');
  ws.addRow(['MaHoSo', 'MaDonVi', 'MaLinhVuc', 'TenLinhVuc', 'KenhThucHien', 'NgayTiepNhan', 'NgayKetThucXuLy', 'NgayTra', 'TrangThaiHoSo', 'GhiChu']).commit();
  for (let i = 0; i < rows; i++) {
    const sector = SECTORS[i % SECTORS.length]!;
    ws.addRow([
      `H25.${i}`,
      '05293',
      `LV${i % SECTORS.length}`,
      sector,
      '2',
      received(i),
      processed(i),
      processed(i),
      '10',
      `Ghi chú: hồ sơ ${sector.toLowerCase()} đã được xử lý đúng hạn, số thứ tự ${i}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

describe(`big XLSX imports (${TEST_DIALECT})`, () => {
  it('when a 20,000-row XLSX with inline Vietnamese strings is imported, then every row is stored and none is garbled', async () => {
    const path = `${tmp.dir}/big-valid.xlsx`;
    await bigXlsx(path, 20_000, () => '02/07/2025 08:30', () => '04/07/2025 10:00');
    const r = await importDossiers(store, path, { now: IMPORT_NOW, rejectedCsv: null });
    expect(r.rejections.slice(0, 3)).toEqual([]);
    expect(r).toMatchObject({ status: 'done', rows: 20_000, inserted: 20_000, rejected: 0 });
    const names = await store.sql.all<{ name: string }>("SELECT name FROM sector WHERE code LIKE 'LV%' ORDER BY code");
    expect(names.map((n) => n.name)).toEqual(SECTORS);
  }, 180_000);

  it('when a big XLSX keeps its texts in a shared-strings table, then those are read whole too', async () => {
    const path = `${tmp.dir}/big-shared.xlsx`;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['MaHoSo', 'MaDonVi', 'TenLinhVuc', 'KenhThucHien', 'NgayTiepNhan', 'TrangThaiHoSo', 'GhiChu']);
    for (let i = 0; i < 20_000; i++) ws.addRow([`S${i}`, '05293', `${SECTORS[i % SECTORS.length]} ${i}`, '2', '02/07/2025 08:30', '4', `Đã tiếp nhận hồ sơ thứ ${i}`]);
    await wb.xlsx.writeFile(path);
    const r = await importDossiers(store, path, { now: IMPORT_NOW, rejectedCsv: null });
    expect(r.rejections.slice(0, 3)).toEqual([]);
    expect(r).toMatchObject({ status: 'done', rows: 20_000, inserted: 20_000, rejected: 0 });
  }, 180_000);

  it('when every row of a 30,000-row XLSX is invalid and it is read in the worker thread, then every row is reported, none is lost', async () => {
    const path = `${tmp.dir}/big-invalid.xlsx`;
    // Processing before reception: each row fails validation.
    await bigXlsx(path, 30_000, () => '10/07/2025 08:30', () => '04/07/2025 10:00');
    const r = await importDossiers(store, path, { now: IMPORT_NOW, worker: true, rejectedCsv: `${tmp.dir}/big-invalid.rejected.csv` });
    expect(r.error).toBeNull();
    expect(r).toMatchObject({ status: 'done', rows: 30_000, inserted: 0, rejected: 30_000 });
  }, 240_000);
});
