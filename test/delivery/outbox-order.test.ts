/**
 * A chat stays "queued" while it has messages in the outbox, so that a new reply queues
 * behind them instead of overtaking them; even when the reply is queued while the worker
 * is looking which chats still have messages waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { MessageSender, OutboundMessage } from '../../src/delivery/message.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { Pacer } from '../../src/delivery/pacer.js';
import { silentLogger } from '../../src/log.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

const t0 = new Date('2026-11-22T03:00:00.000Z');
const msg = (text: string): OutboundMessage => ({ text, plain: text, markup: 'plain' });

describe(`outbox order (${TEST_DIALECT})`, () => {
  it('keeps a chat queued when a message is queued for it during a pass', async () => {
    const outbox = new Outbox(store);
    const sent: string[] = [];
    const sender: MessageSender = { send: async (_t, m) => (sent.push(m.plain), { messageId: String(sent.length) }) };
    const worker = new OutboxWorker(outbox, 'order-test', sender, new Pacer({ perChatIntervalMs: 0, groupPerMinute: 1000, perSecond: 1000 }), fixedClock(t0), silentLogger);
    const target = { chatId: 'X', isGroup: false };
    await outbox.enqueue('order-test', target, 'x1', msg('một'), t0, t0);
    worker.queued('X');
    // The deliverer queues a second message just after the worker read which chats wait.
    const pendingQueues = outbox.pendingQueues.bind(outbox);
    let raced = false;
    outbox.pendingQueues = async (platform: string) => {
      const chats = await pendingQueues(platform);
      if (!raced) {
        raced = true;
        await outbox.enqueue('order-test', target, 'x2', msg('hai'), t0, t0);
        worker.queued('X');
      }
      return chats;
    };
    await worker.drainOnce();
    expect(sent).toEqual(['một']);
    expect(worker.isQueued('X')).toBe(true);
    await worker.drainOnce();
    expect(sent).toEqual(['một', 'hai']);
    expect(worker.isQueued('X')).toBe(false);
  });
});
