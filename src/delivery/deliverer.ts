import type { Clock } from '../core/clock.js';
import type { Logger } from '../log.js';
import type { DeliveryTarget, MessageSender, OutboundMessage, SentRef } from './message.js';
import { REPLY, type Outbox, type Priority } from './outbox.js';
import type { OutboxWorker } from './outbox-worker.js';
import { asDeliveryError, RetriesExhausted, retryDelayMs, withRetry, type RetryOptions } from './retry.js';

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
 * Sends a reply's messages in order, at once when possible, retrying by the retry policy
 * within the wait a person can bear. When a message cannot go now (a long rate limit, the
 * platform down), that message and every one after it go to the outbox, which continues
 * the schedule, so nothing is lost and order is kept; while a chat has messages of the
 * same priority waiting, its new ones queue behind them. Each message's dedupe key is
 * `<key>:<index>`, so delivering the same reply twice (an update handled again) never
 * queues it twice.
 */
export class Deliverer {
  constructor(
    /** "telegram:<bot id>": the outbox rows of this bot. */
    private readonly key: string,
    private readonly sender: MessageSender,
    private readonly outbox: Outbox,
    private readonly worker: OutboxWorker,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly retry: Omit<RetryOptions, 'log'>,
  ) {}

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[], key: string, priority: Priority = REPLY): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { sent: [], queued: 0, dropped: 0 };
    for (let i = 0; i < messages.length; i++) {
      if (this.worker.isQueued(target.chatId, priority)) {
        outcome.queued += await this.queue(target, messages.slice(i), key, i, priority, 0, 0);
        return outcome;
      }
      try {
        outcome.sent.push(await withRetry('send', () => this.sender.send(target, messages[i]!), { ...this.retry, log: this.log }));
        // Replies are never held back by the pacing, but they spend what the outbox may send.
        this.worker.pacer?.record(target.chatId, target.isGroup, this.clock.now().getTime());
      } catch (err) {
        const e = err instanceof RetriesExhausted ? err.last : asDeliveryError(err);
        const fields = { platform: this.key, chat: target.chatId, part: i, code: e.code, detail: e.detail };
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
        const attempts = err instanceof RetriesExhausted ? err.attempts : 1;
        const wait = retryDelayMs(e, attempts);
        this.log.warn('message queued in the outbox', { ...fields, waitMs: wait });
        outcome.queued += await this.queue(target, messages.slice(i), key, i, priority, wait, attempts);
        return outcome;
      }
    }
    return outcome;
  }

  private async queue(target: DeliveryTarget, rest: readonly OutboundMessage[], key: string, from: number, priority: Priority, delayMs: number, attempts: number): Promise<number> {
    const now = this.clock.now();
    const notBefore = new Date(now.getTime() + delayMs);
    let added = 0;
    for (let j = 0; j < rest.length; j++) {
      // Only the message that failed carries its attempts; those after it have not been tried.
      const opts = { priority, attempts: j === 0 ? attempts : 0 };
      if (await this.outbox.enqueue(this.key, target, `${key}:${from + j}`, rest[j]!, notBefore, now, opts)) added++;
    }
    this.worker.queued(target.chatId, priority);
    return added;
  }
}
