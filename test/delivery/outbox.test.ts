import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type OutboundMessage } from '../../src/delivery/message.js';
import { Outbox } from '../../src/delivery/outbox.js';
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

  it('offers only due messages, the oldest of each chat first, and leases each to one sender', async () => {
    const a = { chatId: 'A', isGroup: false };
    const b = { chatId: 'B', isGroup: true };
    await outbox.enqueue('p2', a, 'a1', msg('A1'), t0, t0);
    await outbox.enqueue('p2', a, 'a2', msg('A2'), t0, t0);
    await outbox.enqueue('p2', b, 'b1', msg('B1'), at(60_000), t0);
    let due = await outbox.due('p2', at(1));
    expect(due.map((e) => e.message.plain)).toEqual(['A1']);
    expect(due[0]!.target).toEqual(a);
    expect(await outbox.lease(due[0]!.id, at(1), 30_000)).toBe(true);
    expect(await outbox.lease(due[0]!.id, at(2), 30_000)).toBe(false);
    expect(await outbox.due('p2', at(2))).toEqual([]);
    await outbox.markSent(due[0]!.id, at(3));
    due = await outbox.due('p2', at(60_000));
    expect(due.map((e) => e.message.plain)).toEqual(['A2', 'B1']);
    expect(due[1]!.target).toEqual(b);
    expect(await outbox.pendingChats('p2')).toEqual(new Set(['A', 'B']));
  });

  it('takes back a message whose sender died once its lease runs out', async () => {
    const c = { chatId: 'C', isGroup: false };
    await outbox.enqueue('p3', c, 'c1', msg('C1'), t0, t0);
    const [e] = await outbox.due('p3', t0);
    expect(await outbox.lease(e!.id, t0, 10_000)).toBe(true);
    expect(await outbox.due('p3', at(5_000))).toEqual([]);
    expect((await outbox.due('p3', at(10_000))).map((x) => x.id)).toEqual([e!.id]);
  });

  it('retries later, records failures, and prunes only what was finished', async () => {
    const d = { chatId: 'D', isGroup: false };
    await outbox.enqueue('p4', d, 'd1', msg('D1'), t0, t0);
    await outbox.enqueue('p4', d, 'd2', msg('D2'), t0, t0);
    const [first] = await outbox.due('p4', t0);
    await outbox.lease(first!.id, t0, 1_000);
    await outbox.retryLater(first!.id, at(30_000), 'rate_limited');
    expect(await outbox.due('p4', at(29_999))).toEqual([]);
    expect(await outbox.nextDueAt('p4')).toEqual(at(0));
    const [again] = await outbox.due('p4', at(30_000));
    expect(again!.attempts).toBe(1);
    await outbox.markFailed(again!.id, 'rejected');
    const [second] = await outbox.due('p4', at(30_000));
    expect(second!.message.plain).toBe('D2');
    await outbox.markSent(second!.id, at(30_001));
    expect(await outbox.counts('p4')).toEqual({ pending: 0, sent: 1, failed: 1 });
    expect(await outbox.prune(at(1))).toBeGreaterThanOrEqual(2);
    expect(await outbox.counts('p4')).toEqual({ pending: 0, sent: 0, failed: 0 });
  });
});
