import { toDate, toNumber, type SqlExecutor } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';
import type { Role } from './roles.js';

/** A chat as the access rules know it. */
export interface ChatKey {
  platform: string;
  chatId: string;
}

export interface Binding {
  id: number;
  platform: string;
  chatId: string;
  chatTitle: string | null;
  isGroup: boolean;
  role: Role;
  unitId: number | null;
  boundBy: string;
  boundAt: Date;
}

/** "telegram:-100123" — how chats appear in the audit log and in /dsnhom. */
export function chatRef(k: ChatKey): string {
  return `${k.platform}:${k.chatId}`;
}

function toBinding(r: { id: number; platform: string; chatId: string; chatTitle: string | null; isGroup: boolean; role: string; unitId: number | null; boundBy: string; boundAt: Date }): Binding {
  return { ...r, role: r.role as Role };
}

/** The chat's active binding, or null when it is not registered. */
export async function activeBinding(store: Store, k: ChatKey): Promise<Binding | null> {
  // Raw SQL: asked for every message.
  const r = await store.sql.get<Record<string, unknown>>(
    'SELECT id, platform, chat_id, chat_title, is_group, role, unit_id, bound_by, bound_at FROM chat_binding WHERE platform = ? AND chat_id = ? AND retired_at IS NULL',
    [k.platform, k.chatId],
  );
  if (!r) return null;
  return toBinding({
    id: toNumber(r.id),
    platform: String(r.platform),
    chatId: String(r.chat_id),
    chatTitle: r.chat_title === null ? null : String(r.chat_title),
    isGroup: r.is_group === true || toNumber(r.is_group) === 1,
    role: String(r.role),
    unitId: r.unit_id === null ? null : toNumber(r.unit_id),
    boundBy: String(r.bound_by),
    boundAt: toDate(r.bound_at),
  });
}

/** All active bindings, oldest first. */
export async function activeBindings(store: Store): Promise<Binding[]> {
  return (await store.prisma.chatBinding.findMany({ where: { retiredAt: null }, orderBy: { boundAt: 'asc' } })).map(toBinding);
}

/**
 * Gives a chat its role, retiring any previous binding of the chat in the same
 * transaction (a chat has one role at a time). Administrators are people, never chats:
 * the admin role is refused.
 */
export async function bindChat(store: Store, ...binding: BindingArgs): Promise<void> {
  await store.sql.transaction((tx) => bindChatWithin(tx, ...binding));
}

/** What binding a chat takes: the chat, its role and unit, who bound it and when. */
type BindingArgs = [k: ChatKey & { chatTitle: string | null; isGroup: boolean }, role: Role, unitId: number | null, by: string, now: Date];

/** bindChat inside a transaction the caller holds. */
export async function bindChatWithin(tx: SqlExecutor, ...[k, role, unitId, by, now]: BindingArgs): Promise<void> {
  if (role === 'admin') throw new Error('the admin role is not given to chats');
  await tx.run('UPDATE chat_binding SET retired_at = ? WHERE platform = ? AND chat_id = ? AND retired_at IS NULL', [now, k.platform, k.chatId]);
  await tx.run('INSERT INTO chat_binding (platform, chat_id, chat_title, is_group, role, unit_id, bound_by, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    k.platform,
    k.chatId,
    k.chatTitle,
    k.isGroup,
    role,
    unitId,
    by,
    now,
  ]);
}

/** Retires a chat's binding (revoked, or the bot left the group); returns whether one was active. */
export async function retireBinding(store: Store, k: ChatKey, now: Date): Promise<boolean> {
  const r = await store.prisma.chatBinding.updateMany({ where: { platform: k.platform, chatId: k.chatId, retiredAt: null }, data: { retiredAt: now } });
  return r.count > 0;
}

/**
 * Moves a chat's binding to a new chat id (a Telegram group upgraded to a supergroup gets
 * a new id); returns whether one moved.
 */
export async function moveBinding(store: Store, from: ChatKey, toChatId: string): Promise<boolean> {
  const r = await store.prisma.chatBinding.updateMany({
    where: { platform: from.platform, chatId: from.chatId, retiredAt: null },
    data: { chatId: toChatId },
  });
  return r.count > 0;
}
