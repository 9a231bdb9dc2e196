/**
 * The monthly quota (Zalo's free plan: 3,000 messages): every message sent is counted in
 * the store per calendar month; at 80 % the Zalo administrators are told, once; past the
 * quota commands are still answered but messages nobody asked for wait until the next
 * month or a higher quota. Zalo's "Quota exceeded" alone is no proof the quota is used up:
 * the message is retried after 5 s, and administrators hear of the episode once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthKey, nextMonthStart } from '../../../src/bot/zalo/quota.js';
import type { Clock } from '../../../src/core/clock.js';
import { reply } from '../../../src/core/reply.js';
import { ZALO_TEXT } from '../../../src/text/messages.js';
import { FakeZaloServer } from '../../fakes/zalo-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openZaloTestApp, ZaloHarness, type TestApp } from './harness.js';

const ADMIN = 'b0000000000000000001';
let app: TestApp;
beforeAll(async () => {
  app = await openZaloTestApp({ env: { ADMIN_IDS: `zalo:${ADMIN},tg:12345` } });
});
afterAll(async () => {
  await app?.dispose();
});

/** Resolves when `check` passes, retrying it while the bot catches up (at most 10 s). */
async function eventually(check: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (err) {
      if (i >= 200) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function movableClock(start = Date.now()): Clock & { advance(ms: number): void; set(at: Date): void } {
  let offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms), set: (at) => (offset = at.getTime() - Date.now()) };
}

