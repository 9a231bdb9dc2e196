import type { Store } from '../data/store.js';
import { toDate, toNumber } from '../data/sql/driver.js';
import { aliveCondition, BOOT_ID } from '../cluster/instance.js';

export { BOOT_ID } from '../cluster/instance.js';

export interface UpdateLogOptions {
  /** Who keeps and claims (default: this process). */
  owner?: string;
}

/** An update kept and not answered yet. */
export interface WaitingUpdate {
  key: string;
  /** The update as the platform sent it (JSON). */
  payload: string;
  keptAt: Date;
}

/**
 * What a claim found: `claimed` — this instance answers it now; `taken` — it was answered,
 * or a live instance is answering it; `blocked` — an earlier update of the same chat is
 * not answered yet (one chat's updates are answered in the order they arrived, whichever
 * instance received them), try again shortly.
 */
export type ClaimResult = 'claimed' | 'taken' | 'blocked';

/**
 * The persisted log of incoming updates, keyed by platform and the platform's update id
 * (Telegram `update_id`, Zalo `message_id`). An update is kept with its content, its chat
 * and its order of arrival the moment it arrives (some platforms never send it again),
 * claimed before it is handled and marked done after, when its content is forgotten. So a
 * delivery repeated by a restart or a webhook retry is answered once, one chat's updates
 * are answered in order across instances, and an update a dead process kept or claimed
 * (its heartbeat stopped) is answered by another, never lost.
 */
export class UpdateLog {
  private readonly owner: string;

  constructor(
    private readonly store: Store,
    readonly platform: string,
    opts: UpdateLogOptions = {},
  ) {
    this.owner = opts.owner ?? BOOT_ID;
  }

  /** The next arrival number (SQLite has one writer; PostgreSQL numbers rows itself). */
  private seqColumn(): { column: string; value: string } {
    return this.store.dialect === 'sqlite' ? { column: ', seq', value: ', (SELECT COALESCE(MAX(seq), 0) + 1 FROM inbound_update)' } : { column: '', value: '' };
  }

  /** Keeps an update as received; false when it was kept (or handled) before. */
  async keep(key: string, chatId: string | null, payload: string, now: Date): Promise<boolean> {
    const seq = this.seqColumn();
    const inserted = await this.store.sql.run(
      `INSERT INTO inbound_update (platform, update_key, status, owner, claimed_at, payload, chat_id${seq.column}) VALUES (?, ?, 'received', ?, ?, ?, ?${seq.value})
       ON CONFLICT (platform, update_key) DO NOTHING`,
      [this.platform, key, this.owner, now, payload, chatId],
    );
    return inserted === 1;
  }

  /** Claims an update for handling (see ClaimResult). */
  async claim(key: string, chatId: string | null, now: Date): Promise<ClaimResult> {
    const row = await this.store.sql.get<{ status: string; owner: string; seq: unknown }>('SELECT status, owner, seq FROM inbound_update WHERE platform = ? AND update_key = ?', [
      this.platform,
      key,
    ]);
    if (!row) {
      // Never kept (it came without the log): claimed as it is recorded.
      const seq = this.seqColumn();
      const inserted = await this.store.sql.run(
        `INSERT INTO inbound_update (platform, update_key, status, owner, claimed_at, chat_id${seq.column}) VALUES (?, ?, 'processing', ?, ?, ?${seq.value})
         ON CONFLICT (platform, update_key) DO NOTHING`,
        [this.platform, key, this.owner, now, chatId],
      );
      return inserted === 1 ? 'claimed' : 'taken';
    }
    if (row.status === 'done') return 'taken';
    if (row.status === 'processing' && (row.owner === this.owner || (await this.alive(row.owner, now)))) return 'taken';
    if (chatId !== null) {
      const earlier = await this.store.sql.get(
        `SELECT 1 AS x FROM inbound_update WHERE platform = ? AND chat_id = ? AND status <> 'done' AND seq < ? LIMIT 1`,
        [this.platform, chatId, row.seq],
      );
      if (earlier) return 'blocked';
    }
    // Taken only if nobody took it meanwhile (same status and owner as just read).
    const taken = await this.store.sql.run(
      `UPDATE inbound_update SET status = 'processing', owner = ?, claimed_at = ? WHERE platform = ? AND update_key = ? AND status = ? AND owner = ?`,
      [this.owner, now, this.platform, key, row.status, row.owner],
    );
    return taken === 1 ? 'claimed' : 'taken';
  }

