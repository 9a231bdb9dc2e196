import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliverer } from '../../src/delivery/deliverer.js';
import { DeliveryError, type DeliveryTarget, type MessageSender, type OutboundMessage, type SentRef } from '../../src/delivery/message.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { Pacer } from '../../src/delivery/pacer.js';
import { createLogger } from '../../src/log.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

/** A sender that fails as scripted (per message text), and records what it delivered. */
class ScriptedSender implements MessageSender {
  readonly delivered: { chat: string; text: string }[] = [];
  readonly failures = new Map<string, DeliveryError[]>();
  failOn(text: string, ...errors: DeliveryError[]): void {
    this.failures.set(text, errors);
  }
  async send(target: DeliveryTarget, m: OutboundMessage): Promise<SentRef> {
    const next = this.failures.get(m.plain)?.shift();
    if (next) throw next;
    this.delivered.push({ chat: target.chatId, text: m.plain });
    return { messageId: String(this.delivered.length) };
  }
}

function setup(platform: string) {
  let offset = 0;
  const clock = { now: () => new Date(Date.UTC(2026, 10, 22, 3) + offset) };
  const lines: string[] = [];
  const log = createLogger('debug', (l) => lines.push(l));
  const sender = new ScriptedSender();
  const outbox = new Outbox(store);
  const worker = new OutboxWorker(outbox, platform, sender, new Pacer({ perChatIntervalMs: 1000, groupPerMinute: 20, perSecond: 30 }), clock, log, { pollMs: 3_600_000 });
  // No wait within the call: what fails goes to the outbox at once.
  const deliverer = new Deliverer(platform, sender, outbox, worker, clock, log, { maxWaitMs: 0 });
  return { sender, outbox, worker, deliverer, lines, advance: (ms: number) => (offset += ms) };
}

const m = (text: string): OutboundMessage => ({ text, plain: text, markup: 'plain' });
const chat = (id: string, isGroup = false): DeliveryTarget => ({ chatId: id, isGroup });

describe(`deliverer and outbox worker (${TEST_DIALECT})`, () => {
  it('sends a reply’s messages in order at once when it can', async () => {
    const s = setup('d1');
    const out = await s.deliverer.deliver(chat('1'), [m('a'), m('b')], 'u1');
    expect(out).toEqual({ sent: [{ messageId: '1' }, { messageId: '2' }], queued: 0, dropped: 0 });
  });

  it('queues the failed message and all after it; later replies to that chat queue behind', async () => {
    const s = setup('d2');
    s.sender.failOn('b', new DeliveryError('rate_limited', '429', 30_000));
    const out = await s.deliverer.deliver(chat('2'), [m('a'), m('b'), m('c')], 'u2');
    expect(out).toMatchObject({ queued: 2, dropped: 0 });
    expect(await s.deliverer.deliver(chat('2'), [m('d')], 'u3')).toMatchObject({ sent: [], queued: 1 });
    // Another chat is not held up.
    expect((await s.deliverer.deliver(chat('3'), [m('x')], 'u4')).sent).toHaveLength(1);

    expect(await s.worker.drainOnce()).toBe(0); // not due yet
    s.advance(30_000);
    for (let i = 0; i < 3; i++) {
      expect(await s.worker.drainOnce()).toBe(1);
      s.advance(1_000); // one message a second per chat
    }
    expect(s.sender.delivered.filter((d) => d.chat === '2').map((d) => d.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(s.worker.isQueued('2')).toBe(false);
    expect(await s.outbox.counts('d2')).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it('drops a message the platform refuses for good, and stops writing to a chat that blocked the bot', async () => {
    const s = setup('d3');
    s.sender.failOn('bad', new DeliveryError('rejected', '400'));
    expect(await s.deliverer.deliver(chat('4'), [m('bad'), m('good')], 'u5')).toMatchObject({ sent: [{}], dropped: 1 });
    s.sender.failOn('x', new DeliveryError('forbidden', '403'));
    expect(await s.deliverer.deliver(chat('5'), [m('x'), m('y')], 'u6')).toMatchObject({ sent: [], dropped: 2 });
    expect(s.lines.some((l) => l.includes('"message refused by the platform"'))).toBe(true);
  });

  it('retries a queued message with back-off, after retry_after when given, and gives up only on refusal or old age', async () => {
    const s = setup('d4');
    s.sender.failOn('p', new DeliveryError('unavailable', '502'), new DeliveryError('unavailable', '502'), new DeliveryError('rate_limited', '429', 5_000));
    await s.deliverer.deliver(chat('6', true), [m('p')], 'u7'); // first failure: back-off about 1 s
    s.advance(2_000);
    expect(await s.worker.drainOnce()).toBe(0); // second failure: back-off about 2 s
    s.advance(4_000);
    expect(await s.worker.drainOnce()).toBe(0); // 429: wait 5 s
    s.advance(4_000);
    expect(await s.worker.drainOnce()).toBe(0);
    s.advance(1_000);
    expect(await s.worker.drainOnce()).toBe(1);
    s.sender.failOn('r', new DeliveryError('unavailable', '502'), new DeliveryError('rejected', '400'));
    await s.deliverer.deliver(chat('7'), [m('r')], 'u8');
    s.advance(2_000);
    await s.worker.drainOnce();
    expect(await s.outbox.counts('d4')).toEqual({ pending: 0, sent: 1, failed: 1 });
  });

  it('paces a group: no more than 20 messages a minute', async () => {
    const s = setup('d5');
    s.sender.failOn('m0', new DeliveryError('unavailable', '502'));
    await s.deliverer.deliver(chat('-8', true), Array.from({ length: 25 }, (_, i) => m(`m${i}`)), 'u9');
    s.advance(2_000);
    for (let i = 0; i < 25; i++) {
      await s.worker.drainOnce();
      s.advance(1_000);
    }
    expect(s.sender.delivered.filter((d) => d.chat === '-8')).toHaveLength(20);
    s.advance(40_000);
    for (let i = 0; i < 10; i++) {
      await s.worker.drainOnce();
      s.advance(1_000);
    }
    expect(s.sender.delivered.filter((d) => d.chat === '-8').map((d) => d.text)).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
  });

  it('runs as a loop that a new message wakes, and stops cleanly', async () => {
    const s = setup('d6');
    await s.worker.start();
    s.sender.failOn('w', new DeliveryError('unavailable', '502'));
    await s.deliverer.deliver(chat('9'), [m('w')], 'u10');
    s.advance(2_000);
    s.worker.nudge();
    for (let i = 0; i < 200 && s.sender.delivered.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(s.sender.delivered).toEqual([{ chat: '9', text: 'w' }]);
    await s.worker.stop();
  });
});
