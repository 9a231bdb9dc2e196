import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { ZaloRenderer } from '../../src/bot/zalo/renderer.js';
import { silentLogger } from '../../src/log.js';
import { TelegramHarness } from '../bot/telegram/harness.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';
import { alertsApp, bindGroup } from './support.js';

/**
 * On Telegram a commune's digest carries a "✓ Nhận xử lý <mã>" button for the overdue
 * dossiers on its page that nobody has acknowledged: a press acknowledges the dossier as
 * `/danhan <mã>` would (by the person who pressed), and the next digest shows it so, with
 * no button for it. Zalo has no buttons: the digest's text names the command.
 */
describe('acknowledging from a digest’s button', () => {
  let app: Awaited<ReturnType<typeof alertsApp>>;
  let server: FakeTelegramServer;
  let h: TelegramHarness;
  const group = { id: -1_007_001, type: 'group' as const };

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T07:20:00+07:00', { PUBLIC_AGGREGATES: 'true' });
    const dir = await app.ctx.directory.get();
    const yenPhu = [...dir.communes.values()].find((c) => c.name === 'Yên Phú' && c.provinceName === 'Phú Thọ')!;
    await bindGroup(app, String(group.id), 'commune', yenPhu.id);
    server = await FakeTelegramServer.start();
    h = await TelegramHarness.start({ app: app as never, server });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await server?.close();
    await app?.dispose();
  });

  it('acknowledges the dossier of the pressed button, and the next digest shows it acknowledged', async () => {
    const scheduler = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
    app.clock.set('2026-12-02T07:30:05+07:00');
    expect((await scheduler.tick()).sent).toBe(1);
    await server.waitFor(() => server.botMessages(group.id).length > 0, 10_000, 'the digest');
    const digest = server.botMessages(group.id).at(-1)!;
    expect(digest.text).toMatch(/^Bản tin hồ sơ quá hạn · xã Yên Phú/);
    const buttons = digest.replyMarkup!.inline_keyboard.flat().filter((b) => b.text.startsWith('✓ Nhận xử lý'));
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(5);
    const code = buttons[0]!.text.replace('✓ Nhận xử lý ', '');
    expect(digest.text).toContain(code);

    await h.press(group, digest.message_id, buttons[0]!.callback_data!, { id: 4242, first_name: 'Chị Hoa' });
    await server.waitFor(() => server.botMessages(group.id).some((m) => m.text.includes(`nhận xử lý hồ sơ ${code}`)), 10_000, 'the acknowledgement');

    await h.say(group, '/bantin', { from: { id: 4242, first_name: 'Chị Hoa' } });
    const preview = server.botMessages(group.id).at(-1)!;
    const line = preview.text.split('\n').find((l) => l.includes(code))!;
    expect(line).toMatch(/đã nhận/i);
    const again = (preview.replyMarkup?.inline_keyboard.flat() ?? []).map((b) => b.text);
    expect(again).not.toContain(`✓ Nhận xử lý ${code}`);
  }, 60_000);

  it('draws no buttons on Zalo: the text says /danhan <mã>', async () => {
    const r = await app.router.handle({ text: '/bantin', chat: { platform: 'telegram', id: String(group.id), kind: 'group' }, user: { id: '4242', name: 'Chị Hoa' }, addressed: true });
    expect(r!.actions?.length).toBeGreaterThan(0);
    const zalo = new ZaloRenderer().render(r!);
    expect(zalo.every((m) => m.buttons === undefined)).toBe(true);
    const text = zalo.map((m) => m.text).join('\n');
    expect(text).not.toContain('✓ Nhận xử lý');
    expect(text).toContain('/danhan <mã> nhận xử lý');
  });
});
