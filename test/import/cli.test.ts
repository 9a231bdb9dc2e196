/**
 * `npm run import` as an administrator runs it: a child process on an SQLite file (the
 * reading thread included), with its Vietnamese summary, exit codes and report file.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportRun } from '../../src/data/imports.js';
import { openStore } from '../../src/data/store.js';
import { loadDemoCatalog } from '../../src/demo/load.js';
import { parseCliArgs } from '../../src/import/cli-args.js';
import { dossierCsv, PERSONAL, tempDir } from './fixtures.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const tmp = tempDir();
const db = join(tmp.dir, 'cli.db');

beforeAll(async () => {
  // What `npm run import` runs: the bundle its "preimport" script builds.
  await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  const store = await openStore({ dialect: 'sqlite', file: db });
  await loadDemoCatalog(store);
  await store.close();
});
afterAll(() => tmp.cleanup());

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['build/bin/cli.js', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${db}`, DEFAULT_PROVINCE: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import', () => {
  it('imports dossiers, prints the summary in Vietnamese, writes the rejected rows beside the file', async () => {
    const file = tmp.file('thang-7.csv', dossierCsv([{ code: 'C-1' }, { code: 'C-2', status: '12' }, { code: 'C-3', unit: '05305' }]));
    const r = await cli(['dossiers', file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Đang đọc thang-7.csv (');
    expect(r.stdout).toContain('Bỏ qua 4 cột dữ liệu cá nhân (không đọc, không lưu): ChuHoSo, SoGiayToChuHoSo, SoDienThoai, DiaChiThuongTru.');
    expect(r.stdout).toMatch(/Xong sau [\d,]+ giây/);
    expect(r.stdout).toContain('  Thêm mới: 2');
    expect(r.stdout).toContain('  Bị từ chối: 1');
    expect(r.stdout).toContain('  thang-7.csv dòng 3, cột TrangThaiHoSo: Trạng thái hồ sơ phải là số nguyên từ 1 đến 10, đang là "12".');
    const report = join(tmp.dir, 'thang-7.rejected.csv');
    expect(r.stdout).toContain(`Danh sách đầy đủ các dòng bị từ chối: ${report}`);
    expect(existsSync(report)).toBe(true);
    for (const v of Object.values(PERSONAL)) {
      expect(r.stdout + r.stderr).not.toContain(v);
      expect(readFileSync(report, 'utf8')).not.toContain(v);
    }
  }, 60_000);

  it('exits 0 with --json when every row is stored, and 1 for a file it cannot read', async () => {
    const ok = await cli(['dossiers', tmp.file('ok.csv', dossierCsv([{ code: 'C-4' }])), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'dossiers', status: 'done', rows: 1, inserted: 1, rejected: 0 });
    const empty = await cli(['dossiers', tmp.file('empty.csv', '')]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('Nhập thất bại.');
    expect(empty.stdout).toContain('Tệp "empty.csv" trống: không có dòng tiêu đề nào.');
    expect(empty.stdout).toContain('Chưa dòng nào được ghi vào kho.');
  }, 60_000);

  it('explains its usage on a wrong command line (exit 64)', async () => {
    const r = await cli(['dossier', 'x.csv']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('Không có loại nhập "dossier".');
    expect(r.stderr).toContain('Cách dùng: npm run import -- <loại> <tệp> [tuỳ chọn]');
    expect(parseCliArgs(['units'])).toEqual({ error: 'Thiếu đường dẫn tệp cần nhập.' });
    expect(parseCliArgs(['dossiers', 'a.csv', '--lo', '0'])).toEqual({ error: 'Tuỳ chọn "--lo" không hợp lệ.' });
    expect(parseCliArgs(['dossiers', 'a.csv', '--tinh', 'Phú Thọ', '--max-size', '8GB', '--bao-cao', 'r.csv'])).toMatchObject({
      kind: 'dossiers',
      province: 'Phú Thọ',
      maxBytes: 8 * 1024 ** 3,
      rejectedCsv: 'r.csv',
    });
  }, 60_000);

  it('marks a run left running by a killed import as interrupted when the next import starts, and refuses an unknown --tinh', async () => {
    const store = await openStore({ dialect: 'sqlite', file: db });
    const id = await startImportRun(store, 'dossiers', 'killed.csv', new Date(), { host: hostname(), pid: 4_194_305 });
    await store.close();
    const file = tmp.file('sau-khi-chet.csv', dossierCsv([{ code: 'C-KILL' }]));
    const r = await cli(['dossiers', file, '--tinh', 'Xyz']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Không có tỉnh, thành phố "Xyz" trong danh sách đơn vị đã nhập');
    const after = await openStore({ dialect: 'sqlite', file: db });
    const row = await after.sql.get<{ status: string }>('SELECT status FROM import_run WHERE id = ?', [id]);
    await after.close();
    expect(row?.status).toBe('interrupted');
  }, 60_000);
});
