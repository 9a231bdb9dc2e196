import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';
import { TelegramHarness } from '../bot/telegram/harness.js';
import { alertsApp } from './support.js';

const GROUPS = 80;

/**
 * Fan-out: many groups' 07:30 digests through the real Telegram channel (outbox, pacing) to
 * the fake Bot API enforcing Telegram's limits (30 messages/s overall, 20/min per group,
 * 429 past them): every digest arrives once, and the bot never hits a limit.
 */
describe('digest fan-out on Telegram', () => {
  let app: Awaited<ReturnType<typeof alertsApp>>;
  let server: FakeTelegramServer;
  let h: TelegramHarness;

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T07:20:00+07:00');
    server = await FakeTelegramServer.start();
    server.enforceLimits({ perSecond: 30, groupPerMinute: 20 });
    const dir = await app.ctx.directory.get();
    const communes = [...dir.communes.values()].filter((c) => c.provinceName === 'Phú Thọ');
    for (let i = 0; i < GROUPS; i++) {
      await bindChat(app.store, { platform: 'telegram', chatId: String(-1_009_000 - i), chatTitle: `Nhóm ${i}`, isGroup: true }, 'commune', communes[i % communes.length]!.id, 'test', app.clock.now());
    }
    h = await TelegramHarness.start({ app: app as never, server });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await server?.close();
    await app?.dispose();
  });

  it('delivers every group’s digest once, with zero 429s', async () => {
    const scheduler = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
    app.clock.set('2026-12-02T07:30:05+07:00');
    const r = await scheduler.tick();
    expect(r.sent).toBe(GROUPS);
    const queued = Number((await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM outbox_message WHERE dedupe_key LIKE '%:notice:digest:%'"))!.n);
    const sends = () => server.calls.filter((c) => c.method === 'sendMessage' && c.ok);
    await server.waitFor(() => sends().length >= queued, 90_000, `${queued} digest messages`);
    const perChat = new Map<string, number>();
    for (const c of sends()) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    expect(perChat.size).toBe(GROUPS);
    expect(sends()).toHaveLength(queued);
    expect(server.limited).toBe(0);
  }, 150_000);
});
