import type { ConsoleIdentity } from '../bot/console/platform.js';
import { chatKey, type AlertChat } from './chats.js';

/**
 * The console chat as the alerts see it: with `--as` a role (not administrator, not
 * "khach"), a registered chat with that role's default schedule unless changed with /lichbao.
 */
export function consoleAlertChat(identity: ConsoleIdentity): AlertChat[] {
  const as = identity.actAs;
  if (!as || as.role === null || as.role === 'admin') return [];
  const { chat } = identity;
  return [{ key: chatKey('console', chat.id), platform: 'console', chatId: chat.id, isGroup: chat.kind === 'group', role: as.role, unitId: as.unitId, title: chat.title ?? null }];
}
