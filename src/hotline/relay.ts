import type { Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import { toNumber, type SqlExecutor } from '../data/sql/driver.js';
import type { NoticeHub } from '../notify/notices.js';
import type { RecommendationItem } from './items.js';

/** A chat a recommendation's messages go to. */
export interface ChatTarget {
  platform: Platform;
  chatId: string;
  isGroup: boolean;
}

async function boundChats(db: SqlExecutor, role: 'department' | 'commune', unitIds: readonly number[]): Promise<ChatTarget[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.all<{ platform: string; chat_id: string; is_group: unknown }>(
    `SELECT platform, chat_id, is_group FROM chat_binding WHERE role = ? AND retired_at IS NULL AND unit_id IN (${unitIds.map(() => '?').join(', ')}) ORDER BY id`,
    [role, ...unitIds],
  );
  return rows.map((r) => ({ platform: r.platform as Platform, chatId: r.chat_id, isGroup: r.is_group === true || toNumber(r.is_group) === 1 }));
}

/** The chats of a department (its registered groups on every platform). */
export function departmentChats(db: SqlExecutor, departmentId: number): Promise<ChatTarget[]> {
  return boundChats(db, 'department', [departmentId]);
}

/** Where the commune hears about its item: the chat it was raised in, else its communes' registered chats. */
export async function communeChats(db: SqlExecutor, item: RecommendationItem): Promise<ChatTarget[]> {
  return item.chat ? [item.chat] : boundChats(db, 'commune', item.communeIds);
}

/**
 * Stores one message per target chat inside the caller's transaction, through the one
 * path for messages nobody asked for (NoticeHub → the channel's outbox). `key` plus the
 * target makes each idempotent: the same step of an item never goes out twice. Returns
 * the platforms to flush after the commit.
 */
export async function recordRelays(tx: SqlExecutor, notices: NoticeHub, targets: readonly ChatTarget[], reply: Reply, key: string, decision?: { ref: string; label: string }): Promise<Platform[]> {
  for (const t of targets) {
    await notices.record(tx, { platform: t.platform, chatId: t.chatId, isGroup: t.isGroup, reply, key: `${key}:${t.platform}:${t.chatId}`, ...(decision ? { decision } : {}) });
  }
  return [...new Set(targets.map((t) => t.platform))];
}

/** Hands the stored relays to the running channels (those not running keep them). */
export async function flushRelays(notices: NoticeHub, platforms: readonly Platform[]): Promise<void> {
  for (const p of new Set(platforms)) await notices.flush(p);
}
