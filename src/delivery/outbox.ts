import type { Store } from '../data/store.js';
import { toDate, toNumber } from '../data/sql/driver.js';
import { decodeMessage, encodeMessage, type DeliveryTarget, type OutboundMessage } from './message.js';

/** One message waiting in the outbox. */
export interface OutboxEntry {
  id: number;
  platform: string;
  target: DeliveryTarget;
  dedupeKey: string;
  message: OutboundMessage;
  /** Send attempts made so far (including the one under way once leased). */
  attempts: number;
  createdAt: Date;
}

/** How many messages are in each state. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

interface DueRow {
  id: unknown;
  platform: string;
  chat_id: string;
  is_group: unknown;
  dedupe_key: string;
  payload: string;
  attempts: unknown;
  created_at: unknown;
}

/**
 * The persisted outbox: messages that could not be sent at once (a long rate limit, the
 * platform down) or that are sent later by design (alerts). Enqueueing is idempotent by
 * dedupe key; messages of one chat leave in the order they were enqueued; a message being
 * sent is leased, so several instances can share the outbox and a crashed sender's lease
 * simply runs out. Sent rows are kept for a while as the record that they were sent.
 */
export class Outbox {
  constructor(private readonly store: Store) {}

  /**
   * Adds a message unless one with the same dedupe key was ever enqueued.
   * Returns true when it was added now.
   */
  async enqueue(platform: string, target: DeliveryTarget, dedupeKey: string, message: OutboundMessage, notBefore: Date, now: Date): Promise<boolean> {
    const added = await this.store.sql.run(
      `INSERT INTO outbox_message (platform, chat_id, is_group, dedupe_key, payload, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      [platform, target.chatId, target.isGroup, dedupeKey, encodeMessage(message), notBefore, now],
    );
    return added === 1;
  }

  /**
   * Messages ready to go: due, not leased, and each the oldest pending one of its chat
   * (a later message never overtakes an earlier one in the same chat).
   */
  async due(platform: string, now: Date, limit = 50): Promise<OutboxEntry[]> {
    const rows = await this.store.sql.all<DueRow>(
      `SELECT o.id, o.platform, o.chat_id, o.is_group, o.dedupe_key, o.payload, o.attempts, o.created_at
       FROM outbox_message o
       WHERE o.platform = ? AND o.status = 'pending' AND o.next_attempt_at <= ?
         AND (o.lease_until IS NULL OR o.lease_until <= ?)
         AND NOT EXISTS (SELECT 1 FROM outbox_message e
                         WHERE e.platform = o.platform AND e.chat_id = o.chat_id AND e.status = 'pending' AND e.id < o.id)
       ORDER BY o.id LIMIT ?`,
      [platform, now, now, limit],
    );
    return rows.map((r) => ({
      id: toNumber(r.id),
      platform: r.platform,
      target: { chatId: r.chat_id, isGroup: r.is_group === true || toNumber(r.is_group) === 1 },
      dedupeKey: r.dedupe_key,
      message: decodeMessage(r.payload),
      attempts: toNumber(r.attempts),
      createdAt: toDate(r.created_at),
    }));
  }

  /** Takes a message for sending until `now + leaseMs`; false when another sender has it. */
  async lease(id: number, now: Date, leaseMs: number): Promise<boolean> {
    const r = await this.store.prisma.outboxMessage.updateMany({
      where: { id, status: 'pending', OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
      data: { leaseUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    return r.count === 1;
  }

  async markSent(id: number, now: Date): Promise<void> {
    await this.store.prisma.outboxMessage.update({ where: { id }, data: { status: 'sent', sentAt: now, leaseUntil: null, lastError: null } });
  }

  /** Puts a leased message back, to be tried again at `at`; `errorCode` says why (no text). */
  async retryLater(id: number, at: Date, errorCode: string): Promise<void> {
    await this.store.prisma.outboxMessage.update({ where: { id }, data: { nextAttemptAt: at, leaseUntil: null, lastError: errorCode } });
  }

  /** Gives up on a message (the platform refused it for good); it stays as the record. */
  async markFailed(id: number, errorCode: string): Promise<void> {
    await this.store.prisma.outboxMessage.update({ where: { id }, data: { status: 'failed', leaseUntil: null, lastError: errorCode } });
  }

  /** Chats that have messages waiting, whose new replies must queue behind them. */
  async pendingChats(platform: string): Promise<Set<string>> {
    const rows = await this.store.prisma.outboxMessage.findMany({
      where: { platform, status: 'pending' },
      select: { chatId: true },
      distinct: ['chatId'],
    });
    return new Set(rows.map((r) => r.chatId));
  }

  /** The earliest moment a pending message of the platform becomes due (null: none). */
  async nextDueAt(platform: string): Promise<Date | null> {
    const row = await this.store.prisma.outboxMessage.findFirst({
      where: { platform, status: 'pending' },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    });
    return row?.nextAttemptAt ?? null;
  }

  async counts(platform?: string): Promise<OutboxCounts> {
    const groups = await this.store.prisma.outboxMessage.groupBy({
      by: ['status'],
      where: platform ? { platform } : {},
      _count: { _all: true },
    });
    const out: OutboxCounts = { pending: 0, sent: 0, failed: 0 };
    for (const g of groups) if (g.status in out) out[g.status as keyof OutboxCounts] = g._count._all;
    return out;
  }

  /** Deletes sent and failed messages older than `before` (pending ones are never deleted). */
  async prune(before: Date): Promise<number> {
    const r = await this.store.prisma.outboxMessage.deleteMany({ where: { status: { in: ['sent', 'failed'] }, createdAt: { lt: before } } });
    return r.count;
  }
}
