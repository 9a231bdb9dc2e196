import type { Store } from '../data/store.js';
import type { Logger } from '../log.js';
import { leaseHeld } from '../metrics.js';
import { aliveCondition, HEARTBEAT_MS } from './instance.js';

/**
 * A role only one instance may play at a time ("poll:telegram:<bot id>", "scheduler"): a
 * row in cluster_lease held by a live instance. Held as long as the holder is alive (its
 * heartbeat); another instance takes it within a few seconds of the holder's death, and at
 * once when the holder releases it. While held, `onAcquired` has run; when lost (the store
 * unreachable long enough that another took it), `onLost` runs.
 */
export class Lease {
  private holding = false;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    readonly name: string,
    /** This instance's id (its boot id). */
    private readonly holder: string,
    private readonly log: Logger,
    private readonly handlers: { onAcquired: () => Promise<void>; onLost: () => Promise<void> },
    private readonly checkMs = HEARTBEAT_MS,
  ) {}

  get held(): boolean {
    return this.holding;
  }

  /** Tries to take the lease now, then keeps trying (and checking it is still held) every few seconds. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.checkMs);
    this.timer.unref();
  }

  /** Takes the lease when free, or held by a dead instance; true when this instance holds it. */
  async tryAcquire(now = new Date()): Promise<boolean> {
    await this.store.control.run('INSERT INTO cluster_lease (name, holder, acquired_at) VALUES (?, NULL, NULL) ON CONFLICT (name) DO NOTHING', [this.name]);
    const alive = aliveCondition('holder', now);
    await this.store.control.run(
      `UPDATE cluster_lease SET holder = ?, acquired_at = ? WHERE name = ? AND (holder IS NULL OR NOT (holder = ? OR ${alive.sql}))`,
      [this.holder, now, this.name, this.holder, ...alive.params],
    );
    const row = await this.store.control.get<{ holder: string | null }>('SELECT holder FROM cluster_lease WHERE name = ?', [this.name]);
    return row?.holder === this.holder;
  }

  private check(): Promise<void> {
    this.checking ??= (async () => {
      try {
        const holds = await this.tryAcquire();
        if (holds && !this.holding) {
          // Held once its work has started; if that fails, the next check tries again.
          await this.handlers.onAcquired();
          this.holding = true;
          leaseHeld.set({ lease: this.name }, 1);
          this.log.info('lease acquired', { lease: this.name });
        } else if (!holds && this.holding) {
          this.holding = false;
          leaseHeld.set({ lease: this.name }, 0);
          this.log.warn('lease lost', { lease: this.name });
          await this.handlers.onLost();
        }
      } catch (err) {
        this.log.warn('lease not checked', { lease: this.name, error: err });
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  /** Stops trying, gives the role up (its work stopped first) and frees the lease for another instance. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
    if (this.holding) {
      this.holding = false;
      leaseHeld.set({ lease: this.name }, 0);
      await this.handlers.onLost();
    }
    await this.store.control.run('UPDATE cluster_lease SET holder = NULL WHERE name = ? AND holder = ?', [this.name, this.holder]).catch((err: unknown) => {
      this.log.warn('lease not released', { lease: this.name, error: err });
    });
  }
}
