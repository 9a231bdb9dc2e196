import type { Store } from '../../data/store.js';
import { toDate } from '../../data/sql/driver.js';

/** An update kept in the inbox. */
export interface KeptUpdate {
  messageId: string;
  payload: string;
  receivedAt: Date;
}

/**
 * Updates received and not yet answered, kept with their content. getUpdates forgets an
 * update once it has returned it and a webhook call is not repeated, so each update is
 * written here before anything else happens to it; the bot forgets it once answered.
 * Whatever is still here after a crash is answered when the bot starts again (the update
 * log decides whether it still needs an answer).
 */
export class ZaloInbox {
  constructor(
    private readonly store: Store,
    /** "zalo:<bot id>". */
    private readonly bot: string,
  ) {}

  /** Keeps an update; a second copy of the same message is not kept twice. */
  async keep(messageId: string, payload: string, now: Date): Promise<void> {
    await this.store.sql.run('INSERT INTO zalo_inbox (bot, message_id, payload, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (bot, message_id) DO NOTHING', [
      this.bot,
      messageId,
      payload,
      now,
    ]);
  }

  /** Forgets an answered update. */
  async forget(messageId: string): Promise<void> {
    await this.store.sql.run('DELETE FROM zalo_inbox WHERE bot = ? AND message_id = ?', [this.bot, messageId]);
  }

  /**
   * Forgets a copy of an update the update log says is answered (a repeated delivery);
   * leaves it while the first copy is still being answered.
   */
  async forgetIfAnswered(messageId: string, updateLogPlatform: string): Promise<void> {
    await this.store.sql.run(
      `DELETE FROM zalo_inbox WHERE bot = ? AND message_id = ?
       AND EXISTS (SELECT 1 FROM inbound_update WHERE platform = ? AND update_key = ? AND status = 'done')`,
      [this.bot, messageId, updateLogPlatform, messageId],
    );
  }

  /** Updates kept since before `before`, oldest first. */
  async waiting(before: Date, limit = 500): Promise<KeptUpdate[]> {
    const rows = await this.store.sql.all<{ message_id: string; payload: string; received_at: unknown }>(
      'SELECT message_id, payload, received_at FROM zalo_inbox WHERE bot = ? AND received_at <= ? ORDER BY received_at, message_id LIMIT ?',
      [this.bot, before, limit],
    );
    return rows.map((r) => ({ messageId: r.message_id, payload: r.payload, receivedAt: toDate(r.received_at) }));
  }

  async count(): Promise<number> {
    const r = await this.store.sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM zalo_inbox WHERE bot = ?', [this.bot]);
    return Number(r?.n ?? 0);
  }
}
