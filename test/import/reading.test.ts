/**
 * Reading files whatever they look like: encodings, BOMs, delimiters, XLSX, and the files
 * that must be refused before anything is read (empty, binary, too large, truncated).
 */
import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { headerKey, isPersonalColumn, matchHeader } from '../../src/import/columns.js';
import { parseSize } from '../../src/import/cli-args.js';
import { parseInstant, parseIsoDate } from '../../src/import/dates.js';
import { DOSSIER_FIELDS } from '../../src/import/dossiers/fields.js';
import { ImportError } from '../../src/import/errors.js';
import { bufferSource, fileSource, type ByteSource } from '../../src/import/source/byte-source.js';
import { guessEncoding } from '../../src/import/source/encoding.js';
import { openTable } from '../../src/import/source/open-table.js';
import type { Table } from '../../src/import/source/table.js';
import { encode, tempDir } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function readAll(table: Table): Promise<{ line: number; cells: string[] }[]> {
  const out: { line: number; cells: string[] }[] = [];
  for await (const chunk of table.rows()) out.push(...chunk);
  return out;
}

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError');
}

const VIETNAMESE = 'MaHoSo,TenLinhVuc\r\nH1,Đất đai\r\nH2,"Bảo trợ xã hội, trẻ em"\r\nH3,Hộ tịch – chứng thực\r\n';

describe('encodings and BOMs', () => {
  for (const enc of ['utf8', 'utf8-bom', 'utf16le-bom', 'utf16le', 'utf16be-bom', 'windows1258'] as const) {
    it(`reads ${enc} into the same text`, async () => {
      const table = await openTable(bufferSource(`x-${enc}.csv`, encode(VIETNAMESE, enc)));
      expect(table.header).toEqual(['MaHoSo', 'TenLinhVuc']);
      const rows = await readAll(table);
      // Windows-1258 decodes tones as separate marks; the column picker composes them.
      expect(rows.map((r) => r.cells[1]!.normalize('NFC'))).toEqual(['Đất đai', 'Bảo trợ xã hội, trẻ em', 'Hộ tịch – chứng thực']);
      expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    });
  }

  it('tells the encodings apart from the first bytes only', () => {
    expect(guessEncoding(encode('a,b\n', 'utf8-bom'))).toEqual({ kind: 'text', encoding: 'utf8', bomLength: 3 });
    expect(guessEncoding(encode('a,b\n', 'utf16le'))).toMatchObject({ kind: 'text', encoding: 'utf16le', bomLength: 0 });
    expect(guessEncoding(encode('Đất đai,b\n', 'windows1258'))).toMatchObject({ encoding: 'windows1258' });
    expect(guessEncoding(Buffer.from([0x50, 0x4b, 0x00, 0x07, 0x00, 0x00, 0x41, 0x00, 0x01]))).toEqual({ kind: 'binary' });
  });
});

describe('delimiters', () => {
  for (const [name, d] of [
    ['semicolon (Vietnamese-locale Excel)', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ] as const) {
    it(`sniffs ${name}`, async () => {
      const text = `MaHoSo${d}TenLinhVuc${d}KenhThucHien\nH1${d}"Đất đai, nhà ở"${d}2\n`;
      const table = await openTable(bufferSource('d.csv', Buffer.from(text)));
      expect(table.delimiter).toBe(d);
      expect((await readAll(table))[0]!.cells).toEqual(['H1', 'Đất đai, nhà ở', '2']);
    });
  }

  it('a wrong delimiter leaves one column, which the column check reports', async () => {
    const table = await openTable(bufferSource('colon.csv', Buffer.from('MaHoSo:MaDonVi:KenhThucHien\nH1:05293:2\n')));
    expect(table.header).toHaveLength(1);
    const match = matchHeader(table.header, DOSSIER_FIELDS);
    expect(match.missing.map((f) => f.label)).toContain('KenhThucHien');
  });
});

describe('line numbers', () => {
  it('count blank lines and line breaks inside quoted cells', async () => {
    const text = 'a,b\n1,"x\ny"\n\n2,z\r\n3,"p\r\nq\r\nr"\n4,w\n';
    const rows = await readAll(await openTable(bufferSource('l.csv', Buffer.from(text))));
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [5, '2'],
      [6, '3'],
      [9, '4'],
    ]);
  });
});

