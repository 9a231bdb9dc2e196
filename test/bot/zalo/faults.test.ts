/**
 * Fault injection, in polling and in webhook mode: the fake Zalo API answers 10 % of all
 * calls with 5xx, 5 % with 429 "Quota exceeded", drops 3 % of connections and answers 5 %
 * slowly, for every method including getUpdates. Every message still gets exactly one
 * answer, in order per chat. Waits between retries are compressed (the bot's `sleep`
 * option and a short quota retry), so the test runs in seconds; nothing asserts on time.
 */
import type { Clock } from '../../../src/core/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A clock that runs `factor` times faster than real time, from now. */
function fastClock(factor: number): Clock {
  const start = Date.now();
  return { now: () => new Date(start + (Date.now() - start) * factor) };
}

const COMMANDS = ['/giup', '/xa Thượng Cốc', '/xa 05293 tháng 7/2025', '/xa Yên Phú', '/tongquan Phú Thọ'];
const expected = (command: string) => (command === '/giup' ? 'Các lệnh:' : command.startsWith('/tongquan') ? 'Phú Thọ' : 'Xã ');

for (const mode of ['polling', 'webhook'] as const) {
  describe(`Zalo ${mode} under injected faults (${TEST_DIALECT})`, () => {
    it('loses no reply and doubles none with 5xx, 429, dropped connections and slow answers', async () => {
      const server = await FakeZaloServer.start({ errorStatus: mode === 'polling' ? 'mirror' : '200' });
      const h = await ZaloHarness.start({
        app,
        server,
        mode,
        maxRetryWaitMs: 10_000,
        // Time runs 50 times faster for the delivery layer: waits between retries, in the call
        // and in the outbox, pass in a fiftieth of the time.
        channel: { clock: fastClock(50), sleep: (ms) => new Promise((r) => setTimeout(r, ms / 50)), outbox: { pollMs: 50 }, polling: { timeoutSeconds: 5, sleep: (ms) => new Promise((r) => setTimeout(r, ms / 50)) } },
      });
      try {
        server.randomFaults({ rate5xx: 0.1, rate429: 0.05, rateDrop: 0.03, rateSlow: 0.05, slowMs: 100, seed: mode === 'polling' ? 42 : 7 });
        const chats = Array.from({ length: 8 }, (_, i) => h.chat(i % 2 === 0 ? 'private' : 'group'));
        const sent: { chatId: string; id: string; command: string }[] = [];
        for (let round = 0; round < 6; round++) {
          for (const [c, chat] of chats.entries()) {
            const command = COMMANDS[(round + c) % COMMANDS.length]!;
            const text = chat.type === 'GROUP' ? `@Bot Haicap ${command}` : command;
            const u = server.sendText(chat, h.user(chat), text);
            sent.push({ chatId: chat.id, id: String((u.message as { message_id: string }).message_id), command });
          }
        }
        for (const s of sent) await h.whenHandled(s.id);
        // Anything that met a long wait is in the outbox; let it drain.
        await server.waitFor(() => chats.every((c) => server.botMessages(c.id).length >= sent.filter((s) => s.chatId === c.id).length), 30_000, 'every reply');
        await new Promise((r) => setTimeout(r, 300));
        for (const chat of chats) {
          const requests = sent.filter((s) => s.chatId === chat.id);
          const replies = server.botMessages(chat.id);
          // One reply per request (each of these replies fits one message), in order.
          
          expect(replies).toHaveLength(requests.length);
          for (const [i, r] of requests.entries()) expect(replies[i]!.text).toContain(expected(r.command));
        }
        const injected = server.calls.filter((c) => c.fault);
        for (const kind of ['500', '429', 'drop', 'slow'] as const) expect(injected.filter((c) => c.fault === kind).length, kind).toBeGreaterThan(0);
        expect(injected.filter((c) => c.method === 'sendMessage').length).toBeGreaterThan(0);
        if (mode === 'polling') expect(injected.filter((c) => c.method === 'getUpdates').length).toBeGreaterThan(0);
        expect((await h.channel.outbox.counts(`zalo:${server.botId}`)).failed).toBe(0);
        expect(await h.channel.updates.pending()).toBe(0);
      } finally {
        server.randomFaults(null);
        await h.close();
        await server.close();
      }
    });
  });
}
