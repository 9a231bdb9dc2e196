import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import { plainText } from '../../src/channel/render/lines.js';
import { alertsApp } from './support.js';

type TestApp = Awaited<ReturnType<typeof alertsApp>>;

/** Digests on Zalo count against the monthly quota: here 50 messages, December 2026 (23 working days). */
describe('/lichbao on Zalo', () => {
  let app: TestApp;
  const say = async (line: string) => {
    const r = await app.router.handle({ text: line, chat: { platform: 'zalo', id: 'g1', kind: 'group' }, user: { id: 'u1', name: 'Anh Hùng' }, addressed: true });
    return { status: r!.status, text: plainText(r!) };
  };

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T09:00:00+07:00', { ZALO_BOT_TOKEN: '1234567890:abcdefghijklmnopqrstuvwxyzABCDEF', ZALO_MONTHLY_QUOTA: '50' });
    const dir = await app.ctx.directory.get();
    const yenPhu = [...dir.communes.values()].find((c) => c.name === 'Yên Phú')!;
    await bindChat(app.store, { platform: 'zalo', chatId: 'g1', chatTitle: 'Xã Yên Phú', isGroup: true }, 'commune', yenPhu.id, 'test', app.clock.now());
  }, 120_000);
  afterAll(async () => app?.dispose());

  it('shows the projected monthly use of the schedule', async () => {
    const r = await say('/lichbao');
    expect(r.text).toMatch(/Trên Zalo, lịch này dùng khoảng 23 tin mỗi tháng/);
    expect(r.text).not.toMatch(/Đã quá 80 %/);
  });

  it('warns past 80 % of the quota', async () => {
    const r = await say('/lichbao 07:30 13:30');
    expect(r.status).toBe('ok');
    expect(r.text).toMatch(/khoảng 46 tin mỗi tháng/);
    expect(r.text).toMatch(/⚠ Đã quá 80 % hạn mức/);
  });

  it('refuses a schedule that would exceed it, keeping the one before', async () => {
    const r = await say('/lichbao 07:30 09:30 13:30 15:30');
    expect(r.status).toBe('user_error');
    expect(r.text).toMatch(/Không lưu: .* khoảng 92 tin mỗi tháng, vượt hạn mức 50 tin\/tháng/);
    expect((await say('/lichbao')).text).toMatch(/07:30, 13:30/);
  });
});
