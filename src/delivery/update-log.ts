import { randomUUID } from 'node:crypto';
import type { Store } from '../data/store.js';
import { toDate } from '../data/sql/driver.js';

/** An id for this process, recorded on the updates it keeps and claims. */
export const BOOT_ID = randomUUID().slice(0, 12);

/** When an update still marked "processing" by another process may be taken over. */
export type TakeOver =
  /**
   * At once: only one process receives updates at a time (long polling allows a single
   * getUpdates caller), so another owner's unfinished claim was left by a process that
   * stopped before finishing it.
   */
  | { kind: 'other-owner' }
  /** After `afterMs`: several instances may share the updates (webhooks behind a balancer). */
  | { kind: 'after'; afterMs: number };

export interface UpdateLogOptions {
  /** Who keeps and claims (default: this process). */
  owner?: string;
  takeOver: TakeOver;
}

/** An update kept and not answered yet. */
export interface WaitingUpdate {
  key: string;
  /** The update as the platform sent it (JSON). */
  payload: string;
  keptAt: Date;
}

/**
 * The persisted log of incoming updates, keyed by platform and the platform's update id
 * (Telegram `update_id`, Zalo `message_id`). An update is kept with its content the moment
 * it arrives (some platforms never send it again), claimed before it is handled and marked
 * done after, when its content is forgotten. So a delivery repeated by a restart or a
 * webhook retry is answered once, and an update a crashed process kept or claimed but did
 * not answer is answered by the next (see TakeOver), never lost.
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

  /** Keeps an update as received; false when it was kept (or handled) before. */
  async keep(key: string, payload: string, now: Date): Promise<boolean> {
    const inserted = await this.store.sql.run(
      `INSERT INTO inbound_update (platform, update_key, status, owner, claimed_at, payload) VALUES (?, ?, 'received', ?, ?, ?)
       ON CONFLICT (platform, update_key) DO NOTHING`,
      [this.platform, key, this.owner, now, payload],
    );
    return inserted === 1;
  }

  /** Claims an update for handling; false means it was already handled, or is being handled. */
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
      `UPDATE inbound_update SET status = 'processing', owner = ?, claimed_at = ?
       WHERE platform = ? AND update_key = ?
         AND (status = 'received' OR (status = 'processing' AND owner <> ? AND claimed_at <= ?))`,
      [this.owner, now, this.platform, key, this.owner, cutoff],
    );
    return taken === 1;
  }

  /** Marks a claimed update as answered and forgets its content. */
  async done(key: string, now: Date): Promise<void> {
    await this.store.sql.run(`UPDATE inbound_update SET status = 'done', done_at = ?, payload = NULL WHERE platform = ? AND update_key = ?`, [
      now,
      this.platform,
      key,
    ]);
  }

  /** Updates kept or claimed at or before `before` and not answered, oldest first. */
  async waiting(before: Date, limit = 500): Promise<WaitingUpdate[]> {
    const rows = await this.store.sql.all<{ update_key: string; payload: string; claimed_at: unknown }>(
      `SELECT update_key, payload, claimed_at FROM inbound_update
       WHERE platform = ? AND status <> 'done' AND payload IS NOT NULL AND claimed_at <= ?
       ORDER BY claimed_at, update_key LIMIT ?`,
      [this.platform, before, limit],
    );
    return rows.map((r) => ({ key: r.update_key, payload: r.payload, keptAt: toDate(r.claimed_at) }));
  }

  /** How many updates are kept and not answered. */
  async pending(): Promise<number> {
    const r = await this.store.sql.get<{ n: unknown }>(`SELECT COUNT(*) AS n FROM inbound_update WHERE platform = ? AND status <> 'done'`, [this.platform]);
    return Number(r?.n ?? 0);
  }

  /**
   * Forgets updates claimed before `before`: platforms never redeliver after a day, and an
   * update still unanswered after days is stale (recovery retries it every minute until then).
   */
  async prune(before: Date): Promise<number> {
    return this.store.sql.run('DELETE FROM inbound_update WHERE platform = ? AND claimed_at < ?', [this.platform, before]);
  }
}
