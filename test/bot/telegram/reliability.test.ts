/**
 * No lost and no doubled replies: updates delivered twice, restarts, a process that died
 * mid-update, graceful shutdown, long rate limits through the outbox, refused HTML,
 * chats that blocked the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { UpdateLog } from '../../../src/delivery/update-log.js';
import { FakeTelegramServer } from '../../fakes/telegram-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openTelegramTestApp, TelegramHarness, type TestApp } from './harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await openTelegramTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

/** Resolves when `check` passes, retrying it as the delivery layer catches up (at most 10 s). */
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

/** A clock the test moves forward (outbox due dates). */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

describe(`Telegram reliability (${TEST_DIALECT})`, () => {
  it('answers an update delivered twice only once', async () => {
    const h = await TelegramHarness.start({ app });
    try {
      const chat = h.chat();
      const u = h.server.sendText(chat, h.user(chat.id), '/giup');
      await h.whenHandled(u.update_id);
      h.server.redeliver(u);
      await h.whenHandled(u.update_id, 2);
      expect(h.texts(chat)).toHaveLength(1);
      expect(h.logs.records().some((r) => r.msg === 'duplicate update ignored')).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('after a restart, answers what arrived meanwhile and not again what was answered', async () => {
    const server = await FakeTelegramServer.start();
    const first = await TelegramHarness.start({ app, server });
    const chat = first.chat();
    const answered = first.server.sendText(chat, first.user(chat.id), '/giup');
    await first.whenHandled(answered.update_id);
    await first.close();
    // The shutdown confirmed what was handled.
    expect(server.unconfirmed).toBe(0);
    const waiting = server.sendText(chat, first.user(chat.id), '/xa Thượng Cốc');
    server.redeliver(answered); // as after a crash before the offset was confirmed
    const second = await TelegramHarness.start({ app, server });
    try {
      await second.whenHandled(waiting.update_id);
      await second.whenHandled(answered.update_id);
      const texts = server.botMessages(chat.id).map((m) => m.text);
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain('Các lệnh:');
      expect(texts[1]).toContain('Xã Thượng Cốc');
    } finally {
      await second.close();
      await server.close();
    }
  });

  it('takes over an update that a process which died had claimed but not answered', async () => {
    const h = await TelegramHarness.start({ app });
    try {
      const chat = h.chat();
      const key = `telegram:${h.server.token.split(':')[0]}`;
      const dead = new UpdateLog(app.store, key, { owner: 'dead-process'});
      expect(await dead.claim(String(h.server.nextId), String(chat.id), new Date())).toBe('claimed');
      await h.say(chat, '/giup');
      expect(h.texts(chat)).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('on shutdown stops fetching, finishes the update in flight, then stops', async () => {
    const h = await TelegramHarness.start({ app });
    const chat = h.chat();
    const release = h.server.hold('sendMessage', (p) => Number(p.chat_id) === chat.id);
    const u = h.server.sendText(chat, h.user(chat.id), '/giup');
    await h.server.waitFor(() => h.server.calls.some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chat.id), 10_000, 'the held reply');
    let stopped = false;
    const stopping = h.channel.stop().then(() => (stopped = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    const pollsBefore = h.server.calls.filter((c) => c.method === 'getUpdates').length;
    release();
    await stopping;
    await h.whenHandled(u.update_id);
    expect(h.texts(chat)).toHaveLength(1);
    // After stopping, only the call confirming the last offset (timeout 0) went out.
    const later = h.server.calls.filter((c) => c.method === 'getUpdates').slice(pollsBefore);
    expect(later.every((c) => Number(c.payload.timeout) === 0)).toBe(true);
    expect(h.server.unconfirmed).toBe(0);
    await h.http?.close();
    await h.server.close();
  });

  it('puts a reply that meets a long rate limit in the outbox, sends it later in order, once', async () => {
    const clock = movableClock();
    const server = await FakeTelegramServer.start();
    const h = await TelegramHarness.start({ app, server, maxRetryWaitMs: 5_000, channel: { clock, outbox: { pollMs: 3_600_000 } } });
    try {
      const chat = h.chat();
      server.failNext('sendMessage', { kind: '429', retryAfter: 30 });
      await h.say(chat, '/giup');
      expect(h.texts(chat)).toEqual([]);
      // While the chat has a message waiting, a new reply queues behind it.
      await h.say(chat, '/xa Thượng Cốc');
      expect(h.texts(chat)).toEqual([]);
      expect(await h.channel.outbox.counts(`telegram:${server.token.split(':')[0]}`)).toEqual({ pending: 2, sent: 0, failed: 0 });
      clock.advance(31_000);
      h.channel.worker.nudge();
      await server.waitFor(() => h.texts(chat).length === 1, 10_000, 'the first queued reply');
      clock.advance(2_000);
      h.channel.worker.nudge();
      await server.waitFor(() => h.texts(chat).length === 2, 10_000, 'the second queued reply');
      expect(h.texts(chat)[0]).toContain('Các lệnh:');
      expect(h.texts(chat)[1]).toContain('Xã Thượng Cốc');
      await eventually(async () => expect(await h.channel.outbox.counts(`telegram:${server.token.split(':')[0]}`)).toEqual({ pending: 0, sent: 2, failed: 0 }));
    } finally {
      await h.close();
      await server.close();
    }
  });

  it('keeps outbox messages across a restart', async () => {
    const clock = movableClock();
    const server = await FakeTelegramServer.start();
    const first = await TelegramHarness.start({ app, server, channel: { clock, outbox: { pollMs: 3_600_000 } } });
    const chat = first.chat();
    server.failNext('sendMessage', { kind: '429', retryAfter: 60 });
    await first.say(chat, '/giup');
    await first.close();
    expect(server.botMessages(chat.id)).toEqual([]);
    clock.advance(61_000);
    const second = await TelegramHarness.start({ app, server, channel: { clock, outbox: { pollMs: 50 } } });
    try {
      await server.waitFor(() => server.botMessages(chat.id).length === 1, 10_000, 'the queued reply after restart');
      expect(server.botMessages(chat.id)[0]!.text).toContain('Các lệnh:');
    } finally {
      await second.close();
      await server.close();
    }
  });

  it('logs HTML that Telegram refuses, with its cause, and sends the text plain', async () => {
    const h = await TelegramHarness.start({ app });
    try {
      const chat = h.chat();
      await h.channel.platform.sender.send({ chatId: String(chat.id), isGroup: false }, { text: '<b>Hồ sơ của Nguyễn Văn A', plain: 'Hồ sơ của Nguyễn Văn A', markup: 'html' });
      const [m] = h.server.botMessages(chat.id);
      expect(m!.text).toBe('Hồ sơ của Nguyễn Văn A');
      expect(m!.parseMode).toBeNull();
      const warning = h.logs.records().find((r) => r.msg === 'telegram refused the markup; sending plain text');
      expect(String(warning?.cause)).toContain("can't parse entities");
      expect(h.logs.text).not.toContain('Nguyễn Văn A');
    } finally {
      await h.close();
    }
  });

  it('drops replies to a chat that blocked the bot, logs it, and keeps working', async () => {
    const h = await TelegramHarness.start({ app });
    try {
      const blocked = h.chat();
      const other = h.chat();
      h.server.blockChat(blocked.id);
      await h.say(blocked, '/giup');
      await h.say(other, '/giup');
      expect(h.texts(other)).toHaveLength(1);
      expect(h.logs.records().some((r) => r.msg === 'bot may not write to this chat')).toBe(true);
      expect((await h.channel.outbox.counts()).pending).toBe(0);
    } finally {
      await h.close();
    }
  });
});
