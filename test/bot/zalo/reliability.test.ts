/**
 * No lost and no doubled replies on Zalo, where getUpdates forgets what it returned:
 * copies of one message, restarts, a process that died after reading an update, graceful
 * shutdown, and "Quota exceeded" answers that the outbox rides out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { UpdateLog } from '../../../src/delivery/update-log.js';
import { FakeZaloServer } from '../../fakes/zalo-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openZaloTestApp, ZaloHarness, type TestApp } from './harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await openZaloTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

/** A clock the test moves forward (outbox due dates). */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

const idOf = (u: Record<string, unknown>) => String((u.message as { message_id: string }).message_id);

describe(`Zalo reliability (${TEST_DIALECT})`, () => {
  it('answers a message that comes twice through getUpdates only once', async () => {
    const h = await ZaloHarness.start({ app });
    try {
      const chat = h.chat();
      const u = h.server.sendText(chat, h.user(chat), '/giup');
      await h.whenHandled(idOf(u));
      h.server.redeliver(u);
      await h.whenHandled(idOf(u), 2);
      expect(h.texts(chat)).toHaveLength(1);
      expect(h.logs.records().some((r) => r.msg === 'duplicate update ignored')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('keeps every update in the store before handling it, and forgets it once answered', async () => {
    const h = await ZaloHarness.start({ app });
    try {
      const chat = h.chat();
      const release = h.server.hold('sendMessage', (p) => p.chat_id === chat.id);
      const u = h.server.sendText(chat, h.user(chat), '/giup');
      await h.server.waitFor(() => h.server.calls.some((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id), 10_000, 'the held reply');
      const kept = await h.channel.updates.waiting(new Date(Date.now() + 60_000));
      expect(kept.map((k) => k.key)).toContain(idOf(u));
      release();
      await h.whenHandled(idOf(u));
      expect(await h.channel.updates.pending()).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('after a crash, answers what a dead process read from Zalo but never answered', async () => {
    const server = await FakeZaloServer.start();
    const first = await ZaloHarness.start({ app, server });
    const chat = first.chat();
    await first.say(chat, '/giup');
    await first.close();
    // The dead process had taken two updates off Zalo's queue: one it had claimed, one not.
    const claimed = { event_name: 'message.text.received', message: server.message(chat, first.user(chat), { text: '/xa Thượng Cốc' }) };
    const unclaimed = { event_name: 'message.text.received', message: server.message(chat, first.user(chat), { text: '/xa Yên Phú' }) };
    const key = `zalo:${server.botId}`;
    const dead = new UpdateLog(app.store, key, { owner: 'dead-process'});
    for (const u of [claimed, unclaimed]) expect(await dead.keep(idOf(u), chat.id, JSON.stringify(u), new Date())).toBe(true);
    expect(await dead.claim(idOf(claimed), chat.id, new Date())).toBe('claimed');
    const second = await ZaloHarness.start({ app, server });
    try {
      await second.whenHandled(idOf(claimed));
      await second.whenHandled(idOf(unclaimed));
      const texts = second.texts(chat);
      expect(texts).toHaveLength(3);
      expect(texts[0]).toContain('Các lệnh:');
      expect(texts.slice(1).join('\n')).toContain('Xã Thượng Cốc');
      expect(texts.slice(1).join('\n')).toContain('Xã Yên Phú');
      expect(await second.channel.updates.pending()).toBe(0);
    } finally {
      await second.close();
      await server.close();
    }
  });

  it('on shutdown finishes the update in flight and stops polling', async () => {
    const h = await ZaloHarness.start({ app });
    const chat = h.chat();
    const release = h.server.hold('sendMessage', (p) => p.chat_id === chat.id);
    const u = h.server.sendText(chat, h.user(chat), '/giup');
    await h.server.waitFor(() => h.server.calls.some((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id), 10_000, 'the held reply');
    let stopped = false;
    const stopping = h.channel.stop().then(() => (stopped = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await h.whenHandled(idOf(u));
    expect(h.texts(chat)).toHaveLength(1);
    const polls = h.server.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((r) => setTimeout(r, 100));
    expect(h.server.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
    expect(h.server.queued).toBe(0);
    await h.http.close();
    await h.server.close();
  });

  it('keeps replies refused with "Quota exceeded" in the outbox and sends them later, in order, once', async () => {
    const clock = movableClock();
    const server = await FakeZaloServer.start();
    // Replies are retried at once within a second; Zalo's first step after "Quota exceeded" is 5 s.
    const h = await ZaloHarness.start({ app, server, maxRetryWaitMs: 1_000, channel: { clock, outbox: { pollMs: 3_600_000 } } });
    try {
      const chat = h.chat();
      server.setQuota(0);
      await h.say(chat, '/giup');
      // While the chat has a message waiting, a new reply queues behind it.
      await h.say(chat, '/xa Thượng Cốc');
      expect(h.texts(chat)).toEqual([]);
      const key = `zalo:${server.botId}`;
      const pending = await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM outbox_message WHERE platform = ? AND chat_id = ? AND status = 'pending'", [key, chat.id]);
      expect(Number(pending?.n)).toBe(2);
      // One answer cannot tell a passing limit from the month's quota: the count stays the
      // bot's own, and the episode is recorded (administrators hear of it once).
      expect((await h.channel.platform.quota.state()).exhausted).toBe(false);
      const row = await app.store.sql.get<{ limited_since: unknown }>('SELECT limited_since FROM zalo_quota WHERE bot = ?', [key]);
      expect(row?.limited_since).not.toBeNull();
      server.setQuota(null);
      clock.advance(31 * 60_000);
      h.channel.worker.nudge();
      await server.waitFor(() => h.texts(chat).length === 1, 10_000, 'the first queued reply');
      clock.advance(2_000);
      h.channel.worker.nudge();
      await server.waitFor(() => h.texts(chat).length === 2, 10_000, 'the second queued reply');
      expect(h.texts(chat)[0]).toContain('Các lệnh:');
      expect(h.texts(chat)[1]).toContain('Xã Thượng Cốc');
    } finally {
      await h.close();
      await server.close();
    }
  });

  it('keeps outbox messages across a restart', async () => {
    const clock = movableClock();
    const server = await FakeZaloServer.start();
    const first = await ZaloHarness.start({ app, server, maxRetryWaitMs: 1_000, channel: { clock, outbox: { pollMs: 3_600_000 } } });
    const chat = first.chat();
    server.setQuota(0);
    await first.say(chat, '/giup');
    await first.close();
    expect(server.botMessages(chat.id)).toEqual([]);
    server.setQuota(null);
    clock.advance(31 * 60_000);
    const second = await ZaloHarness.start({ app, server, channel: { clock, outbox: { pollMs: 50 } } });
    try {
      await server.waitFor(() => server.botMessages(chat.id).length === 1, 10_000, 'the queued reply after restart');
      expect(server.botMessages(chat.id)[0]!.text).toContain('Các lệnh:');
    } finally {
      await second.close();
      await server.close();
    }
  });

  it('drops a message Zalo refuses for good, logs it, and keeps working', async () => {
    const h = await ZaloHarness.start({ app });
    try {
      const chat = h.chat();
      h.server.failNext('sendMessage', { kind: 'error', code: 400, description: 'chat_id is invalid' });
      await h.say(chat, '/giup');
      await h.say(chat, '/giup');
      expect(h.texts(chat)).toHaveLength(1);
      expect(h.logs.records().some((r) => r.msg === 'message refused by the platform')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('sends markdown when asked, and the plain text when Zalo refuses the markdown', async () => {
    const h = await ZaloHarness.start({ app, markdown: true });
    try {
      const chat = h.chat();
      await h.say(chat, '/xa Thượng Cốc');
      const [m] = h.server.botMessages(chat.id);
      expect(m!.parseMode).toBe('markdown');
      expect(m!.raw.startsWith('**Xã Thượng Cốc')).toBe(true);
      expect(m!.text.startsWith('Xã Thượng Cốc')).toBe(true);
      h.server.failNext('sendMessage', { kind: 'error', code: 400, description: 'Cannot parse markdown' });
      await h.say(chat, '/xa Thượng Cốc');
      const second = h.server.botMessages(chat.id)[1]!;
      expect(second.parseMode).toBeNull();
      expect(second.text).toBe(m!.text);
    } finally {
      await h.close();
    }
  });
});