describe('files refused before reading', () => {
  it('an empty file', async () => {
    expect((await failure(openTable(bufferSource('e.csv', Buffer.alloc(0))))).code).toBe('empty_file');
    expect((await failure(openTable(bufferSource('e.csv', encode('\r\n \n', 'utf8-bom'))))).code).toBe('empty_file');
  });

  it('a binary file', async () => {
    expect((await failure(openTable(bufferSource('b.csv', Buffer.from([1, 2, 0, 0, 5, 0, 0, 0, 9]))))).code).toBe('binary_file');
  });

  it('an old binary Excel file', async () => {
    expect((await failure(openTable(bufferSource('o.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))))).code).toBe('old_excel');
  });

  it('a file of several GB: refused by size before reading, whatever it holds', async () => {
    // A sparse file: 5 GB on paper, a few bytes on disk.
    const path = tmp.file('huge.csv', 'MaHoSo,MaDonVi\n');
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 5 * 1024 ** 3);
    closeSync(fd);
    const err = await failure(openTable(fileSource(path)));
    expect(err.code).toBe('too_large');
    expect(err.detail).toMatchObject({ size: 5 * 1024 ** 3, limit: 2 * 1024 ** 3 });
    // Allowed by a higher limit, its zero-filled body is then refused as not text.
    expect((await failure(openTable(fileSource(path), { maxTextBytes: 8 * 1024 ** 3, maxXlsxBytes: 1 })))).toMatchObject({ code: 'binary_file' });
  });

  it('a missing file', async () => {
    expect(() => fileSource(`${tmp.dir}/none.csv`)).toThrowError(ImportError);
  });
});

describe('streaming', () => {
  it('reads a file of any length without holding it: only what is consumed is produced', async () => {
    // A source that could produce 5 GB of rows, produced only on demand.
    let produced = 0;
    const row = 'H0000000001,05293,2,02/07/2025 08:30\n';
    const source: ByteSource = {
      name: 'endless.csv',
      size: null,
      path: null,
      sample: async () => Buffer.from(`MaHoSo,MaDonVi,KenhThucHien,NgayTiepNhan\n${row.repeat(100)}`),
      tail: async () => Buffer.alloc(0),
      stream: () =>
        new Readable({
          read() {
            if (produced === 0) this.push('MaHoSo,MaDonVi,KenhThucHien,NgayTiepNhan\n');
            const chunk = row.repeat(1000);
            produced += chunk.length;
            this.push(produced > 5 * 1024 ** 3 ? null : chunk);
          },
        }),
    };
    const table = await openTable(source);
    let rows = 0;
    for await (const chunk of table.rows()) {
      rows += chunk.length;
      if (rows >= 50_000) break;
    }
    expect(rows).toBeGreaterThanOrEqual(50_000);
    // What was read ahead is bounded by the stream buffers, not by the file.
    expect(produced).toBeLessThan(50_000 * row.length + 8 * 1024 * 1024);
  });

  it('reports a quote left open (a truncated file) with its line', async () => {
    const table = await openTable(bufferSource('q.csv', Buffer.from('a,b\n1,2\n3,"unfinished\n4,5\n')));
    const err = await failure(readAll(table));
    expect(err.code).toBe('csv_malformed');
    expect(err.detail.line).toBeGreaterThanOrEqual(3);
  });
});

describe('XLSX', () => {
  async function workbook(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('HoSo');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet, dates as Vietnam wall time, whatever the extension', async () => {
    const xlsx = await workbook([
      ['MaHoSo', 'NgayTiepNhan', 'TrangThaiHoSo', 'TenLinhVuc'],
      ['H1', new Date(Date.UTC(2025, 6, 2, 8, 30)), 10, 'Đất đai'],
      [],
      ['H2', '03/07/2025 09:00', 4, { richText: [{ text: 'Hộ ' }, { text: 'tịch' }] }],
    ]);
    const path = tmp.file('export.dat', xlsx);
    const table = await openTable(fileSource(path));
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['MaHoSo', 'NgayTiepNhan', 'TrangThaiHoSo', 'TenLinhVuc']);
    const rows = await readAll(table);
    expect(rows).toEqual([
      { line: 2, cells: ['H1', '2025-07-02 08:30:00', '10', 'Đất đai'] },
      { line: 4, cells: ['H2', '03/07/2025 09:00', '4', 'Hộ tịch'] },
    ]);
    expect(parseInstant(rows[0]!.cells[1]!)).toBe(Date.UTC(2025, 6, 2, 1, 30));
  });

  it('a truncated XLSX is refused before any row is read', async () => {
    const xlsx = await workbook([['MaHoSo'], ...Array.from({ length: 2000 }, (_, i) => [`H${i}`])]);
    for (const keep of [0.5, 0.9, 0.99]) {
      const err = await failure(openTable(bufferSource('cut.xlsx', xlsx.subarray(0, Math.floor(xlsx.length * keep)))));
      expect(err.code).toBe('xlsx_truncated');
    }
  });

  it('a zip that is no workbook is reported as unreadable', async () => {
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const err = await failure(openTable(bufferSource('fake.xlsx', fake)).then(readAll));
    expect(['xlsx_unreadable', 'xlsx_no_sheet', 'empty_file']).toContain(err.code);
  });
});

describe('header spellings and personal data', () => {
  it('matches the usual spellings of the national schema columns', () => {
    expect(headerKey('Mã hồ sơ')).toBe('mahoso');
    expect(headerKey('ma_ho_so')).toBe('mahoso');
    const m = matchHeader(['Mã hồ sơ', 'ma_don_vi', 'Kênh', 'NGAY_TIEP_NHAN', 'Trạng thái hồ sơ', 'Ngày hẹn trả'], DOSSIER_FIELDS);
    expect(m.missing).toEqual([]);
    expect(m.names).toMatchObject({ code: 'Mã hồ sơ', unitCode: 'ma_don_vi', channel: 'Kênh', receivedAt: 'NGAY_TIEP_NHAN', status: 'Trạng thái hồ sơ', dueAt: 'Ngày hẹn trả' });
  });

  it('recognises personal-data columns and drops them', () => {
    for (const h of ['ChuHoSo', 'SoGiayToChuHoSo', 'SoDienThoai', 'Email', 'DiaChiThuongTru', 'Họ và tên', 'Số CCCD', 'Ngày sinh', 'SDT']) {
      expect(isPersonalColumn(h), h).toBe(true);
    }
    for (const h of ['MaHoSo', 'TenLinhVuc', 'NgayHenTra', 'KenhThucHien']) expect(isPersonalColumn(h), h).toBe(false);
    const m = matchHeader(['MaHoSo', 'ChuHoSo', 'GhiChu', 'SoDienThoai'], DOSSIER_FIELDS);
    expect(m.personal).toEqual(['ChuHoSo', 'SoDienThoai']);
    expect(m.unused).toEqual(['GhiChu']);
  });
});

describe('dates and sizes', () => {
  const vn = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);

  it('reads the usual date forms as Vietnam time', () => {
    expect(parseInstant('28/07/2025 09:15')).toBe(vn(2025, 7, 28, 9, 15));
    expect(parseInstant('28/07/2025')).toBe(vn(2025, 7, 28));
    expect(parseInstant('8/7/2025 9:05:30')).toBe(vn(2025, 7, 8, 9, 5) + 30_000);
    expect(parseInstant('2025-07-28')).toBe(vn(2025, 7, 28));
    expect(parseInstant('2025-07-28T09:15:00')).toBe(vn(2025, 7, 28, 9, 15));
    expect(parseInstant('2025-07-28T02:15:00Z')).toBe(vn(2025, 7, 28, 9, 15));
    expect(parseInstant('2025-07-28T09:15:00+07:00')).toBe(vn(2025, 7, 28, 9, 15));
    expect(parseInstant('20250728091500')).toBe(vn(2025, 7, 28, 9, 15));
    expect(parseInstant('09:15 28/07/2025')).toBe(vn(2025, 7, 28, 9, 15));
    expect(parseInstant('45866.5')).toBe(vn(2025, 7, 28, 12));
  });

  it('refuses impossible dates instead of rolling them over', () => {
    for (const t of ['31/02/2025', '2025-13-01', '28/07/2025 25:00', 'hôm qua', '2025', '12345']) expect(parseInstant(t), t).toBeNull();
    expect(parseIsoDate('29/02/2024')).toBe('2024-02-29');
    expect(parseIsoDate('29/02/2025')).toBeNull();
  });

  it('reads sizes for --max-size', () => {
    expect(parseSize('8GB')).toBe(8 * 1024 ** 3);
    expect(parseSize('500 MB')).toBe(500 * 1024 ** 2);
    expect(parseSize('1,5g')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('lots')).toBeNull();
  });
});
