/**
 * Fault injection: the fake Bot API answers 10 % of all calls with 5xx, 5 % with 429
 * (retry_after) and drops 2 % of connections, for every method including getUpdates.
 * Every message still gets exactly one answer, in order per chat, and every button press
 * is answered. Waits between retries are compressed (the bot's `sleep` option), so the
 * test runs in seconds; nothing here asserts on time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../../src/text/messages.js';
import { FakeTelegramServer } from '../../fakes/telegram-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openTelegramTestApp, TelegramHarness, type TestApp } from './harness.js';

let app: TestApp;
let server: FakeTelegramServer;
let h: TelegramHarness;

beforeAll(async () => {
  app = await openTelegramTestApp();
  server = await FakeTelegramServer.start();
  h = await TelegramHarness.start({
    app,
    server,
    maxRetryWaitMs: 10_000,
    channel: { sleep: (ms) => new Promise((r) => setTimeout(r, ms / 50)), outbox: { pollMs: 100 } },
  });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
  await app?.dispose();
});

const COMMANDS = ['/giup', '/xa Thượng Cốc', '/xa 05293 tháng 7/2025', '/xa Yên Phú', '/tongquan Phú Thọ'];

describe(`Telegram under injected faults (${TEST_DIALECT})`, () => {
  it('loses no reply and doubles none with 10 % 5xx, 5 % 429 and 2 % dropped connections', async () => {
    server.randomFaults({ rate5xx: 0.1, rate429: 0.05, rateDrop: 0.02, retryAfter: 1, seed: 20251122 });
    const groups = Array.from({ length: 10 }, () => h.chat('group'));
    const sent: { chatId: number; messageId: number; updateId: number; command: string }[] = [];
    for (let round = 0; round < 8; round++) {
      for (const [g, group] of groups.entries()) {
        const command = COMMANDS[(round + g) % COMMANDS.length]!;
        const u = server.sendText(group, h.user(100 + g), command);
        sent.push({ chatId: group.id, messageId: (u.message as { message_id: number }).message_id, updateId: u.update_id, command });
      }
    }
    for (const s of sent) await h.whenHandled(s.updateId);
    // Anything that met a long wait is in the outbox; let it drain.
    await server.waitFor(() => sent.every((s) => server.botMessages(s.chatId).some((m) => m.replyTo === s.messageId)), 30_000, 'every reply');

    for (const group of groups) {
      const requests = sent.filter((s) => s.chatId === group.id);
      const replies = server.botMessages(group.id);
      // One reply message per request (each of these replies fits one message) …
      expect(replies.map((m) => m.replyTo)).toEqual(requests.map((r) => r.messageId));
      // … and each is the answer to its own command.
      for (const [i, r] of requests.entries()) {
        expect(replies[i]!.text).toContain(r.command === '/giup' ? 'Các lệnh:' : r.command.startsWith('/tongquan') ? 'Phú Thọ' : 'Xã ');
      }
    }
    const injected = server.calls.filter((c) => c.fault);
    expect(injected.filter((c) => c.fault === '500').length).toBeGreaterThan(0);
    expect(injected.filter((c) => c.fault === '429').length).toBeGreaterThan(0);
    expect(injected.filter((c) => c.method === 'sendMessage').length).toBeGreaterThan(0);
    expect((await h.channel.outbox.counts()).failed).toBe(0);
  });

  it('answers every button press and turns every page exactly once under the same faults', async () => {
    server.randomFaults({ rate5xx: 0.1, rate429: 0.05, rateDrop: 0.02, retryAfter: 1, seed: 7 });
    const chats = Array.from({ length: 6 }, () => h.chat());
    for (const chat of chats) await h.say(chat, '/quahan');
    await server.waitFor(() => chats.every((c) => server.botMessages(c.id).length === 1), 30_000, 'the first pages');
    const queries: string[] = [];
    for (const chat of chats) {
      const m = server.botMessages(chat.id)[0]!;
      const next = m.replyMarkup!.inline_keyboard.at(-1)!.find((b) => b.text === TEXT.pageNext)!;
      queries.push(await h.press(chat, m.message_id, next.callback_data!));
    }
    for (const q of queries) expect(server.callbackAnswer(q)?.answered).toBe(true);
    for (const chat of chats) {
      const messages = server.botMessages(chat.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.edits).toBe(1);
      expect(messages[0]!.replyMarkup!.inline_keyboard.flat().map((b) => b.text)).toContain(TEXT.pageLabel(2, 2));
    }
    server.randomFaults(null);
  });

  it('answers a button press that Telegram first refuses with 500 and then 429', async () => {
    const chat = h.chat();
    await h.say(chat, '/quahan');
    await server.waitFor(() => server.botMessages(chat.id).length === 1, 30_000, 'the first page');
    const m = server.botMessages(chat.id)[0]!;
    const next = m.replyMarkup!.inline_keyboard.at(-1)!.find((b) => b.text === TEXT.pageNext)!;
    server.failNext('answerCallbackQuery', { kind: '500' });
    server.failNext('answerCallbackQuery', { kind: '429', retryAfter: 1 });
    const q = await h.press(chat, m.message_id, next.callback_data!);
    expect(server.callbackAnswer(q)?.answered).toBe(true);
  });
});
