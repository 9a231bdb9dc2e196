import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { FakeZaloServer } from '../fakes/zalo-server.js';
import { groupChatId, ZaloHarness } from '../bot/zalo/harness.js';
import { alertsApp } from './support.js';

const GROUPS = 40;
/** The bot's monthly quota here: fewer messages than the digests due. */
const QUOTA = 30;
const DIGEST = 'Bản tin hồ sơ quá hạn';

/**
 * Fan-out on Zalo: 40 commune groups' 07:30 digests through the real Zalo channel (outbox,
 * pacing, the quota counted in the store) to the fake Zalo Bot API, whose own monthly
 * quota answers 429 "Quota exceeded" past it. The bot stops sending digests at its quota
 * (Zalo never refuses one), a person's question during the fan-out is answered before the
 * digests queued ahead of it, and the digests past the quota wait in the outbox, not lost:
 * when the quota is raised they go, each group's once.
 */
describe('digest fan-out on Zalo, with the monthly quota', () => {
  let app: Awaited<ReturnType<typeof alertsApp>>;
  let server: FakeZaloServer;
  const groups = Array.from({ length: GROUPS }, (_, i) => groupChatId(500 + i));

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T07:20:00+07:00', { PUBLIC_AGGREGATES: 'true' });
    // Zalo's own count: a little room above the bot's, so that a 429 could only come from
    // the bot sending past its quota.
    server = await FakeZaloServer.start({ monthlyQuota: QUOTA + 5 });
    const dir = await app.ctx.directory.get();
    const communes = [...dir.communes.values()].filter((c) => c.provinceName === 'Phú Thọ');
    for (const [i, g] of groups.entries()) {
      await bindChat(app.store, { platform: 'zalo', chatId: g, chatTitle: `Nhóm ${i}`, isGroup: true }, 'commune', communes[i % communes.length]!.id, 'test', app.clock.now());
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.dispose();
  });

  const digestsTo = () => server.sent.filter((m) => m.text.includes(DIGEST));
  const refused = () => server.calls.filter((c) => c.status === 429).length;

  it('sends digests up to the quota with no 429, answers a person first, and keeps the rest until the quota allows', async () => {
    const first = await ZaloHarness.start({ app: app as never, server, monthlyQuota: QUOTA, channel: { outbox: { pollMs: 50 } } });
    const key = `zalo:${server.botId}`;
    try {
      const scheduler = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
      app.clock.set('2026-12-02T07:30:05+07:00');
      expect((await scheduler.tick()).sent).toBe(GROUPS);
      const queued = Number((await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM outbox_message WHERE platform = ? AND dedupe_key LIKE '%:notice:digest:%'", [key]))!.n);
      // One message per digest: a long one is cut to its first page ("gửi /bantin 2").
      expect(queued).toBe(GROUPS);

      // A person asks while the digests are going out (10 a second at most).
      await server.waitFor(() => digestsTo().length >= 3, 10_000, 'the first digests');
      const person = first.chat();
      await first.say(person, '/xa Thượng Cốc');
      const answer = server.sent.findIndex((m) => m.chatId === person.id);
      expect(answer).toBeGreaterThanOrEqual(0);

      // The quota is reached: what is left waits.
      await server.waitFor(() => server.sent.length >= QUOTA, 20_000, 'the quota used up');
      await new Promise((r) => setTimeout(r, 500));
      expect(server.sent).toHaveLength(QUOTA);
      expect(digestsTo()).toHaveLength(QUOTA - 1);
      // The answer did not wait for the digests queued before it: some went after it.
      expect(server.sent.slice(answer + 1).filter((m) => m.text.includes(DIGEST)).length).toBeGreaterThan(0);
      expect(refused()).toBe(0);
      expect(await first.channel.platform.quota.state()).toMatchObject({ sent: QUOTA, exhausted: true });
      expect((await first.channel.outbox.counts(key)).pending).toBe(GROUPS - (QUOTA - 1));

      // Past the quota, questions are still answered.
      await first.say(person, '/xa Yên Phú');
      expect(server.botMessages(person.id)).toHaveLength(2);
      expect(digestsTo()).toHaveLength(QUOTA - 1);
    } finally {
      await first.close();
    }

    // An administrator raises the quota (Zalo's too) and restarts the bot: the rest go.
    server.setQuota(null);
    const second = await ZaloHarness.start({ app: app as never, server, monthlyQuota: 3_000, channel: { outbox: { pollMs: 50 } } });
    try {
      await server.waitFor(() => digestsTo().length >= GROUPS, 20_000, 'every digest');
      await new Promise((r) => setTimeout(r, 300));
      const perGroup = new Map<string, number>();
      for (const m of digestsTo()) perGroup.set(m.chatId, (perGroup.get(m.chatId) ?? 0) + 1);
      expect([...perGroup.keys()].sort()).toEqual([...groups].sort());
      expect([...perGroup.values()].every((n) => n === 1)).toBe(true);
      expect((await second.channel.outbox.counts(key)).pending).toBe(0);
      expect(refused()).toBe(0);
    } finally {
      await second.close();
    }
  }, 120_000);
});
