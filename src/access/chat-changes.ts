import type { Store } from '../data/store.js';
import { audit } from './audit.js';
import { moveBinding, retireBinding, type ChatKey } from './bindings.js';

/**
 * The bot was removed from a group (or blocked in a private chat): its binding is retired,
 * so a later re-add starts unregistered.
 */
export async function chatLeft(store: Store, chat: ChatKey, now: Date): Promise<void> {
  if (await retireBinding(store, chat, now)) {
    await audit(store, { at: now, actor: 'system', chat: `${chat.platform}:${chat.chatId}`, action: 'retired' });
  }
}

/** A Telegram group became a supergroup and got a new id: its binding follows it. */
export async function chatMigrated(store: Store, from: ChatKey, toChatId: string, now: Date): Promise<void> {
  if (await moveBinding(store, from, toChatId)) {
    await audit(store, { at: now, actor: 'system', chat: `${from.platform}:${toChatId}`, action: 'migrated', detail: `${from.chatId} → ${toChatId}` });
  }
}
