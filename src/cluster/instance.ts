import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../data/store.js';
import type { Logger } from '../log.js';

/** An id for this process: the instance it is, recorded on what it keeps, claims and holds. */
export const BOOT_ID = randomUUID().slice(0, 12);

/** How often an instance says it is alive. */
export const HEARTBEAT_MS = 2_000;
/** After this long without a heartbeat an instance counts as dead: what it held is taken over. */
const DEAD_AFTER_MS = 8_000;

/**
 * The SQL condition "the instance named by `column` is alive", with its one parameter (the
 * oldest heartbeat that still counts). Leases, update claims and outbox leases of a dead
 * instance are taken over by the others at once, never by an in-memory decision.
 */
export function aliveCondition(column: string, now: Date): { sql: string; params: unknown[] } {
  return { sql: `${column} IN (SELECT id FROM cluster_instance WHERE heartbeat_at > ?)`, params: [new Date(now.getTime() - DEAD_AFTER_MS)] };
}

/**
 * This process as one instance of the bot on a shared store: registered at start, a
 * heartbeat every 2 s, deregistered on a clean stop (so what it held is free at once).
 * Real time, not the app's clock: instances must agree on it.
 */
export class Instance {
  readonly id = BOOT_ID;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const now = new Date();
    await this.store.control.run(
      `INSERT INTO cluster_instance (id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
      [this.id, hostname(), process.pid, now, now],
    );
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    try {
      await this.store.control.run('UPDATE cluster_instance SET heartbeat_at = ? WHERE id = ?', [new Date(), this.id]);
    } catch (err) {
      this.log.warn('heartbeat not recorded', { error: err });
    }
  }

  /** How many instances are alive now (this one included). */
  async liveCount(): Promise<number> {
    const r = await this.store.control.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM cluster_instance WHERE heartbeat_at > ?', [new Date(Date.now() - DEAD_AFTER_MS)]);
    return Math.max(1, Number(r?.n ?? 1));
  }

  /** Stops the heartbeat and deregisters: what this instance held is free at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.store.control.run('DELETE FROM cluster_instance WHERE id = ?', [this.id]).catch((err: unknown) => this.log.warn('instance not deregistered', { error: err }));
  }
}
