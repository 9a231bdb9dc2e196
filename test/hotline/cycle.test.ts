/**
 * The hotline's whole cycle through the router, as console chats bound to roles see it:
 * raise → route → answer → relay → reopen → ask back → reply → hand over → answer →
 * close; the sender picking the department; bad input changing nothing; idempotent
 * raising; overdue items for the alerts engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import type { ChatRef } from '../../src/core/request.js';
import { overdueRecommendations } from '../../src/hotline/overdue.js';
import { ask, field, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;

const chat = (id: string): ChatRef => ({ platform: 'console', id, kind: 'group', title: id });
const XA = chat('xa-thuong-coc');
const XA2 = chat('xa-yen-phu');
const KHCN = chat('so-khcn');
const TC = chat('so-tc');
const LEADERS = chat('lanh-dao');
const GROUP7 = chat('to-7');

async function depId(code: string): Promise<number> {
  const p = await app.store.prisma.province.findUnique({ where: { code: '25' } });
  return (await app.store.prisma.department.findFirst({ where: { provinceId: p!.id, code } }))!.id;
}
async function communeId(code: string): Promise<number> {
  return (await app.store.prisma.commune.findUnique({ where: { code } }))!.id;
}
/** The latest notice stored for a chat (what its channel sends). */
async function lastNotice(c: ChatRef): Promise<string> {
  const rows = await app.store.sql.all<{ payload: string }>('SELECT payload FROM notice WHERE platform = ? AND chat_id = ? ORDER BY id DESC LIMIT 1', [c.platform, c.id]);
  if (!rows[0]) return '';
  const stored = JSON.parse(rows[0].payload) as { reply: Parameters<typeof plain>[0] };
  return plain(stored.reply);
}
async function snapshot(): Promise<string> {
  const r = await app.store.sql.all('SELECT code, status, due_at, answer, paused_at, closed_at FROM recommendation ORDER BY id');
  const e = await app.store.sql.all('SELECT COUNT(*) AS n FROM recommendation_event');
  const d = await app.store.sql.all('SELECT recommendation_id, department_id, lead FROM recommendation_department ORDER BY 1, 2');
  return JSON.stringify([r, e, d]);
}
const codeOf = (text: string) => /KN-\d{4}/.exec(text)![0];

beforeAll(async () => {
  app = await openTestApp();
  const by = 'console:test';
  const now = new Date();
  await bindChat(app.store, { platform: 'console', chatId: XA.id, chatTitle: null, isGroup: true }, 'commune', await communeId('05293'), by, now);
  await bindChat(app.store, { platform: 'console', chatId: XA2.id, chatTitle: null, isGroup: true }, 'commune', await communeId('05305'), by, now);
  await bindChat(app.store, { platform: 'console', chatId: KHCN.id, chatTitle: null, isGroup: true }, 'department', await depId('KHCN'), by, now);
  await bindChat(app.store, { platform: 'console', chatId: TC.id, chatTitle: null, isGroup: true }, 'department', await depId('TC'), by, now);
  const pt = await app.store.prisma.province.findUnique({ where: { code: '25' } });
  await bindChat(app.store, { platform: 'console', chatId: LEADERS.id, chatTitle: null, isGroup: true }, 'leader', pt!.id, by, now);
  const g7 = await app.store.prisma.workingGroup.findFirst({ where: { provinceId: pt!.id, number: 7 } });
  await bindChat(app.store, { platform: 'console', chatId: GROUP7.id, chatTitle: null, isGroup: true }, 'working_group', g7!.id, by, now);
}, 180_000);
afterAll(async () => app?.dispose());

