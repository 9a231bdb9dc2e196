import { activeBindings } from '../access/bindings.js';
import type { Role } from '../access/roles.js';
import type { Platform } from '../core/request.js';
import type { Store } from '../data/store.js';

/** A chat that receives digests and alerts: a registered chat with its role. */
export interface AlertChat {
  /** Platform-qualified id, "telegram:-100123", as the alerts' tables store it. */
  key: string;
  platform: Platform;
  chatId: string;
  isGroup: boolean;
  role: Role;
  unitId: number | null;
  title: string | null;
}

export function chatKey(platform: string, chatId: string): string {
  return `${platform}:${chatId}`;
}

/**
 * Every registered chat (active bindings), plus `extra` chats that are registered by other
 * means (the console chat acting with `--as`).
 */
export async function alertChats(store: Store, extra: readonly AlertChat[] = []): Promise<AlertChat[]> {
  const out: AlertChat[] = [];
  for (const b of await activeBindings(store)) {
    if (b.role === 'admin') continue;
    out.push({ key: chatKey(b.platform, b.chatId), platform: b.platform as Platform, chatId: b.chatId, isGroup: b.isGroup, role: b.role, unitId: b.unitId, title: b.chatTitle });
  }
  const known = new Set(out.map((c) => c.key));
  for (const c of extra) if (!known.has(c.key)) out.push(c);
  return out;
}