describe('calendar months in Hà Nội', () => {
  it('start at 00:00 Vietnam time', () => {
    expect(monthKey(new Date('2026-11-30T16:59:59.999Z'))).toBe('2026-11');
    expect(monthKey(new Date('2026-11-30T17:00:00.000Z'))).toBe('2026-12');
    expect(nextMonthStart(new Date('2026-12-15T00:00:00Z')).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe(`Zalo monthly quota (${TEST_DIALECT})`, () => {
  it('counts every message sent, per bot and month, in the store', async () => {
    const h = await ZaloHarness.start({ app });
    try {
      const chat = h.chat();
      await h.say(chat, '/giup');
      await h.say(chat, '/xa Thượng Cốc');
      const state = await h.channel.platform.quota.state();
      expect(state).toMatchObject({ sent: h.server.sent.length, quota: 3_000, exhausted: false });
      expect(state.sent).toBe(2);
    } finally {
      await h.close();
    }
  });

  it('tells the Zalo administrators once at 80 %, then holds notices past 100 % while answering commands', async () => {
    const clock = movableClock(new Date('2026-11-20T03:00:00Z').getTime());
    const server = await FakeZaloServer.start();
    const h = await ZaloHarness.start({ app, server, monthlyQuota: 5, channel: { clock, outbox: { pollMs: 50 } } });
    try {
      const chat = h.chat();
      for (let i = 0; i < 4; i++) await h.say(chat, '/giup');
      // The 4th message reached 80 % of 5: the administrator is told (the 5th message).
      await server.waitFor(() => server.botMessages(ADMIN).length === 1, 10_000, 'the 80 % warning');
      expect(server.botMessages(ADMIN)[0]!.text).toContain(ZALO_TEXT.quotaWarning('4', '5', '11/2026'));
      await eventually(async () => expect((await h.channel.platform.quota.state()).exhausted).toBe(true));
      // Commands are still answered past the quota …
      await h.say(chat, '/xa Thượng Cốc');
      expect(h.texts(chat)).toHaveLength(5);
      // … but a message nobody asked for waits.
      const notice = { platform: 'zalo' as const, chatId: ADMIN, isGroup: false, key: `test-held-${server.botId}`, reply: reply([{ kind: 'text', text: 'Yêu cầu đăng ký DK9' }]) };
      await app.ctx.notices.notify(notice);
      const key = `zalo:${server.botId}`;
      await new Promise((r) => setTimeout(r, 200));
      expect((await h.channel.outbox.counts(key)).pending).toBe(1);
      expect(server.botMessages(ADMIN)).toHaveLength(1);
      // A new month: the count starts again and the notice goes.
      clock.set(nextMonthStart(clock.now()));
      await server.waitFor(() => server.botMessages(ADMIN).length === 2, 10_000, 'the held notice');
      expect(server.botMessages(ADMIN)[1]!.text).toBe('Yêu cầu đăng ký DK9');
      await eventually(async () => expect((await h.channel.outbox.counts(key)).pending).toBe(0));
      // No second warning in the first month, and the new month counts from zero.
      expect(server.botMessages(ADMIN).filter((m) => m.text.includes('80 %'))).toHaveLength(1);
      await eventually(async () => expect(await h.channel.platform.quota.state()).toMatchObject({ month: '2026-12', sent: 1 }));
    } finally {
      await h.close();
      await server.close();
    }
  });

  it('hands over held notices when an administrator raises the quota (and restarts the bot)', async () => {
    const server = await FakeZaloServer.start();
    const first = await ZaloHarness.start({ app, server, monthlyQuota: 1 });
    const chat = first.chat();
    await first.say(chat, '/giup');
    const notice = { platform: 'zalo' as const, chatId: ADMIN, isGroup: false, key: `test-raise-${server.botId}`, reply: reply([{ kind: 'text', text: 'Cảnh báo thử' }]) };
    await app.ctx.notices.notify(notice);
    await new Promise((r) => setTimeout(r, 200));
    expect((await first.channel.outbox.counts(`zalo:${server.botId}`)).pending).toBe(1);
    await first.close();
    const second = await ZaloHarness.start({ app, server, monthlyQuota: 100 });
    try {
      await server.waitFor(() => server.botMessages(ADMIN).length === 1, 10_000, 'the held notice');
      expect(server.botMessages(ADMIN)[0]!.text).toBe('Cảnh báo thử');
    } finally {
      await second.close();
      await server.close();
    }
  });

  it('sends notices through the outbox at once while there is quota; one "Quota exceeded" delays a message by seconds', async () => {
    const clock = movableClock();
    const server = await FakeZaloServer.start();
    const h = await ZaloHarness.start({ app, server, channel: { clock, outbox: { pollMs: 20 } } });
    const notify = (key: string, text: string) =>
      app.ctx.notices.notify({ platform: 'zalo', chatId: ADMIN, isGroup: false, key: `${key}-${server.botId}`, reply: reply([{ kind: 'text', text }]) });
    const told = async () => (await app.store.sql.all<{ key: string }>("SELECT key FROM notice WHERE key LIKE ?", [`zalo-limited:zalo:${server.botId}:%`])).map((r) => r.key.split(':').slice(-2).join(':'));
    try {
      await notify('test-now', 'Thông báo 1');
      await server.waitFor(() => server.botMessages(ADMIN).length === 1, 10_000, 'the first notice');
      server.failNext('sendMessage', { kind: '429' });
      await notify('test-later', 'Thông báo 2');
      await eventually(async () => expect(await h.channel.outbox.counts(`zalo:${server.botId}`)).toMatchObject({ pending: 1 }));
      // The first step after "Quota exceeded" is 5 seconds, not half an hour.
      clock.advance(5_000);
      await server.waitFor(() => server.botMessages(ADMIN).length === 2, 10_000, 'the delayed notice');
      expect(server.botMessages(ADMIN).map((m) => m.text)).toEqual(['Thông báo 1', 'Thông báo 2']);
      // A refusal the next attempt cleared is not worth a message to administrators.
      expect(await told()).toEqual([]);
      expect((await h.channel.platform.quota.state()).exhausted).toBe(false);

      // Refusals that last: retried after 5 s, 30 s, 2 min; administrators told once, on every platform.
      server.setQuota(0);
      await notify('test-lasting', 'Thông báo 3');
      for (const step of [5_000, 30_000, 120_000]) {
        const calls = server.calls.length;
        await new Promise((r) => setTimeout(r, 100));
        clock.advance(step);
        await server.waitFor(() => server.calls.slice(calls).some((c) => c.method === 'sendMessage'), 10_000, `the retry after ${step} ms`);
      }
      await eventually(async () => expect((await told()).sort()).toEqual(['telegram:12345', `zalo:${ADMIN}`]));
      server.setQuota(null);
      clock.advance(600_000);
      await server.waitFor(() => server.botMessages(ADMIN).some((m) => m.text === 'Thông báo 3'), 10_000, 'the notice after the episode');
      expect(await told()).toHaveLength(2);
    } finally {
      await h.close();
      await server.close();
    }
  });
});