  private async alive(owner: string, now: Date): Promise<boolean> {
    const alive = aliveCondition('?', now);
    return (await this.store.sql.get(`SELECT 1 AS x WHERE ${alive.sql}`, [owner, ...alive.params])) !== undefined;
  }

  /** Marks a claimed update as answered and forgets its content. */
  async done(key: string, now: Date): Promise<void> {
    await this.store.sql.run(`UPDATE inbound_update SET status = 'done', done_at = ?, payload = NULL WHERE platform = ? AND update_key = ?`, [
      now,
      this.platform,
      key,
    ]);
  }

  /**
   * Updates not answered that need someone: kept or claimed at or before `before`, kept or
   * claimed by an instance that is dead, or kept at or before `orphanedBefore` behind a
   * chat nobody is answering now (an instance that answered the chat's earlier update
   * stopped before it took this one); in the order they arrived. (An update a live instance
   * kept behind its chat's earlier one is otherwise answered by the instance that answers
   * that chat, see ChatChannel.)
   */
  async waiting(before: Date, limit = 500, orphanedBefore: Date = before): Promise<WaitingUpdate[]> {
    const alive = aliveCondition('owner', new Date());
    const rows = await this.store.sql.all<{ update_key: string; payload: string; claimed_at: unknown }>(
      `SELECT update_key, payload, claimed_at FROM inbound_update u
       WHERE platform = ? AND status <> 'done' AND payload IS NOT NULL AND (claimed_at <= ? OR NOT (owner = ? OR ${alive.sql})
         OR (status = 'received' AND claimed_at <= ? AND chat_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM inbound_update p WHERE p.platform = u.platform AND p.chat_id = u.chat_id AND p.status = 'processing' AND p.status <> 'done')))
       ORDER BY seq, update_key LIMIT ?`,
      [this.platform, before, this.owner, ...alive.params, orphanedBefore, limit],
    );
    return rows.map((r) => ({ key: r.update_key, payload: r.payload, keptAt: toDate(r.claimed_at) }));
  }

  /**
   * The chat's earliest update kept and not yet claimed, if any. (`status <> 'done'` lets
   * SQLite use the partial index of the chat's open updates; without it this scanned the log.)
   */
  async nextOfChat(chatId: string): Promise<WaitingUpdate | null> {
    const r = await this.store.sql.get<{ update_key: string; payload: string; claimed_at: unknown }>(
      `SELECT update_key, payload, claimed_at FROM inbound_update
       WHERE platform = ? AND chat_id = ? AND status = 'received' AND status <> 'done' AND payload IS NOT NULL ORDER BY seq LIMIT 1`,
      [this.platform, chatId],
    );
    return r ? { key: r.update_key, payload: r.payload, keptAt: toDate(r.claimed_at) } : null;
  }

  /** How many updates are kept and not answered. */
  async pending(): Promise<number> {
    const r = await this.store.sql.get<{ n: unknown }>(`SELECT COUNT(*) AS n FROM inbound_update WHERE platform = ? AND status <> 'done'`, [this.platform]);
    return toNumber(r?.n);
  }

  /**
   * Forgets updates claimed before `before`: platforms never redeliver after a day, and an
   * update still unanswered after days is stale (recovery retries it until then).
   */
  async prune(before: Date): Promise<number> {
    return this.store.sql.run('DELETE FROM inbound_update WHERE platform = ? AND claimed_at < ?', [this.platform, before]);
  }
}
