import type { Platform } from '../core/request.js';

const PLATFORM_PREFIX: Record<string, Platform> = { tg: 'telegram', telegram: 'telegram', zalo: 'zalo', console: 'console' };

/** A chat named in an administrator command. */
export interface NamedChat {
  platform: Platform;
  chatId: string;
  isGroup: boolean;
}

/**
 * Reads "telegram:-1001234", "tg:-1001234", "zalo:abc…" or a bare id (taken on the platform
 * the administrator writes from). Telegram group ids are negative; other ids are treated as
 * private chats for pacing.
 */
export function parseChatRef(text: string, defaultPlatform: Platform): NamedChat | null {
  const m = /^(?:([a-z]+):)?(-?[A-Za-z0-9_.-]{1,64})$/.exec(text.trim());
  if (!m) return null;
  const platform = m[1] ? PLATFORM_PREFIX[m[1]] : defaultPlatform;
  if (!platform) return null;
  const chatId = m[2]!;
  if (platform === 'telegram' && !/^-?\d+$/.test(chatId)) return null;
  return { platform, chatId, isGroup: platform === 'telegram' ? chatId.startsWith('-') : false };
}
