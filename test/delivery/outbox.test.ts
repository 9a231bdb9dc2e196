import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type OutboundMessage } from '../../src/delivery/message.js';
import { BULK, Outbox, queueKey, REPLY } from '../../src/delivery/outbox.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
let outbox: Outbox;
beforeAll(async () => {
  store = await openTestStore();
  outbox = new Outbox(store);
});
afterAll(async () => {
  await store?.dispose();
});

const t0 = new Date('2026-11-22T03:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const msg = (text: string): OutboundMessage => ({ text: `<b>${text}</b>`, plain: text, markup: 'html' });

describe(`outbox (${TEST_DIALECT})`, () => {
  it('keeps a message whole, with its buttons and picture', () => {
    const m: OutboundMessage = { ...msg('Biểu đồ'), keyboard: [[{ label: '›', data: 'a:x' }]], image: { png: new Uint8Array([137, 80, 78, 71]) }, replyTo: '42' };
    expect(decodeMessage(encodeMessage(m))).toEqual(m);
  });

  it('enqueues once per dedupe key', async () => {
    const target = { chatId: '-1001', isGroup: true };
    expect(await outbox.enqueue('p1', target, 'k1', msg('một'), t0, t0)).toBe(true);
    expect(await outbox.enqueue('p1', target, 'k1', msg('một'), t0, t0)).toBe(false);
    expect(await outbox.counts('p1')).toEqual({ pending: 1, sent: 0, failed: 0 });
  });

  it('hands out only due messages, the oldest of each chat first, each leased to one sender', async () => {
    const a = { chatId: 'A', isGroup: false };
    const b = { chatId: 'B', isGroup: true };
    await outbox.enqueue('p2', a, 'a1', msg('A1'), t0, t0);
    await outbox.enqueue('p2', a, 'a2', msg('A2'), t0, t0);
    await outbox.enqueue('p2', b, 'b1', msg('B1'), at(60_000), t0);
    const first = await outbox.claim('p2', at(1), 30_000);
    expect(first.map((e) => e.message.plain)).toEqual(['A1']);
    expect(first[0]!.target).toEqual(a);
    expect(first[0]!.attempts).toBe(1);
    // Leased: no other sender gets it, and the chat's next message waits behind it.
    expect(await outbox.claim('p2', at(2), 30_000)).toEqual([]);
    await outbox.markSent(first[0]!.id, at(3));
    const next = await outbox.claim('p2', at(60_000), 30_000);
    expect(next.map((e) => e.message.plain)).toEqual(['A2', 'B1']);
    expect(next[1]!.target).toEqual(b);
    expect(await outbox.pendingQueues('p2')).toEqual(new Set([queueKey('A', REPLY), queueKey('B', REPLY)]));
  });

  it('sends replies to people before messages nobody asked for, each kind in its own order', async () => {
    const c = { chatId: 'R', isGroup: true };
    await outbox.enqueue('p5', c, 'digest-1', msg('Bản tin 1'), t0, t0, { priority: BULK });
    await outbox.enqueue('p5', c, 'digest-2', msg('Bản tin 2'), t0, t0, { priority: BULK });
    await outbox.enqueue('p5', c, 'reply-1', msg('Trả lời'), t0, t0, { priority: REPLY });
    const claimed = await outbox.claim('p5', at(1), 30_000);
    expect(claimed.map((e) => [e.message.plain, e.priority])).toEqual([
      ['Trả lời', REPLY],
      ['Bản tin 1', BULK],
    ]);
    for (const e of claimed) await outbox.markSent(e.id, at(2));
    // While messages nobody asked for must wait (a used-up quota), replies still go.
    await outbox.enqueue('p5', c, 'reply-2', msg('Trả lời 2'), t0, t0, { priority: REPLY });
    expect((await outbox.claim('p5', at(3), 30_000, { maxPriority: REPLY })).map((e) => e.message.plain)).toEqual(['Trả lời 2']);
  });

  it('takes back a message whose sender died once its lease runs out', async () => {
    const c = { chatId: 'C', isGroup: false };
    await outbox.enqueue('p3', c, 'c1', msg('C1'), t0, t0);
    const [e] = await outbox.claim('p3', t0, 10_000);
    expect(await outbox.claim('p3', at(5_000), 10_000)).toEqual([]);
    const again = await outbox.claim('p3', at(10_000), 10_000);
    expect(again.map((x) => [x.id, x.attempts])).toEqual([[e!.id, 2]]);
  });

  it('retries later, records failures, puts back what pacing holds, and prunes only what was finished', async () => {
    const d = { chatId: 'D', isGroup: false };
    await outbox.enqueue('p4', d, 'd1', msg('D1'), t0, t0, { attempts: 2 });
    await outbox.enqueue('p4', d, 'd2', msg('D2'), t0, t0);
    const [first] = await outbox.claim('p4', t0, 1_000);
    expect(first!.attempts).toBe(3);
    await outbox.retryLater(first!.id, at(30_000), 'rate_limited');
    expect(await outbox.claim('p4', at(29_999), 1_000)).toEqual([]);
    expect(await outbox.nextDueAt('p4')).toEqual(at(0));
    const [paced] = await outbox.claim('p4', at(30_000), 1_000);
    await outbox.release(paced!.id, at(31_000));
    const [again] = await outbox.claim('p4', at(31_000), 1_000);
    expect(again!.attempts).toBe(4);
    await outbox.markFailed(again!.id, 'rejected');
    const [second] = await outbox.claim('p4', at(31_000), 1_000);
    expect(second!.message.plain).toBe('D2');
    await outbox.markSent(second!.id, at(31_001));
    expect(await outbox.counts('p4')).toEqual({ pending: 0, sent: 1, failed: 1 });
    expect(await outbox.prune(at(1))).toBeGreaterThanOrEqual(2);
    expect(await outbox.counts('p4')).toEqual({ pending: 0, sent: 0, failed: 0 });
  });
});
