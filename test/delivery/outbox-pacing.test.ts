/**
 * The outbox spends the overall rate on messages that can go: a chat the pacing holds (its
 * last message less than the interval ago, a group at its minute's limit) is passed over
 * when claiming, so the room goes to other chats, and the worker wakes when the first held
 * chat is free again instead of after a whole poll interval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageSender, OutboundMessage } from '../../src/delivery/message.js';
import { BULK, Outbox } from '../../src/delivery/outbox.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { Pacer } from '../../src/delivery/pacer.js';
import { silentLogger } from '../../src/log.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

const msg = (text: string): OutboundMessage => ({ text, plain: text, markup: 'plain' });

describe('the pacer', () => {
  it('names the chats it holds and when the first of them is free', () => {
    const p = new Pacer({ perChatIntervalMs: 1_000, groupPerMinute: 2, perSecond: 30 });
    p.record('a', false, 0);
    p.record('g', true, 100);
    p.record('g', true, 1_300);
    expect(p.held(500).chats.sort()).toEqual(['a', 'g']);
    expect(p.held(500).freeAt).toBe(1_000);
    // 'a' is free after its second; the group has had its 2 of the minute until the first leaves it.
    expect(p.held(2_400).chats).toEqual(['g']);
    expect(p.held(2_400).freeAt).toBe(100 + 60_500);
    expect(p.held(61_000).chats).toEqual([]);
    expect(p.held(62_000).freeAt).toBeNull();
  });
});

describe(`outbox pacing (${TEST_DIALECT})`, () => {
  it('gives the room to chats that can take a message, not to those the pacing holds', async () => {
    const platform = 'pacing-test';
    const clock = new ManualClock(new Date('2026-11-23T01:00:00.000Z').getTime());
    const outbox = new Outbox(store);
    const sent: string[] = [];
    const sender: MessageSender = { send: async (t, m) => (sent.push(m.plain), { messageId: String(sent.length) }) };
    // Room for 3 messages a second overall, one every 3 seconds per chat.
    const worker = new OutboxWorker(outbox, platform, sender, new Pacer({ perChatIntervalMs: 3_000, groupPerMinute: 20, perSecond: 3 }), clock, silentLogger);
    const now = clock.now();
    // A, B and C have two messages each, older than the single ones of D, E and F.
    for (const chat of ['A', 'B', 'C']) for (const n of [1, 2]) await outbox.enqueue(platform, { chatId: chat, isGroup: true }, `${chat}${n}`, msg(`${chat}${n}`), now, now, { priority: BULK });
    for (const chat of ['D', 'E', 'F']) await outbox.enqueue(platform, { chatId: chat, isGroup: true }, `${chat}1`, msg(`${chat}1`), now, now, { priority: BULK });
    const drain = async () => {
      while ((await worker.drainOnce()) > 0);
    };
    await drain();
    expect(sent).toEqual(['A1', 'B1', 'C1']);
    // The next second: the oldest messages are A's, B's and C's seconds, held for their chats;
    // the second's room goes to D, E and F.
    clock.advance(1_050);
    await drain();
    expect(sent.slice(3)).toEqual(['D1', 'E1', 'F1']);
    clock.advance(2_000);
    await drain();
    expect(sent.slice(6)).toEqual(['A2', 'B2', 'C2']);
    expect((await outbox.counts(platform)).pending).toBe(0);
  });
});
