/**
 * `import departments`: a province's departments with their fields, routing keywords and
 * deadlines, validated row by row; rejected rows come back with their reasons.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/data/store.js';
import { loadDemoCatalog } from '../../src/demo/load.js';
import { DEFAULT_DEPARTMENTS } from '../../src/hotline/default-departments.js';
import { provinceRules } from '../../src/hotline/department-store.js';
import { routeText } from '../../src/hotline/routing.js';
import { importDepartments } from '../../src/import/departments/import-departments.js';
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

const provinceId = async (code: string) => Number((await store.sql.get<{ id: unknown }>('SELECT id FROM province WHERE code = ?', [code]))!.id);

const FILE = [
  'ma_tinh,ma_so,ten_so,linh_vuc,tu_khoa,han_tra_loi',
  '33,NV,Sở Nội vụ,"Tổ chức bộ máy, biên chế",biên chế; vị trí việc làm; tuyển dụng,7',
  '33,NV,Sở Nội vụ,Lưu trữ,lưu trữ; chỉnh lý tài liệu,7',
  '33,KHCN,Sở Khoa học và Công nghệ,Phần mềm một cửa,phần mềm một cửa; motcua; cntt,',
  '99,NV,Sở Nội vụ,Lưu trữ,lưu trữ,5',
  '33,NV,,Lưu trữ,lưu trữ,5',
  '33,X Y,Sở Lạ,Gì đó,;;,100',
].join('\n');

describe(`import departments (${TEST_DIALECT})`, () => {
  it('the demo store holds the fifteen provincial agencies of every demo province, with fields and rules', async () => {
    const hy = await provinceId('33');
    const deps = await store.prisma.department.findMany({ where: { provinceId: hy }, include: { fields: true } });
    expect(deps.map((d) => d.name).sort()).toEqual(DEFAULT_DEPARTMENTS.map((d) => d.name).sort());
    expect(deps.length).toBe(15);
    expect(deps.every((d) => d.fields.length > 0 && d.answerDays === 5)).toBe(true);
    const rules = await provinceRules(store, hy);
    const r = routeText('Bố trí thêm máy hỗ trợ cài đặt VNeID mức độ 2', rules);
    expect(r.kind === 'suggested' && deps.find((d) => d.id === r.departmentId)?.code).toBe('CA');
  });

  it('replaces a department\'s fields, keywords and deadline, rejecting bad rows with reasons', async () => {
    const r = await importDepartments(store, tmp.file('deps.csv', FILE), { now: IMPORT_NOW, rejectedCsv: null });
    expect(r.status).toBe('done');
    expect(r.rejected).toBe(3);
    const reasons = r.rejections.map((x) => `${x.line} ${x.column}: ${x.reason}`).join('\n');
    expect(reasons).toContain('Chưa có tỉnh mã 99');
    expect(reasons).toMatch(/tên sở/);
    expect(reasons).toMatch(/Mã sở "X Y" không hợp lệ/);
    expect(reasons).toMatch(/Hạn trả lời "100"/);
    const hy = await provinceId('33');
    const nv = await store.prisma.department.findFirst({ where: { provinceId: hy, code: 'NV' }, include: { fields: true, rules: true } });
    expect(nv!.answerDays).toBe(7);
    expect(nv!.fields.map((f) => f.name).sort()).toEqual(['Lưu trữ', 'Tổ chức bộ máy, biên chế']);
    expect(nv!.rules.map((x) => x.keyword).sort()).toEqual(['biên chế', 'chỉnh lý tài liệu', 'lưu trữ', 'tuyển dụng', 'vị trí việc làm']);
    // Another province's departments are untouched.
    const pt = await store.prisma.department.findFirst({ where: { provinceId: await provinceId('25'), code: 'NV' }, include: { rules: true } });
    expect(pt!.rules.length).toBeGreaterThan(20);
    const rules = await provinceRules(store, hy);
    const routed = routeText('lỗi CNTT trên motcua', rules);
    expect(routed.kind === 'suggested' && routed.field).toBe('Phần mềm một cửa');
  });

  it('is run by `npm run import -- departments FILE`', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const run = promisify(execFile);
    await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const db = join(tmp.dir, 'deps.db');
    const s = await openStore({ dialect: 'sqlite', file: db });
    await loadDemoCatalog(s);
    await s.close();
    const file = tmp.file('cli-deps.csv', FILE);
    const out = await run(process.execPath, ['build/bin/cli.js', 'departments', file, '--bao-cao', join(tmp.dir, 'rej.csv')], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${db}` } }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect('code' in out ? out.code : 0).toBe(3);
    expect(out.stdout).toContain('Quy tắc phân loại đã ghi');
    expect(out.stdout).toContain('Chưa có tỉnh mã 99');
  }, 120_000);
});
