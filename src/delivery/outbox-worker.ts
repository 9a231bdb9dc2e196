import type { Clock } from '../core/clock.js';
import type { Logger } from '../log.js';
import { sendFailures, sendRetries } from '../metrics.js';
import type { MessageSender } from './message.js';
import { BULK, queueKey, REPLY, type Outbox, type OutboxEntry, type Priority } from './outbox.js';
import type { Pacer } from './pacer.js';
import { asDeliveryError, retryDelayMs } from './retry.js';

export interface OutboxWorkerOptions {
  /** How often to look for due messages when nothing wakes the worker (default 1 s). */
  pollMs?: number;
  /** How long a message being sent is reserved for this worker (default 60 s). */
  leaseMs?: number;
  /** After this long in the outbox, a message that still fails is given up (default 7 days). */
  giveUpAfterMs?: number;
  /** Most messages claimed in one pass (default 50). */
  batch?: number;
  /** How many instances share the outbox now (each paces at its share of the limits); default one. */
  liveInstances?: () => Promise<number>;
}

/** What the worker sends with: the platform's sender, and whether messages nobody asked for must wait now. */
export interface OutboxSender extends MessageSender {
  holdsBulk?(): Promise<boolean>;
}

/**
 * Sends what waits in the outbox for one platform bot, one message at a time (so a crash
 * can leave at most one message sent but not recorded, which is then sent again), paced
 * within the platform's limits: replies before messages nobody asked for, then oldest
 * first, one chat's messages in order, each retried by the retry policy until it is sent,
 * refused for good, or too old. Also remembers which chats have messages waiting, so new
 * messages to them queue behind.
 */
export class OutboxWorker {
  /** Queues (queueKey) with messages waiting, each with the pass count when last queued. */
  private readonly queuedChats = new Map<string, number>();
  /** Counts the looks at which queues still wait (see drainOnce). */
  private passes = 0;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Whether a nudge may end the current pause (not while waiting for the pacer). */
  private nudgeable = true;
  /** A nudge that came while a pass was running: the next pause is skipped. */
  private nudged = false;
  /** When the pacer next has room, if it had none in the last pass. */
  private roomAt: number | null = null;
  /**
   * When the first message the last pass held for its chat's pacing may go: a pass that
   * sent nothing sleeps until then rather than a whole poll interval (at the end of a
   * fan-out, the chats' second and third messages are all such).
   */
  private heldUntil: number | null = null;
  private readonly opts: Required<OutboxWorkerOptions>;

  constructor(
    private readonly outbox: Outbox,
    /** "telegram:<bot id>": the outbox rows this worker sends. */
    readonly key: string,
    private readonly sender: OutboxSender,
    /** The platform's pacing; null where nothing limits the rate. */
    readonly pacer: Pacer | null,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: OutboxWorkerOptions = {},
  ) {
    this.opts = { pollMs: 1_000, leaseMs: 60_000, giveUpAfterMs: 7 * 24 * 3_600_000, batch: 50, liveInstances: async () => 1, ...opts };
  }

