import type { Clock } from '../core/clock.js';
import type { Logger } from '../log.js';
import { DeliveryError, type DeliveryTarget, type MessageSender, type OutboundMessage, type SentRef } from './message.js';
import type { Outbox } from './outbox.js';
import type { OutboxWorker } from './outbox-worker.js';
import { retryDelayMs } from './outbox-worker.js';

/** What became of a reply's messages. */
export interface DeliveryOutcome {
  /** Messages the platform accepted now, in order. */
  sent: SentRef[];
  /** Messages put in the outbox, to be sent later. */
  queued: number;
  /** Messages the platform refused for good (logged). */
  dropped: number;
}

/**
 * Sends a reply's messages in order, at once when possible. When a message cannot go now
 * (the sender's own capped retries ran out: a long rate limit, the platform down), that
 * message and every one after it go to the outbox, so nothing is lost and order is kept;
 * while a chat has messages waiting, its new replies queue behind them.
 * Each message's dedupe key is `<key>:<index>`, so delivering the same reply twice (an
 * update handled again) never queues it twice.
 */
export class Deliverer {
  constructor(
    private readonly sender: MessageSender,
    private readonly outbox: Outbox,
    private readonly worker: OutboxWorker,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], key: string): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { sent: [], queued: 0, dropped: 0 };
    for (let i = 0; i < messages.length; i++) {
      if (this.worker.isQueued(target.chatId)) {
        outcome.queued += await this.queue(target, messages.slice(i), key, i, 0);
        return outcome;
      }
      try {
        outcome.sent.push(await this.sender.send(target, messages[i]!));
      } catch (err) {
        const e = err instanceof DeliveryError ? err : new DeliveryError('unavailable', err instanceof Error ? err.name : 'unknown');
        const fields = { platform: this.sender.platform, chat: target.chatId, part: i, code: e.code, detail: e.detail };
        if (e.code === 'rejected') {
          this.log.error('message refused by the platform', fields);
          outcome.dropped++;
          continue;
        }
        if (e.code === 'forbidden') {
          this.log.warn('bot may not write to this chat', fields);
          outcome.dropped += messages.length - i;
          return outcome;
        }
        this.log.warn('message queued in the outbox', { ...fields, retryAfterMs: e.retryAfterMs });
        outcome.queued += await this.queue(target, messages.slice(i), key, i, e.retryAfterMs ?? retryDelayMs(1));
        return outcome;
      }
    }
    return outcome;
  }

  private async queue(target: DeliveryTarget, rest: readonly OutboundMessage[], key: string, from: number, delayMs: number): Promise<number> {
    const now = this.clock.now();
    const notBefore = new Date(now.getTime() + delayMs);
    let added = 0;
    for (let j = 0; j < rest.length; j++) {
      if (await this.outbox.enqueue(this.sender.platform, target, `${key}:${from + j}`, rest[j]!, notBefore, now)) added++;
    }
    this.worker.queued(target.chatId);
    return added;
  }
}
