import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestAudit } from '../../src/access/audit.js';
import { plainText } from '../../src/channel/render/lines.js';
import type { Reply } from '../../src/core/reply.js';
import { alertsApp, bindGroup } from '../alerts/support.js';

type TestApp = Awaited<ReturnType<typeof alertsApp>>;

/** The alerts' commands from registered Telegram groups, on the demo store of Wednesday 02/12/2026. */
describe('alerts commands', () => {
  let app: TestApp;
  let yenPhuCode = '';
  let thuongCocCode = '';
  const say = async (chatId: string, line: string, userName = 'Anh Minh'): Promise<Reply> => {
    const r = await app.router.handle({ text: line, chat: { platform: 'telegram', id: chatId, kind: 'group' }, user: { id: '5', name: userName }, addressed: true });
    return r!;
  };
  const text = async (chatId: string, line: string) => plainText(await say(chatId, line));

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T09:00:00+07:00');
    const dir = await app.ctx.directory.get();
    const pt = [...dir.provinces.values()].find((p) => p.name === 'Phú Thọ')!;
    const communes = dir.communesOf(pt.id);
    await bindGroup(app, '-1', 'commune', communes.find((c) => c.name === 'Yên Phú')!.id);
    await bindGroup(app, '-2', 'department', [...dir.departments.values()].find((d) => d.provinceId === pt.id && d.name === 'Sở Tư pháp')!.id);
    await bindGroup(app, '-4', 'leader', pt.id);
    const code = async (name: string) => {
      const id = communes.find((c) => c.name === name)!.id;
      const r = await app.store.sql.get<{ code: string }>('SELECT code FROM dossier WHERE commune_id = ? AND closed_at IS NULL ORDER BY due_at LIMIT 1', [id]);
      return r!.code;
    };
    yenPhuCode = await code('Yên Phú');
    thuongCocCode = await code('Thượng Cốc');
  }, 120_000);
  afterAll(async () => app?.dispose());

  it('/lichbao shows the role’s default and the next digest, and changes it', async () => {
    const shown = await text('-1', '/lichbao');
    expect(shown).toMatch(/Các ngày làm việc lúc 07:30\./);
    expect(shown).toMatch(/Bản tin tiếp theo: 03\/12\/2026 07:30\./);
    expect(shown).toMatch(/lịch mặc định/);
    expect(await text('-4', '/lichbao')).toMatch(/Hằng tuần vào thứ Hai lúc 08:00/);
    expect(await text('-1', '/lichbao thứ 2 08:00')).toMatch(/Hằng tuần vào thứ Hai lúc 08:00/);
    expect(await text('-1', '/lichbao tắt')).toMatch(/Đang tắt/);
    expect(await text('-1', '/lichbao bật')).toMatch(/Hằng tuần vào thứ Hai/);
    expect(await text('-1', '/lichbao 07:30')).toMatch(/Các ngày làm việc lúc 07:30\./);
  });

  it.each([
    ['/lichbao 25:00', /Giờ "25:00" không hợp lệ/],
    ['/lichbao thứ 8', /"thứ 8" không phải thứ trong tuần/],
    ['/lichbao lúc nào cũng được', /Không hiểu lịch bạn nhập/],
  ])('%s is refused with an example, changing nothing', async (line, why) => {
    const r = await say('-1', line);
    expect(r.status).toBe('user_error');
    expect(plainText(r)).toMatch(why);
    expect(plainText(r)).toMatch(/Ví dụ: \/lichbao 07:30/);
    expect(await text('-1', '/lichbao')).toMatch(/Các ngày làm việc lúc 07:30\./);
  });

  it('/chinhsach shows the defaults to everyone and only administrators change it', async () => {
    expect(await text('-1', '/chinhsach')).toMatch(/Cấp 2: tổ công tác: quá từ 3 ngày làm việc/);
    const denied = await say('-1', '/chinhsach 2 4 8');
    expect(denied.status).toBe('denied');
    const r = await app.router.handle({ text: '/chinhsach Phú Thọ 2 4 8', chat: { platform: 'console', id: 'admin', kind: 'private' }, user: { id: 'console' }, addressed: true });
    expect(plainText(r!)).toMatch(/Đã lưu chính sách chuyển cấp[\s\S]*Cấp 3: lãnh đạo tỉnh: quá từ 8 ngày làm việc/);
    const bad = await app.router.handle({ text: '/chinhsach Phú Thọ 3 1 7', chat: { platform: 'console', id: 'admin', kind: 'private' }, user: { id: 'console' }, addressed: true });
    expect(plainText(bad!)).toMatch(/cấp sau phải lớn hơn cấp trước/);
  });

  it('/danhan acknowledges a dossier of the chat’s commune, until 3 working days by default or the day given', async () => {
    expect(await text('-1', `/danhan ${yenPhuCode}`)).toMatch(/đến hết 07\/12\/2026/);
    expect(await text('-1', `/danhan ${yenPhuCode} đến 10/12`)).toMatch(/đến hết 10\/12\/2026/);
    expect(await text('-1', '/quahan')).toMatch(/đã nhận xử lý: Anh Minh đến 10\/12\/2026/);
  });

  it.each([
    ['/danhan', /chưa ghi mã hồ sơ/],
    ['/danhan H44.00000-260101-0001', /Không có hồ sơ mã "H44.00000-260101-0001"/],
    ['/danhan CODE đến 31/02', /Ngày "31\/02" không hợp lệ/],
    ['/danhan CODE đến 01/12', /Ngày kết thúc đã qua/],
  ])('%s is refused with an example', async (line, why) => {
    const r = await say('-1', line.replace('CODE', yenPhuCode));
    expect(r.status).toBe('user_error');
    expect(plainText(r)).toMatch(why);
    expect(plainText(r)).toMatch(/Ví dụ: \/danhan/);
  });

  it('/danhan with another commune’s code is refused and audited', async () => {
    const r = await say('-1', `/danhan ${thuongCocCode}`);
    expect(r.status).toBe('denied');
    expect(plainText(r)).toMatch(/không thuộc xã Yên Phú/);
    expect((await latestAudit(app.store, 5)).some((e) => e.action === 'denied' && e.detail === '/danhan (scope)' && e.chat === 'telegram:-1')).toBe(true);
  });

  it.each([
    ['/tamdung Yên Phú mất điện', /Cần ghi thời hạn tạm dừng/],
    ['/tamdung Yên Phú 3 ngày', /Cần ghi lý do tạm dừng/],
    ['/tamdung Yên Phú đến 01/12 mất điện', /Thời hạn tạm dừng đã qua/],
    [`/tamdung Yên Phú 3 ngày ${'x'.repeat(300)}`, /Lý do quá dài/],
  ])('%s is refused with an example, changing nothing', async (line, why) => {
    const r = await say('-1', line);
    expect(r.status).toBe('user_error');
    expect(plainText(r)).toMatch(why);
    expect(plainText(r)).toMatch(/Ví dụ: \/tamdung/);
    expect(await text('-1', '/tamdung')).toMatch(/Không có cảnh báo nào đang tạm dừng/);
  });

  it('a 500-character reason is refused before it reaches the command', async () => {
    const r = await say('-1', `/tamdung Yên Phú 3 ngày ${'x'.repeat(500)}`);
    expect(r.status).toBe('user_error');
    expect(plainText(r)).toMatch(/quá dài/);
  });

  it('/tamdung of another commune is refused and audited; of its own, listed and ended with /botamdung, both audited', async () => {
    const r = await say('-1', '/tamdung Thượng Cốc 2 ngày mất điện');
    expect(r.status).toBe('denied');
    expect((await latestAudit(app.store, 3)).some((e) => e.action === 'denied' && e.detail?.startsWith('/tamdung (scope)'))).toBe(true);
    const done = await text('-1', '/tamdung Yên Phú 2 ngày mất điện');
    const id = /\(số (\d+)\)/.exec(done)![1];
    expect(await text('-1', '/tamdung')).toMatch(new RegExp(`Số ${id}: xã Yên Phú`));
    expect(await text('-4', '/bantin')).toMatch(/tạm dừng cảnh báo đến/);
    expect((await say('-2', `/botamdung ${id}`)).status).toBe('user_error'); // the department's scope is its sectors, not the commune
    expect(await text('-1', `/botamdung ${id}`)).toMatch(new RegExp(`Đã bỏ tạm dừng số ${id}`));
    const actions = (await latestAudit(app.store, 10)).map((e) => e.action);
    expect(actions).toContain('silenced');
    expect(actions).toContain('unsilenced');
    expect((await say('-1', '/botamdung abc')).status).toBe('user_error');
  });

  it('/canhbao lists the chat’s alerts with level, state and since when; /bantin pages', async () => {
    expect(await text('-1', '/canhbao')).toMatch(/Cảnh báo đang mở · xã Yên Phú[\s\S]*· cấp \d \([^)]*\) · (đang mở|đã nhận xử lý đến [0-9/]+) · từ /);
    const page2 = await say('-4', '/bantin 2');
    expect(plainText(page2)).toMatch(/^Bản tin hồ sơ quá hạn · tỉnh Phú Thọ/);
    expect((await say('-1', '/bantin abc')).status).toBe('user_error');
  });
});