describe(`hotline cycle (${TEST_DIALECT})`, () => {
  let code = '';

  it('raises: stores the masked text, routes it, names code, department and deadline, offers another department', async () => {
    const r = await ask(app, '/kn Phần mềm một cửa không đăng nhập được, gọi anh Nguyễn Văn An 0912 345 678', XA);
    const text = plain(r);
    code = codeOf(text);
    expect(text).toContain(`Đã ghi kiến nghị ${code}`);
    expect(field(r, 'Sở nhận')).toBe('Sở Khoa học và Công nghệ');
    expect(field(r, 'Lĩnh vực')).toBe('Phần mềm một cửa');
    // Sunday 22/11/2026 + 5 working days.
    expect(field(r, 'Hạn trả lời')).toBe('27/11/2026');
    expect(text).toMatch(/có họ tên, số điện thoại của người dân nên đã được che/);
    expect(r.choices?.options.at(-1)).toEqual({ label: 'Sở khác…', command: `/chuyen ${code}` });
    const row = await app.store.prisma.recommendation.findUnique({ where: { code } });
    expect(row!.content).not.toContain('0912 345 678');
    expect(row!.content).not.toContain('Nguyễn Văn An');
    expect(row).toMatchObject({ status: 'open', senderId: 'tester', senderName: 'Người thử', chatPlatform: 'console', chatId: XA.id, field: 'Phần mềm một cửa' });
    expect(await lastNotice(KHCN)).toContain(`Kiến nghị ${code} · xã Thượng Cốc`);
    expect(await lastNotice(KHCN)).toContain(`/traloi ${code}`);
  });

  it('answers: relayed to the commune with the department name; the commune reopens; the department asks back; the commune replies', async () => {
    const a = await ask(app, `/traloi ${code} Sở đã cấp lại tài khoản, xã đăng nhập lại`, KHCN);
    expect(plain(a)).toContain(`Đã chuyển câu trả lời kiến nghị ${code} đến xã Thượng Cốc`);
    expect(await lastNotice(XA)).toContain(`Sở Khoa học và Công nghệ trả lời kiến nghị ${code}`);
    expect(await lastNotice(XA)).toContain('Sở đã cấp lại tài khoản');
    const re = await ask(app, `/chuagiaiquyet ${code} Vẫn không đăng nhập được`, XA);
    expect(plain(re)).toContain(`Đã mở lại kiến nghị ${code}`);
    expect(await lastNotice(KHCN)).toContain('Xã báo chưa giải quyết được: Vẫn không đăng nhập được');
    const q = await ask(app, `/hoilai ${code} Xã gửi ảnh chụp màn hình lỗi`, KHCN);
    expect(plain(q)).toContain('hạn trả lời tạm dừng');
    expect(await lastNotice(XA)).toContain(`hỏi lại về kiến nghị ${code}`);
    expect((await app.store.prisma.recommendation.findUnique({ where: { code } }))!.status).toBe('asked');
    const rep = await ask(app, `/traloi ${code} Đã gửi ảnh qua thư điện tử`, XA);
    expect(plain(rep)).toContain(`Đã gửi thông tin bổ sung kiến nghị ${code}`);
    expect(await lastNotice(KHCN)).toContain('bổ sung thông tin');
  });

  it('hands over with a reason, keeping the deadline; the old department can no longer answer; the new one answers; the commune closes', async () => {
    const before = (await app.store.prisma.recommendation.findUnique({ where: { code } }))!.dueAt;
    const m = await ask(app, `/chuyen ${code} Sở Tài chính Thuộc mua sắm thiết bị`, KHCN);
    expect(plain(m)).toContain(`Đã chuyển kiến nghị ${code} đến Sở Tài chính`);
    expect((await app.store.prisma.recommendation.findUnique({ where: { code } }))!.dueAt).toEqual(before);
    expect(await lastNotice(TC)).toContain('Chuyển từ Sở Khoa học và Công nghệ: Thuộc mua sắm thiết bị');
    expect(await lastNotice(XA)).toContain('được chuyển từ Sở Khoa học và Công nghệ sang Sở Tài chính');
    const old = await ask(app, `/traloi ${code} Thử`, KHCN);
    expect(old.status).toBe('denied');
    expect(plain(old)).toContain('đang do Sở Tài chính xử lý');
    await ask(app, `/traloi ${code} Đã bố trí kinh phí mua máy mới`, TC);
    const done = await ask(app, `/xong ${code}`, XA);
    expect(plain(done)).toContain(`Đã ghi nhận kiến nghị ${code} đã được giải quyết`);
    const show = plain(await ask(app, `/kiennghi ${code}`, XA));
    for (const step of ['gửi kiến nghị', 'gửi đến Sở Khoa học và Công nghệ', 'trả lời', 'báo chưa giải quyết', 'hỏi lại', 'xã bổ sung', 'chuyển đến Sở Tài chính', 'xác nhận đã giải quyết']) {
      expect(show, step).toContain(step);
    }
  });

  it('asks the sender to choose when no rule matches, and a bare number picks the department', async () => {
    const r = await ask(app, '/vuongmac Đề nghị tỉnh quan tâm giúp đỡ xã nhiều hơn', XA);
    expect(plain(r)).toContain('chưa xác định được sở phụ trách');
    expect(r.choices!.options.length).toBe(15);
    const c = codeOf(plain(r));
    expect((await app.store.prisma.recommendation.findUnique({ where: { code: c } }))!.status).toBe('unrouted');
    const picked = await ask(app, '1', XA);
    expect(plain(picked)).toContain(`Đã gửi kiến nghị ${c} đến ${r.choices!.options[0]!.label}`);
    expect((await app.store.prisma.recommendation.findUnique({ where: { code: c } }))!.status).toBe('open');
  });

  it('the commune picks another department right after raising; the first one is told', async () => {
    const r = await ask(app, '/kn Máy tính bộ phận một cửa hỏng', XA);
    const c = codeOf(plain(r));
    expect(field(r, 'Sở nhận')).toBe('Sở Khoa học và Công nghệ');
    const moved = await ask(app, `/chuyen ${c} TC`, XA);
    expect(plain(moved)).toContain(`Đã chuyển kiến nghị ${c} đến Sở Tài chính`);
    expect(await lastNotice(KHCN)).toContain(`Kiến nghị ${c} được chuyển từ Sở Khoa học và Công nghệ sang Sở Tài chính`);
    expect(await lastNotice(TC)).toContain(`Kiến nghị ${c} · xã Thượng Cốc`);
  });

  it('a tie offers the tied departments', async () => {
    const r = await ask(app, '/kn giáo viên và bác sĩ', XA);
    expect(plain(r)).toContain('liên quan đến nhiều sở');
    expect(r.choices!.options.slice(0, 2).map((o) => o.label).sort()).toEqual(['Sở Giáo dục và Đào tạo', 'Sở Y tế']);
  });

  it('a retried message (same platform message id) never makes a second item', async () => {
    const msg = { text: '/kn Lưới điện thôn yếu, mất điện thường xuyên', chat: XA, user: { id: 'u9', name: 'Lan' }, addressed: true, messageId: '777' };
    const first = plain((await app.router.handle(msg))!);
    const again = plain((await app.router.handle(msg))!);
    expect(codeOf(again)).toBe(codeOf(first));
    expect(again).toContain('đã được ghi thành kiến nghị');
    expect(await app.store.prisma.recommendation.count({ where: { content: { contains: 'Lưới điện thôn yếu' } } })).toBe(1);
  });

  it('a failure while storing tells the sender to try again, gives no code and stores nothing', async () => {
    const before = await app.store.prisma.recommendation.count();
    await app.store.sql.exec('ALTER TABLE recommendation_event RENAME TO recommendation_event_away');
    try {
      const r = await ask(app, '/kn Đường liên xã xuống cấp nghiêm trọng', XA);
      expect(plain(r)).toContain('Vui lòng thử lại');
      expect(plain(r)).not.toMatch(/KN-\d{4}/);
    } finally {
      await app.store.sql.exec('ALTER TABLE recommendation_event_away RENAME TO recommendation_event');
    }
    expect(await app.store.prisma.recommendation.count()).toBe(before);
  });

  it('a text that starts with "Tổng" is a recommendation, not the leaders\' record', async () => {
    const r = await ask(app, '/kn Tổng kinh phí sửa chữa trụ sở chưa được cấp', XA);
    expect(plain(r)).toMatch(/Đã ghi kiến nghị KN-\d{4}/);
    expect(plain(await ask(app, '/kiennghi tổng hợp Phú Thọ', LEADERS))).toContain('Kiến nghị theo sở · Phú Thọ');
  });

  it('uses the department\'s own deadline', async () => {
    await app.store.sql.run('UPDATE department SET answer_days = 10 WHERE id = ?', [await depId('TC')]);
    const r = await ask(app, '/kn Xã chưa được giao dự toán ngân sách năm 2027', XA);
    expect(field(r, 'Sở nhận')).toBe('Sở Tài chính');
    expect(field(r, 'Hạn trả lời')).toBe('04/12/2026');
  });

  it('bad input gets a clear reply and changes nothing; cross-scope attempts are audited', async () => {
    const before = await snapshot();
    const cases: [ChatRef, string, RegExp][] = [
      [XA, '/kn 😀😀🙏', /cần có chữ hoặc số/],
      [XA, `/kn ${'a'.repeat(5000)}`, /quá dài/],
      [XA, '/kiennghi KN-9999', /Không có kiến nghị KN-9999/],
      [XA2, `/kiennghi ${code}`, /không thuộc phạm vi của nhóm này \(xã Yên Phú\)/],
      [XA2, `/xong ${code}`, /không thuộc phạm vi/],
      [KHCN, '/traloi KN-0002 Đã có hướng dẫn', /không thuộc phạm vi của nhóm này \(Sở Khoa học và Công nghệ\)/],
      [XA, '/chuagiaiquyet KN-0001 Chưa được tập huấn', /quá 30 ngày/],
      [XA, `/chuyen ${code} Sở Không Có Thật`, /Không tìm thấy sở/],
      [TC, '/traloi', /Thiếu mã kiến nghị/],
      [TC, '/traloi abc xyz', /không phải mã kiến nghị/],
      [XA, `/traloi ${code}`, /Thiếu nội dung/],
      [LEADERS, '/kn Vướng mắc gì đó', /gửi từ nhóm của một xã/],
      [XA, '/kiennghi tong', /dành cho nhóm lãnh đạo/],
    ];
    for (const [c, text, expected] of cases) {
      const r = await ask(app, text, c);
      expect(r.status, text).not.toBe('ok');
      expect(plain(r), text).toMatch(expected);
    }
    expect(await snapshot()).toBe(before);
    const audits = await app.store.prisma.auditEntry.findMany({ where: { action: 'cross_scope' } });
    expect(audits.map((a) => a.detail)).toEqual(expect.arrayContaining([`/kiennghi ${code}`, `/xong ${code}`, '/traloi KN-0002']));
  });

  it('lists by role, and leaders see each department\'s record, overdue first', async () => {
    const mine = plain(await ask(app, '/kiennghi', XA));
    expect(mine).toContain('Kiến nghị đang mở · xã Thượng Cốc');
    expect(mine).toContain('KN-0002');
    expect(mine).not.toContain('KN-0006');
    const group = plain(await ask(app, '/kiennghi', GROUP7));
    expect(group).toContain('tổ công tác số 7');
    expect(group).toContain('KN-0006');
    expect(group).not.toContain('KN-0002');
    const dept = plain(await ask(app, '/kiennghi', TC));
    expect(dept).toContain('Sở Tài chính');
    const tong = await ask(app, '/kiennghi tong', LEADERS);
    const lines = tong.blocks.find((b) => b.kind === 'list')!;
    expect(lines.kind === 'list' && lines.items[0]).toMatch(/quá hạn [1-9]/);
    expect(plain(tong)).toMatch(/Sở Tài chính: đang mở \d+, quá hạn \d+, trả lời đúng hạn \d+\/\d+/);
    expect(plain(tong)).toContain('Quá hạn lâu nhất');
  });

  it('gives the alerts engine the overdue items with working days overdue', async () => {
    const calendar = await app.ctx.calendar.get();
    const pt = await app.store.prisma.province.findUnique({ where: { code: '25' } });
    const overdue = await overdueRecommendations(app.store, calendar, { provinceId: pt!.id }, app.ctx.clock.now());
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue[0]!.workingDaysOverdue).toBeGreaterThanOrEqual(overdue.at(-1)!.workingDaysOverdue);
    expect(overdue.every((o) => o.item.status === 'open' && o.workingDaysOverdue >= 1)).toBe(true);
    const nv = await overdueRecommendations(app.store, calendar, { departmentId: await depId('NV') }, app.ctx.clock.now());
    expect(nv.map((o) => o.item.code)).toContain('KN-0002');
  });

  it('administrators edit the routing rules with /quytac', async () => {
    expect(plain(await ask(app, '/quytac thu máy photo hỏng'))).toContain('hỏi người gửi chọn sở');
    expect(plain(await ask(app, '/quytac them máy photo = Sở Tài chính'))).toContain('Đã thêm quy tắc "máy photo" → Sở Tài chính');
    expect(plain(await ask(app, '/quytac thu may photo hong'))).toContain('Sở Tài chính');
    expect(plain(await ask(app, '/quytac'))).toContain('máy photo');
    expect(plain(await ask(app, '/quytac bo máy photo'))).toContain('Đã bỏ 1 quy tắc');
    expect(plain(await ask(app, '/quytac bo máy photo'))).toContain('Không có quy tắc');
    const audits = await app.store.prisma.auditEntry.findMany({ where: { action: 'routing_rule' } });
    expect(audits.length).toBe(2);
  });

  it('/xa counts the commune\'s unanswered items', async () => {
    const r = await ask(app, '/xa Thượng Cốc', XA);
    const n = await app.store.sql.get<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM recommendation r JOIN recommendation_commune c ON c.recommendation_id = r.id WHERE c.commune_id = ? AND r.status IN ('unrouted','open','asked')",
      [await communeId('05293')],
    );
    expect(Number(field(r, 'Kiến nghị chưa được trả lời'))).toBe(Number(n!.n));
  });
});
