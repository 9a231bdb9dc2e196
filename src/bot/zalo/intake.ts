import type { Clock } from '../../core/clock.js';
import type { Supervisor } from '../../delivery/supervisor.js';
import type { Logger } from '../../log.js';
import { ChatQueues } from './chat-queue.js';
import type { ZaloInbox } from './inbox.js';
import { parseUpdate, type ReceivedUpdate } from './updates.js';

/** Updates waiting in memory for room; more are left in the inbox for the recovery sweep. */
const MAX_DEFERRED = 10_000;

export interface IntakeDeps {
  inbox: ZaloInbox;
  supervisor: Supervisor;
  log: Logger;
  clock: Clock;
  /** Answers one update (claims it, replies, forgets it). */
  handle: (update: ReceivedUpdate) => Promise<void>;
  isStopping: () => boolean;
  /** Most updates handled at once. */
  maxInFlight: number;
  /** Called when an update has been handled completely (tests and the benchmark wait on it). */
  onHandled?: (messageId: string) => void;
}

/**
 * How updates come in, whether by polling or webhook. Each is written to the inbox before
 * anything else (Zalo never gives it again), then answered in its chat's order while
 * other chats run side by side. With too many in flight, updates wait in memory in
 * arrival order (past that, in the inbox for the recovery sweep); a copy of an update
 * this process already holds is skipped at once.
 */
export class ZaloIntake {
  private readonly queues = new ChatQueues();
  /** Updates this process is handling or holds in `deferred`. */
  private readonly active = new Set<string>();
  private readonly deferred: ReceivedUpdate[] = [];
  private roomWaiters: (() => void)[] = [];
  private inFlight = 0;

  constructor(private readonly deps: IntakeDeps) {}

  /**
   * Takes an update body (a getUpdates result or a webhook body, wrapped or flat): keeps it
   * in the inbox, then has it answered without the caller waiting; with `later`, only
   * keeps it (a webhook call while stopping: the next start answers it). Returns
   * 'ignored' for unknown events and bodies without a usable message.
   */
  async accept(body: Record<string, unknown>, opts: { later?: boolean } = {}): Promise<'accepted' | 'kept' | 'ignored'> {
    const parsed = parseUpdate(body);
    if (parsed.kind === 'ignored') {
      this.deps.log.debug('zalo update ignored', { reason: parsed.reason, event: parsed.event?.slice(0, 60) });
      if (parsed.messageId) this.deps.onHandled?.(parsed.messageId);
      return 'ignored';
    }
    const { update } = parsed;
    // Kept in Zalo's own form, so recovery reads it with the same parser.
    await this.deps.inbox.keep(update.message.message_id, JSON.stringify({ event_name: update.event, message: update.message }), this.deps.clock.now());
    if (opts.later) return 'kept';
    this.dispatch(update);
    return 'accepted';
  }

  /** Answers kept updates received before `before` that nobody answered (a crash, a lost process). */
  async recover(before: Date): Promise<number> {
    let n = 0;
    for (const kept of await this.deps.inbox.waiting(before)) {
      let parsed;
      try {
        parsed = parseUpdate(JSON.parse(kept.payload) as Record<string, unknown>);
      } catch {
        parsed = null;
      }
      if (parsed?.kind !== 'update') {
        await this.deps.inbox.forget(kept.messageId);
        continue;
      }
      this.dispatch(parsed.update);
      n++;
    }
    if (n > 0) this.deps.log.info('zalo updates recovered', { count: n });
    return n;
  }

  /** Whether new updates must wait (too many in flight). */
  get busy(): boolean {
    return this.inFlight >= this.deps.maxInFlight;
  }

  /** Resolves when fewer than the maximum updates are in flight (polling waits on it). */
  room(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private dispatch(update: ReceivedUpdate): void {
    const id = update.message.message_id;
    if (this.active.has(id)) {
      this.deps.log.info('duplicate update ignored', { platform: 'zalo', message: id });
      this.deps.onHandled?.(id);
      return;
    }
    if (this.busy || this.deferred.length > 0) {
      if (this.deferred.length >= MAX_DEFERRED) return;
      this.active.add(id);
      this.deferred.push(update);
      return;
    }
    this.active.add(id);
    this.start(update);
  }

  private start(update: ReceivedUpdate): void {
    const id = update.message.message_id;
    this.inFlight++;
    this.deps.supervisor.run('zalo update', () =>
      this.queues
        .run(update.message.chat.id, () => this.deps.handle(update))
        .finally(() => {
          this.active.delete(id);
          this.inFlight--;
          this.deps.onHandled?.(id);
          while (this.deferred.length > 0 && !this.busy && !this.deps.isStopping()) this.start(this.deferred.shift()!);
          if (!this.busy) for (const w of this.roomWaiters.splice(0)) w();
        }),
    );
  }
}
