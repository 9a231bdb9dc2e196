import { composeDigest, provinceOfChat } from '../alerts/digest.js';
import { alertChatOf } from '../alerts/request-chat.js';
import { defaultSchedule } from '../alerts/schedule.js';
import { DIGEST_SECTIONS } from '../alerts/sections.js';
import { provinceSnapshot } from '../alerts/snapshot.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { ALERT_TEXT } from '../text/alerts-messages.js';

/** /bantin [trang]: the digest this chat would receive now; records nothing. */
export async function bantinHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const chat = alertChatOf(req);
  if (!chat || !defaultSchedule(chat.role)) return reply([{ kind: 'text', text: ALERT_TEXT.noDigestRole }]);
  const arg = req.args.trim().replace(/^trang\s+/i, '');
  if (arg !== '' && !/^\d{1,3}$/.test(arg)) return userError(`Không hiểu "${req.args}".`, 'Ví dụ: /bantin hoặc /bantin 2 (trang 2).');
  const dir = await ctx.directory.get();
  const provinceId = provinceOfChat(chat, dir);
  if (provinceId === null) return reply([{ kind: 'text', text: ALERT_TEXT.noDigestRole }]);
  const snap = await provinceSnapshot(ctx, provinceId, req.now);
  return (await composeDigest(ctx, chat, snap, { page: arg ? Number(arg) : 1, sections: DIGEST_SECTIONS, preview: true })).reply;
}
