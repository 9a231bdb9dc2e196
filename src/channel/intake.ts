import type { Supervisor } from '../delivery/supervisor.js';
import type { Logger } from '../log.js';
import { ChatQueues } from './chat-queues.js';

/** Updates waiting in memory for room; more are left in the update log for the recovery sweep. */
const MAX_DEFERRED = 10_000;

/** An update handed to the intake: its key, its chat, and the work that answers it. */
export interface IntakeItem {
  key: string;
  chatId: string | null;
  handle: () => Promise<void>;
  /** Called once the item is answered (or skipped as a copy). */
  settled?: () => void;
  /** A sweep of the update log found it again: a copy already held here is no news. */
  recovered?: boolean;
}

/**
 * How updates are answered once kept, whoever received them: one chat's updates in arrival
 * order, different chats side by side, at most `maxInFlight` at once. Past that, updates
 * wait in memory in arrival order (past 10,000, in the update log for the recovery sweep).
 * A copy of an update this process already holds is skipped at once.
 */
export class Intake {
  private readonly queues = new ChatQueues();
  /** Updates this process is answering or holds in `deferred`. */
  private readonly active = new Set<string>();
  private readonly deferred: IntakeItem[] = [];
  private roomWaiters: (() => void)[] = [];
  private inFlight = 0;

  constructor(
    private readonly supervisor: Supervisor,
    private readonly log: Logger,
    private readonly opts: { maxInFlight: number; isStopping: () => boolean; onSkipped: (key: string) => void },
  ) {}

  /** Whether new updates must wait (too many in flight). */
  get busy(): boolean {
    return this.inFlight >= this.opts.maxInFlight;
  }

  /** Updates in flight or waiting in memory. */
  get size(): number {
    return this.active.size;
  }

  /** Whether this process holds an update (answering it, or waiting to). */
  holds(key: string): boolean {
    return this.active.has(key);
  }

  /** Resolves when fewer than the maximum updates are in flight (polling waits on it). */
  room(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /**
   * Queues an update behind its chat's earlier ones, synchronously, so updates of one chat
   * are answered in the order they were handed over.
   */
  dispatch(item: IntakeItem): void {
    if (this.active.has(item.key)) {
      if (item.recovered) return;
      this.log.info('duplicate update ignored', { update: item.key });
      this.opts.onSkipped(item.key);
      item.settled?.();
      return;
    }
    if (this.busy || this.deferred.length > 0) {
      if (this.deferred.length >= MAX_DEFERRED) return;
      this.active.add(item.key);
      this.deferred.push(item);
      return;
    }
    this.active.add(item.key);
    this.start(item);
  }

  private start(item: IntakeItem): void {
    this.inFlight++;
    const run = () =>
      this.queues.run(item.chatId ?? '', item.handle).finally(() => {
        item.settled?.();
        this.active.delete(item.key);
        this.inFlight--;
        while (this.deferred.length > 0 && !this.busy && !this.opts.isStopping()) this.start(this.deferred.shift()!);
        if (!this.busy) for (const w of this.roomWaiters.splice(0)) w();
      });
    this.supervisor.run('update', run, { update: item.key });
  }
}
