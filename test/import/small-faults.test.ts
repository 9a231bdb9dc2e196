/**
 * The smaller import faults of the hardening review: a date the calendar does not have, two
 * inputs with the same stem, an unknown --tinh, and push tokens anyone could guess.
 */
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/config/env.js';
import type { Store } from '../../src/data/store.js';
import { importDossiers } from '../../src/import/dossiers/import-dossiers.js';
import { rejectedPathFor } from '../../src/import/rejections.js';
import { summaryLines } from '../../src/import/report.js';
import { TEST_DIALECT } from '../helpers/store.js';
import { dossierCsv, IMPORT_NOW, storeWithUnits, tempDir } from './fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let store: Store & { dispose(): Promise<void> };
beforeEach(async () => {
  store = await storeWithUnits();
});
afterEach(async () => {
  await store.dispose();
});

describe(`small import faults (${TEST_DIALECT})`, () => {
  it('when a date is written dd/MM/yyyy but does not exist (31/02/2025), then the reason says the date does not exist, not how to write it', async () => {
    const r = await importDossiers(store, tmp.file('feb.csv', dossierCsv([{ code: 'D-1', received: '31/02/2025' }, { code: 'D-2', received: 'hôm qua' }])), { now: IMPORT_NOW });
    expect(r.rejections.map((x) => x.reason)).toEqual([
      'Ngày tiếp nhận (NgayTiepNhan) "31/02/2025" không có thật trên lịch (kiểm tra lại ngày và tháng).',
      'Ngày tiếp nhận (NgayTiepNhan) "hôm qua" không đọc được; hãy ghi dd/MM/yyyy HH:mm, dd/MM/yyyy hoặc yyyy-MM-dd.',
    ]);
  });

  it('when a CSV and an XLSX of the same stem are imported, then each keeps its own rejected-rows file', async () => {
    const csv = tmp.file('ho-so.csv', dossierCsv([{ code: 'S-1', status: '42' }]));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow(['MaHoSo', 'MaDonVi', 'KenhThucHien', 'NgayTiepNhan', 'TrangThaiHoSo']);
    ws.addRow(['S-2', '05293', 2, '02/07/2025 08:30', 77]);
    const xlsx = tmp.file('ho-so.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rejectedPathFor(csv)).not.toBe(rejectedPathFor(xlsx));
    const a = await importDossiers(store, csv, { now: IMPORT_NOW });
    const b = await importDossiers(store, xlsx, { now: IMPORT_NOW });
    expect(a.rejectedCsv).toBe(csv.replace(/\.csv$/, '.rejected.csv'));
    expect(b.rejectedCsv).toBe(`${xlsx}.rejected.csv`);
    expect(readFileSync(a.rejectedCsv!, 'utf8')).toContain('S-1');
    expect(existsSync(b.rejectedCsv!) && readFileSync(b.rejectedCsv!, 'utf8')).toContain('S-2');
  });

  it('when --tinh names no known province, then the import is refused before any row, saying so', async () => {
    const r = await importDossiers(store, tmp.file('tinh.csv', dossierCsv([{ code: 'T-1' }])), { now: IMPORT_NOW, defaultProvince: 'Xyz' });
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('unknown_province');
    expect(summaryLines(r).join('\n')).toContain('Không có tỉnh, thành phố "Xyz" trong danh sách đơn vị đã nhập');
    expect(Number((await store.sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM dossier'))!.n)).toBe(0);
    const ok = await importDossiers(store, tmp.file('tinh-ok.csv', dossierCsv([{ code: 'T-2' }])), { now: IMPORT_NOW, defaultProvince: 'Phú Thọ' });
    expect(ok.status).toBe('done');
  });
});

describe('INGEST_TOKENS that anyone could guess', () => {
  const problems = (value: string): string[] => {
    try {
      parseEnv({ INGEST_TOKENS: value });
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };

  it.each(['aaaaaaaaaaaaaaaa', 'abababababababababab', '1234567890123456', 'abcdefghijklmnop', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy'])(
    'when a token is %s, then the start is refused, naming the token by position only',
    (token) => {
      const p = problems(`q7Vf2kR9mZp4Tx8LwB3n,${token}`);
      expect(p).toEqual(['INGEST_TOKENS: mã thứ 2 quá dễ đoán (ký tự lặp lại hoặc liền nhau); hãy tạo mã ngẫu nhiên, ví dụ bằng: openssl rand -hex 24']);
      expect(p.join('\n')).not.toContain(token);
    },
  );

  it('when tokens are random, then they are accepted', () => {
    expect(parseEnv({ INGEST_TOKENS: 'q7Vf2kR9mZp4Tx8LwB3n,3f9a1c0e7b2d4856' }).INGEST_TOKENS).toHaveLength(2);
  });
});
