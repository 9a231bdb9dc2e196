import { aliveCondition, BOOT_ID } from '../cluster/instance.js';
import type { Store } from '../data/store.js';
import { toDate, toNumber } from '../data/sql/driver.js';
import { decodeMessage, encodeMessage, type DeliveryTarget, type OutboundMessage } from './message.js';

/**
 * Who a message is for, which decides what goes first: a reply to a person overtakes
 * messages nobody asked for (digests, alerts, notices), in its chat and overall.
 */
export const REPLY = 0;
export const BULK = 1;
export type Priority = typeof REPLY | typeof BULK;

/** One message waiting in the outbox. */
export interface OutboxEntry {
  id: number;
  platform: string;
  target: DeliveryTarget;
  dedupeKey: string;
  message: OutboundMessage;
  priority: Priority;
  /** Send attempts made, counting the one this claim is for. */
  attempts: number;
  createdAt: Date;
}

/** How many messages are in each state. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

/** The key under which a chat's messages of one priority keep their order. */
export function queueKey(chatId: string, priority: Priority): string {
  return `${priority}:${chatId}`;
}

export interface EnqueueOptions {
  priority?: Priority;
  /** Attempts already made before the message came to the outbox (an interactive reply's retries). */
  attempts?: number;
}

interface ClaimedRow {
  id: unknown;
  platform: string;
  chat_id: string;
  is_group: unknown;
  dedupe_key: string;
  payload: string;
  attempts: unknown;
  created_at: unknown;
  priority: unknown;
}

/**
 * The persisted outbox: messages that could not be sent at once (a long rate limit, the
 * platform down) and messages sent later by design (alerts, notices). Enqueueing is
 * idempotent by dedupe key; messages of one chat and priority leave in the order they were
 * enqueued, one at a time; a message being sent is leased by its sender, so several
 * instances can share the outbox (PostgreSQL claims with SKIP LOCKED) and a dead sender's
 * message is taken over as soon as its heartbeat stops. Sent rows are kept for a while as the record that they were sent. Raw SQL: it is on
 * the path of every fan-out.
 */
export class Outbox {
  constructor(private readonly store: Store) {}

