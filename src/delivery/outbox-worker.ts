import type { Clock } from '../core/clock.js';
import type { Logger } from '../log.js';
import { DeliveryError, type MessageSender } from './message.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { Pacer } from './pacer.js';

export interface OutboxWorkerOptions {
  /** How often to look for due messages when nothing wakes the worker (default 1 s). */
  pollMs?: number;
  /** How long a message being sent is reserved for this worker (default 60 s). */
  leaseMs?: number;
  /** After this long in the outbox, a message that still fails is given up (default 7 days). */
  giveUpAfterMs?: number;
}

/** Wait before retrying a message that failed `attempts` times without a hint: 2 s … 15 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends what waits in the outbox for one platform, paced within the platform's limits:
 * oldest first, one chat's messages in order, each retried with back-off (or after the
 * platform's retry_after) until it is sent, refused for good, or too old.
 * Also remembers which chats have messages waiting, so new replies queue behind them.
 */
export class OutboxWorker {
  /** Chats with messages waiting, each with the pass count when it was last queued. */
  private readonly queuedChats = new Map<string, number>();
  /** Counts the looks at which chats still wait (see drainOnce). */
  private passes = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A nudge that came while a pass was running: the next pause is skipped. */
  private nudged = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly opts: Required<OutboxWorkerOptions>;

  constructor(
    private readonly outbox: Outbox,
    private readonly sender: MessageSender,
    private readonly pacer: Pacer,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: OutboxWorkerOptions = {},
  ) {
    this.opts = { pollMs: 1_000, leaseMs: 60_000, giveUpAfterMs: 7 * 24 * 3_600_000, ...opts };
  }

  /** Loads the chats with waiting messages and starts the sending loop. */
  async start(): Promise<void> {
    for (const chat of await this.outbox.pendingChats(this.sender.platform)) this.queuedChats.set(chat, this.passes);
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the message being sent, if any. */
  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
    this.loop = null;
  }

  /** Whether a chat has messages waiting (a new reply to it must queue too, to keep order). */
  isQueued(chatId: string): boolean {
    return this.queuedChats.has(chatId);
  }

  /** Notes that a message was queued for a chat, and wakes the loop. */
  queued(chatId: string): void {
    this.queuedChats.set(chatId, this.passes);
    this.nudge();
  }

  /** Wakes the loop to look for due messages now. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.drainOnce();
      } catch (err) {
        this.log.error('outbox pass failed', { platform: this.sender.platform, error: err });
      }
      if (!this.running) break;
      await this.pause(sent > 0 ? 0 : this.opts.pollMs);
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.nudged = false;
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wake = null;
        resolve();
      };
      this.wake = done;
      this.timer = setTimeout(done, ms);
    });
  }

  /**
   * One pass: sends every due message the pacing allows now. Returns how many were sent.
   * Exposed so tests (and shutdown) can drain without waiting for the timer.
   */
  async drainOnce(): Promise<number> {
    const due = await this.outbox.due(this.sender.platform, this.clock.now());
    let sent = 0;
    for (const entry of due) {
      if (this.pacer.waitFor(entry.target.chatId, entry.target.isGroup, this.clock.now().getTime()) > 0) continue;
      if (!(await this.outbox.lease(entry.id, this.clock.now(), this.opts.leaseMs))) continue;
      if (await this.sendOne(entry)) sent++;
    }
    if (this.queuedChats.size > 0) {
      const pass = ++this.passes;
      const still = await this.outbox.pendingChats(this.sender.platform);
      // A chat queued while the query ran (marked with this pass) may have a message the
      // query did not see: it stays queued until a later pass finds none.
      for (const [chat, queuedAt] of [...this.queuedChats]) if (queuedAt < pass && !still.has(chat)) this.queuedChats.delete(chat);
    }
    return sent;
  }

  private async sendOne(entry: OutboxEntry): Promise<boolean> {
    const fields = { platform: entry.platform, chat: entry.target.chatId, outbox: entry.id, attempt: entry.attempts + 1 };
    try {
      this.pacer.record(entry.target.chatId, entry.target.isGroup, this.clock.now().getTime());
      await this.sender.send(entry.target, entry.message);
      await this.outbox.markSent(entry.id, this.clock.now());
      this.log.info('outbox message sent', fields);
      return true;
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError('unavailable', err instanceof Error ? err.name : 'unknown');
      const now = this.clock.now();
      if (!e.transient) {
        await this.outbox.markFailed(entry.id, e.code);
        this.log.error('outbox message refused', { ...fields, code: e.code, detail: e.detail });
        return false;
      }
      if (now.getTime() - entry.createdAt.getTime() > this.opts.giveUpAfterMs) {
        await this.outbox.markFailed(entry.id, `expired_${e.code}`);
        this.log.error('outbox message given up', { ...fields, code: e.code });
        return false;
      }
      const wait = e.retryAfterMs ?? retryDelayMs(entry.attempts + 1);
      await this.outbox.retryLater(entry.id, new Date(now.getTime() + wait), e.code);
      this.log.warn('outbox message delayed', { ...fields, code: e.code, waitMs: wait });
      return false;
    }
  }
}
