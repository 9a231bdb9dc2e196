import type { AppContext } from '../core/context.js';
import type { Platform } from '../core/request.js';

/** The private chats of every configured administrator (a user's private chat id is the user id on Telegram and Zalo). */
export function adminNoticeTargets(ctx: AppContext): { platform: Platform; chatId: string; isGroup: boolean }[] {
  return ctx.settings.admins.map((a) => ({ platform: a.platform, chatId: a.userId, isGroup: false }));
}