  /**
   * Adds a message unless one with the same dedupe key was ever enqueued.
   * Returns true when it was added now.
   */
  async enqueue(platform: string, target: DeliveryTarget, dedupeKey: string, message: OutboundMessage, notBefore: Date, now: Date, opts: EnqueueOptions = {}): Promise<boolean> {
    const added = await this.store.sql.run(
      `INSERT INTO outbox_message (platform, chat_id, is_group, dedupe_key, payload, status, priority, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      [platform, target.chatId, target.isGroup, dedupeKey, encodeMessage(message), opts.priority ?? REPLY, opts.attempts ?? 0, notBefore, now],
    );
    return added === 1;
  }

  /**
   * Takes up to `limit` messages ready to go, leased until `now + leaseMs`: due, not leased,
   * of priority at most `maxPriority`, and each the oldest pending one of its chat and
   * priority (a later message never overtakes an earlier one, and a chat has one message
   * in flight). Replies first, then oldest first. Chats in `excludeChats` (those the pacing
   * holds now) are passed over.
   */
  async claim(platform: string, now: Date, leaseMs: number, opts: { limit?: number; maxPriority?: Priority; owner?: string; excludeChats?: readonly string[] } = {}): Promise<OutboxEntry[]> {
    const skipLocked = this.store.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    // A message leased by an instance that died is taken over at once, not when its lease ends.
    const alive = aliveCondition('o.lease_owner', new Date());
    const owner = opts.owner ?? BOOT_ID;
    const exclude = opts.excludeChats ?? [];
    const notBusy = exclude.length > 0 ? ` AND o.chat_id NOT IN (${exclude.map(() => '?').join(',')})` : '';
    const rows = await this.store.sql.all<ClaimedRow>(
      `UPDATE outbox_message SET lease_until = ?, lease_owner = ?, attempts = attempts + 1
       WHERE id IN (
         SELECT o.id FROM outbox_message o
         WHERE o.platform = ? AND o.status = 'pending' AND o.priority <= ? AND o.next_attempt_at <= ?${notBusy}
           AND (o.lease_until IS NULL OR o.lease_until <= ? OR NOT (o.lease_owner = ? OR ${alive.sql}))
           AND NOT EXISTS (SELECT 1 FROM outbox_message e
                           WHERE e.platform = o.platform AND e.chat_id = o.chat_id AND e.priority = o.priority
                             AND e.status = 'pending' AND e.id < o.id)
         ORDER BY o.priority, o.id LIMIT ?${skipLocked})
       RETURNING id, platform, chat_id, is_group, dedupe_key, payload, attempts, created_at, priority`,
      [new Date(now.getTime() + leaseMs), owner, platform, opts.maxPriority ?? BULK, now, ...exclude, now, owner, ...alive.params, opts.limit ?? 50],
    );
    return rows
      .map((r) => ({
        id: toNumber(r.id),
        platform: r.platform,
        target: { chatId: r.chat_id, isGroup: r.is_group === true || toNumber(r.is_group) === 1 },
        dedupeKey: r.dedupe_key,
        message: decodeMessage(r.payload),
        priority: (toNumber(r.priority) === BULK ? BULK : REPLY) as Priority,
        attempts: toNumber(r.attempts),
        createdAt: toDate(r.created_at),
      }))
      .sort((a, b) => a.priority - b.priority || a.id - b.id);
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.store.sql.run(`UPDATE outbox_message SET status = 'sent', sent_at = ?, lease_until = NULL, lease_owner = NULL, last_error = NULL WHERE id = ?`, [now, id]);
  }

  /** Puts a leased message back, to be tried again at `at`; `errorCode` says why (no text). */
  async retryLater(id: number, at: Date, errorCode: string): Promise<void> {
    await this.store.sql.run('UPDATE outbox_message SET next_attempt_at = ?, lease_until = NULL, lease_owner = NULL, last_error = ? WHERE id = ?', [at, errorCode, id]);
  }

  /** Puts a leased message back unsent, not counting the claim as an attempt (pacing said wait). */
  async release(id: number, at: Date): Promise<void> {
    await this.store.sql.run('UPDATE outbox_message SET next_attempt_at = ?, lease_until = NULL, lease_owner = NULL, attempts = attempts - 1 WHERE id = ?', [at, id]);
  }

  /** Gives up on a message (the platform refused it for good); it stays as the record. */
  async markFailed(id: number, errorCode: string): Promise<void> {
    await this.store.sql.run(`UPDATE outbox_message SET status = 'failed', lease_until = NULL, lease_owner = NULL, last_error = ? WHERE id = ?`, [errorCode, id]);
  }

  /** The chats (as queueKey) that have messages waiting, whose new messages of that priority must queue behind them. */
  async pendingQueues(platform: string): Promise<Set<string>> {
    const rows = await this.store.sql.all<{ chat_id: string; priority: unknown }>(
      `SELECT DISTINCT chat_id, priority FROM outbox_message WHERE platform = ? AND status = 'pending'`,
      [platform],
    );
    return new Set(rows.map((r) => queueKey(r.chat_id, toNumber(r.priority) === BULK ? BULK : REPLY)));
  }

  /** The earliest moment a pending message of the platform becomes due (null: none). */
  async nextDueAt(platform: string): Promise<Date | null> {
    const row = await this.store.sql.get<{ at: unknown }>(`SELECT MIN(next_attempt_at) AS at FROM outbox_message WHERE platform = ? AND status = 'pending'`, [platform]);
    return row?.at === null || row?.at === undefined ? null : toDate(row.at);
  }

  async counts(platform?: string): Promise<OutboxCounts> {
    const rows = await this.store.sql.all<{ status: string; n: unknown }>(
      `SELECT status, COUNT(*) AS n FROM outbox_message${platform ? ' WHERE platform = ?' : ''} GROUP BY status`,
      platform ? [platform] : [],
    );
    const out: OutboxCounts = { pending: 0, sent: 0, failed: 0 };
    for (const r of rows) if (r.status in out) out[r.status as keyof OutboxCounts] = toNumber(r.n);
    return out;
  }

  /** Deletes sent and failed messages older than `before` (pending ones are never deleted). */
  async prune(before: Date): Promise<number> {
    return this.store.sql.run(`DELETE FROM outbox_message WHERE status IN ('sent', 'failed') AND created_at < ?`, [before]);
  }
}
