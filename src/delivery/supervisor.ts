import type { Logger } from '../log.js';

/**
 * Holds the work handed off without being awaited by its caller (an update processed after
 * the webhook was acknowledged, a typing indicator, the outbox loop): logs each failure,
 * and lets shutdown wait until everything in flight has finished.
 */
export class Supervisor {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly log: Logger) {}

  /** Starts `work` now without awaiting it; a failure is logged under `name` with `fields`. */
  run(name: string, work: () => Promise<unknown>, fields: Record<string, unknown> = {}): void {
    let p: Promise<unknown>;
    try {
      p = work();
    } catch (err) {
      this.log.error(`${name} failed`, { ...fields, error: err });
      return;
    }
    const tracked = p.then(
      () => undefined,
      (err: unknown) => this.log.error(`${name} failed`, { ...fields, error: err }),
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Tracks a promise its caller awaits itself, so that drain() waits for it too. */
  track<T>(p: Promise<T>): Promise<T> {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
    return p;
  }

  /** How much work is in flight. */
  get size(): number {
    return this.inFlight.size;
  }

  /** Resolves when nothing is in flight, including work started while waiting. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