  /** Loads the queues with waiting messages and starts the sending loop. */
  async start(): Promise<void> {
    for (const q of await this.outbox.pendingQueues(this.key)) this.queuedChats.set(q, this.passes);
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the message being sent, if any (the rest of a claimed batch is put back). */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Whether a chat has messages of this priority waiting (a new one must queue too, to keep order). */
  isQueued(chatId: string, priority: Priority = REPLY): boolean {
    return this.queuedChats.has(queueKey(chatId, priority));
  }

  /** Notes that a message was queued for a chat, and wakes the loop. */
  queued(chatId: string, priority: Priority = REPLY): void {
    this.queuedChats.set(queueKey(chatId, priority), this.passes);
    this.nudge();
  }

  /** Wakes the loop to look for due messages now. */
  nudge(): void {
    this.nudged = true;
    if (this.nudgeable) this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.drainOnce();
      } catch (err) {
        this.log.error('outbox pass failed', { platform: this.key, error: err });
      }
      if (!this.running) break;
      if (this.roomAt !== null) await this.pause(Math.max(1, this.roomAt - this.clock.now().getTime()), false);
      else await this.pause(sent > 0 ? 0 : this.idleMs(), true);
    }
  }

  /** How long an idle pass waits: until a message held for pacing may go, at most a poll interval. */
  private idleMs(): number {
    if (this.heldUntil === null) return this.opts.pollMs;
    return Math.min(this.opts.pollMs, Math.max(1, this.heldUntil - this.clock.now().getTime()));
  }

  /** Waits `ms`; a nudge ends the wait when `nudgeable` (stopping always does). */
  private pause(ms: number, nudgeable: boolean): Promise<void> {
    if (nudgeable && this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    if (ms <= 0) return Promise.resolve();
    this.nudgeable = nudgeable;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.nudgeable = true;
        if (nudgeable) this.nudged = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * One pass: sends every due message the pacing allows now. Returns how many were sent.
   * Exposed so tests (and shutdown) can drain without waiting for the timer.
   */
  async drainOnce(): Promise<number> {
    await this.refreshShare();
    const now = this.clock.now();
    this.roomAt = null;
    this.heldUntil = null;
    const room = this.pacer ? this.pacer.room(now.getTime()) : this.opts.batch;
    let sent = 0;
    if (room > 0) {
      const maxPriority = (await this.sender.holdsBulk?.()) ? REPLY : BULK;
      const held = this.pacer?.held(now.getTime()) ?? { chats: [], freeAt: null };
      const entries = await this.outbox.claim(this.key, now, this.opts.leaseMs, { limit: Math.min(this.opts.batch, room), maxPriority, excludeChats: held.chats });
      // Nothing else to send: the chats passed over may have messages, due when the first is free.
      if (entries.length === 0) this.heldUntil = held.freeAt;
      for (const entry of entries) {
        if (this.stopping) {
          await this.outbox.release(entry.id, this.clock.now());
          continue;
        }
        const at = this.clock.now().getTime();
        const wait = this.pacer?.waitFor(entry.target.chatId, entry.target.isGroup, at) ?? 0;
        if (wait > 0) {
          await this.outbox.release(entry.id, new Date(at + wait));
          this.heldUntil = Math.min(this.heldUntil ?? Infinity, at + wait);
          continue;
        }
        if (await this.sendOne(entry)) sent++;
      }
    } else {
      this.roomAt = now.getTime() + (this.pacer?.untilRoom(now.getTime()) ?? 0);
    }
    if (this.queuedChats.size > 0) {
      const pass = ++this.passes;
      const still = await this.outbox.pendingQueues(this.key);
      // A queue marked while the query ran (with this pass) may have a message the query
      // did not see: it stays marked until a later pass finds none.
      for (const [q, queuedAt] of [...this.queuedChats]) if (queuedAt < pass && !still.has(q)) this.queuedChats.delete(q);
    }
    return sent;
  }

  private sharedAt = 0;

  /** Looks, every few seconds, how many instances share the pacing. */
  private async refreshShare(): Promise<void> {
    if (!this.pacer || Date.now() - this.sharedAt < 2_000) return;
    this.sharedAt = Date.now();
    try {
      this.pacer.share(await this.opts.liveInstances());
    } catch (err) {
      this.log.warn('instances not counted', { error: err });
    }
  }

  private async sendOne(entry: OutboxEntry): Promise<boolean> {
    const fields = { platform: entry.platform, chat: entry.target.chatId, outbox: entry.id, attempt: entry.attempts, priority: entry.priority };
    try {
      const departedAt = this.clock.now().getTime();
      this.pacer?.record(entry.target.chatId, entry.target.isGroup, departedAt);
      await this.sender.send(entry.target, entry.message);
      this.pacer?.settle(departedAt, this.clock.now().getTime());
      await this.outbox.markSent(entry.id, this.clock.now());
      this.log.info('outbox message sent', fields);
      return true;
    } catch (err) {
      const e = asDeliveryError(err);
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
      const wait = retryDelayMs(e, entry.attempts);
      sendFailures.inc({ platform: this.key, code: e.code });
      sendRetries.inc({ platform: this.key });
      await this.outbox.retryLater(entry.id, new Date(now.getTime() + wait), e.code);
      this.log.warn('outbox message delayed', { ...fields, code: e.code, waitMs: wait });
      return false;
    }
  }
}
