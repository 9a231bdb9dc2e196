/**
 * `npm run import` of the official lists: the 3,321 units, then the old→new map of 10,604
 * old units, each row stored (exit 0), including the old units that share a name inside one
 * new unit (Thị trấn Yên Viên and Xã Yên Viên, both now Xã Phù Đổng).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/data/store.js';
import { SHARED_DATA, tempDir } from './fixtures.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const COMMUNES = join(SHARED_DATA, 'communes.csv');
const MERGE_MAP = join(SHARED_DATA, 'commune_merge_map.csv');
const haveReference = existsSync(COMMUNES) && existsSync(MERGE_MAP);
if (!haveReference) console.log(`merge map import test skipped: ${MERGE_MAP} not found (../shared/data is not part of this checkout)`);

const tmp = tempDir();
const db = join(tmp.dir, 'official.db');
afterAll(() => tmp.cleanup());

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['build/bin/cli.js', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${db}`, DEFAULT_PROVINCE: '' } });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe.skipIf(!haveReference)('npm run import of the official unit lists', () => {
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  }, 60_000);

  it('stores every row of the units list and of the merge map, and exits 0 for both', async () => {
    const units = await cli(['units', COMMUNES, '--json']);
    expect(units.code, units.stdout).toBe(0);
    const map = await cli(['old-units', MERGE_MAP, '--json']);
    expect(map.code, map.stdout).toBe(0);
    expect(JSON.parse(map.stdout)).toMatchObject({ kind: 'old-units', status: 'done', rows: 10604, rejected: 0, duplicates: 0 });
    const store = await openStore({ dialect: 'sqlite', file: db });
    try {
      const yenVien = await store.sql.all<{ code: string; type: string }>(
        "SELECT f.code, f.type FROM former_unit f JOIN commune c ON c.id = f.commune_id WHERE c.code = '00541' AND f.name = 'Yên Viên' ORDER BY f.code",
      );
      expect(yenVien).toEqual([
        { code: '00526', type: 'thi_tran' },
        { code: '00532', type: 'xa' },
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
