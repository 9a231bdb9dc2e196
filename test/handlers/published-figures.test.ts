/**
 * The figures the provincial reports published (DOMAIN.md, "Published figures the demo
 * data must reproduce"), each asked of the bot the way an official would ask, on the demo
 * store. The demo dossiers are generated records; these figures are computed from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, field, fieldAfter, fields, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

describe(`published figures on the demo store (${TEST_DIALECT})`, () => {
  it('seed 001: Thượng Cốc 1–28/7/2025 received 390, 229 online (58,72 %), none overdue', async () => {
    const r = await ask(app, '/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    expect(r.status).toBe('ok');
    expect(field(r, 'Tiếp nhận')).toBe('390 hồ sơ');
    expect(field(r, 'Trực tuyến')).toBe('229 (58,72 %)');
    expect(fieldAfter(r, /^Đang giải quyết/, 'Quá hạn')).toBe('0');
    expect(fieldAfter(r, 'Đã giải quyết', 'Quá hạn')).toBe('0');
  });

  it('seed 001: Yên Phú 1–27/7/2025 received 603: 239 online, 364 direct', async () => {
    const r = await ask(app, '/xa Yên Phú từ 1/7 đến 27/7/2025');
    expect(field(r, 'Tiếp nhận')).toBe('603 hồ sơ');
    expect(field(r, 'Trực tuyến')).toMatch(/^239 /);
    expect(field(r, 'Trực tiếp')).toBe('364');
  });

  it('seed 001: Quyết Thắng 1–28/7/2025 received 350 and resolved all 350, none overdue, over 3.000 visits', async () => {
    const r = await ask(app, '/xa Quyết Thắng từ 01/07/2025 đến 28/07/2025');
    expect(field(r, 'Tiếp nhận')).toBe('350 hồ sơ');
    expect(field(r, 'Đã giải quyết')).toBe('350');
    expect(field(r, 'Tỷ lệ đúng hạn')).toBe('100 %');
    expect(field(r, /^Đang giải quyết/)).toBe('0');
    expect(field(r, 'Lượt người dân đến giao dịch')).toBe('trên 3.000');
    expect(plain(r)).toContain('Nguồn: Tổ công tác số 10');
  });

  it('seed 001: the three communes belong to working group 10 led by Quách Tất Liêm', async () => {
    for (const name of ['Thượng Cốc', 'Yên Phú', 'Quyết Thắng']) {
      const r = await ask(app, `/xa ${name}`);
      expect(field(r, 'Tổ công tác')).toBe('số 10 (tổ trưởng: Phó Chủ tịch UBND tỉnh Quách Tất Liêm)');
    }
  });

  it('seed 003: working group 7 (Nguyễn Huy Ngọc), 1/7–25/12/2025: online rate averages 95,86 %, on time above 99 %, disbursement averages 71,11 %', async () => {
    const r = await ask(app, '/to 7 từ 1/7/2025 đến 25/12/2025');
    const out = plain(r);
    expect(out).toContain('Tổ trưởng: Phó Chủ tịch UBND tỉnh Nguyễn Huy Ngọc');
    for (const name of ['Thanh Ba', 'Quảng Yên', 'Hoàng Cương', 'Đông Thành', 'Chí Tiên', 'Liên Minh']) expect(out).toContain(`${name}: trực tuyến`);
    expect(field(r, 'Tỷ lệ tiếp nhận trực tuyến bình quân các xã')).toBe('95,86 %');
    expect(field(r, 'Giải ngân vốn đầu tư công bình quân')).toMatch(/^71,11 % /);
    const perCommune = r.blocks.flatMap((b) => (b.kind === 'list' && b.heading === 'Từng xã:' ? b.items : []));
    expect(perCommune).toHaveLength(6);
    for (const line of perCommune) {
      const onTime = Number(/đúng hạn ([\d,]+) %/.exec(line)![1]!.replace(',', '.'));
      expect(onTime).toBeGreaterThan(99);
    }
  });

  it('seed 000: Hưng Yên 1/7–13/8/2025 as published, with its source', async () => {
    const r = await ask(app, '/tongquan Hưng Yên từ 1/7/2025 đến 13/8/2025');
    expect(Object.fromEntries(fields(r))).toMatchObject({
      'Số xã, phường': '104',
      'Tiếp nhận': '156.230',
      'Trực tuyến': '134.251 (85,93 %)',
      'Trực tiếp': '21.979',
      'Đã giải quyết': '143.249',
      'Đúng hạn': '141.847 (99,02 %)',
      'Quá hạn': '1.402',
      'Đang giải quyết': '8.381',
      'Xếp hạng tỷ lệ nộp hồ sơ trực tuyến': '11/34 tỉnh, thành phố (gần 86 %)',
      'Thủ tục hành chính đã công bố': '2.119',
    });
    expect(plain(r)).toMatch(/Nguồn: Hội nghị .*Hưng Yên/);
  });

  it('seed 002: Nghệ An runs 130 units from 1/7/2025', async () => {
    const r = await ask(app, '/tongquan Nghệ An');
    expect(field(r, 'Số xã, phường')).toBe('130');
    expect(plain(r)).toContain('Nguồn:');
  });

  it('seed 001: the recommendations are stored with the departments that own them', async () => {
    const recs = await app.store.prisma.recommendation.findMany({
      where: { source: { contains: 'Tổ công tác số 10' } },
      include: { departments: true },
    });
    const deps = await app.store.prisma.department.findMany();
    const nameOf = (id: number) => deps.find((d) => d.id === id)!.name;
    const owners = recs.map((r) => r.departments.map((d) => nameOf(d.departmentId)).sort().join(' + '));
    expect(owners).toEqual(
      expect.arrayContaining(['Sở Khoa học và Công nghệ', 'Sở Nội vụ + Sở Y tế', 'Sở Tài chính', 'Công an tỉnh']),
    );
    const r = await ask(app, '/xa Thượng Cốc');
    expect(Number(field(r, 'Kiến nghị chưa được trả lời'))).toBe(recs.filter((x) => x.status === 'open').length);
  });

  it('"now" shows dossiers in progress, overdue and due soon', async () => {
    const r = await ask(app, '/tongquan');
    expect(Number(fieldAfter(r, /^Đang giải quyết \(hiện nay\)/, 'Trong hạn')!.replace('.', ''))).toBeGreaterThan(0);
    expect(Number(fieldAfter(r, /^Đang giải quyết \(hiện nay\)/, 'Quá hạn'))).toBeGreaterThan(0);
    expect(Number(field(r, /^Sắp đến hạn/))).toBeGreaterThan(0);
  });
});
