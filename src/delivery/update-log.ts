import { randomUUID } from 'node:crypto';
import type { Store } from '../data/store.js';

/** An id for this process, recorded on the updates it claims. */
export const BOOT_ID = randomUUID().slice(0, 12);

/** When an update still marked "processing" by another process may be taken over. */
export type TakeOver =
  /**
   * At once: only one process receives updates at a time (Telegram long polling allows a
   * single getUpdates caller), so another owner's unfinished claim was left by a process
   * that stopped before finishing it.
   */
  | { kind: 'other-owner' }
  /** After `afterMs`: several instances may share the updates (webhooks behind a balancer). */
  | { kind: 'after'; afterMs: number };

export interface UpdateLogOptions {
  /** Who claims (default: this process). */
  owner?: string;
  takeOver: TakeOver;
}

/**
 * The persisted log of incoming updates, keyed by platform and the platform's update id
 * (Telegram `update_id`, Zalo `message_id`), so a delivery repeated by a restart or a
 * webhook retry is answered once. An update is claimed before it is handled and marked
 * done after; a crash in between leaves it claimed, and the next delivery takes it over
 * (see TakeOver) rather than losing it.
 */
export class UpdateLog {
  private readonly owner: string;

  constructor(
    private readonly store: Store,
    readonly platform: string,
    private readonly opts: UpdateLogOptions,
  ) {
    this.owner = opts.owner ?? BOOT_ID;
  }

  /** Claims an update; false means it was already handled, or is being handled. */
  async claim(key: string, now: Date): Promise<boolean> {
    const inserted = await this.store.sql.run(
      `INSERT INTO inbound_update (platform, update_key, status, owner, claimed_at) VALUES (?, ?, 'processing', ?, ?)
       ON CONFLICT (platform, update_key) DO NOTHING`,
      [this.platform, key, this.owner, now],
    );
    if (inserted === 1) return true;
    const t = this.opts.takeOver;
    const cutoff = new Date(now.getTime() - (t.kind === 'after' ? t.afterMs : 0));
    const taken = await this.store.sql.run(
      `UPDATE inbound_update SET owner = ?, claimed_at = ?
       WHERE platform = ? AND update_key = ? AND status = 'processing' AND owner <> ? AND claimed_at <= ?`,
      [this.owner, now, this.platform, key, this.owner, cutoff],
    );
    return taken === 1;
  }

  /** Marks a claimed update as answered. */
  async done(key: string, now: Date): Promise<void> {
    await this.store.sql.run(`UPDATE inbound_update SET status = 'done', done_at = ? WHERE platform = ? AND update_key = ?`, [
      now,
      this.platform,
      key,
    ]);
  }

  /** Forgets updates claimed before `before` (platforms never redeliver after a day). */
  async prune(before: Date): Promise<number> {
    return this.store.prisma.inboundUpdate
      .deleteMany({ where: { platform: this.platform, claimedAt: { lt: before } } })
      .then((r) => r.count);
  }
}
