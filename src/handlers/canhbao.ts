import { dossierScope } from '../access/permissions.js';
import { chatAccess, digestPageSize, provinceOfChat } from '../alerts/digest.js';
import { dossierInScope } from '../alerts/dossier-ref.js';
import { alertChatOf } from '../alerts/request-chat.js';
import { provinceSnapshot } from '../alerts/snapshot.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { ALERT_TEXT } from '../text/alerts-messages.js';
import { formatDateTime, formatNumber } from '../text/format.js';
import { dayOf, formatDay } from '../time/day.js';
import { pageOf } from './paging.js';

/** /canhbao [trang]: this chat's open alerts with their level, state and since when. */
export async function canhbaoHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const chat = alertChatOf(req);
  const arg = req.args.trim().replace(/^trang\s+/i, '');
  if (arg !== '' && !/^\d{1,3}$/.test(arg)) return userError(`Không hiểu "${req.args}".`, 'Ví dụ: /canhbao hoặc /canhbao 2 (trang 2).');
  const dir = await ctx.directory.get();
  const provinceId = chat ? provinceOfChat(chat, dir) : null;
  if (!chat || provinceId === null) return reply([{ kind: 'text', text: ALERT_TEXT.noDigestRole }]);
  const snap = await provinceSnapshot(ctx, provinceId, req.now);
  const access = chatAccess(chat);
  const items = snap.overdue.filter((i) => i.level > 0 && dossierInScope(access, dir, i)).sort((a, b) => b.level - a.level || a.dueAt.getTime() - b.dueAt.getTime());
  const label = dossierScope(access, dir).label ?? '';
  if (items.length === 0) return reply([{ kind: 'title', text: ALERT_TEXT.alertsTitle(label) }, { kind: 'text', text: ALERT_TEXT.alertsNone }]);
  const shown = pageOf(items, arg ? Number(arg) : 1, digestPageSize(chat.platform));
  const lines = shown.items.map((i) => {
    const state = i.silence ? ALERT_TEXT.stateSilenced(formatDateTime(i.silence.endsAt)) : i.ack ? ALERT_TEXT.stateAcked(formatDay(dayOf(new Date(`${i.ack.untilDay}T12:00:00+07:00`)))) : ALERT_TEXT.stateOpen;
    const since = i.alert ? formatDateTime(i.alert.levelAt) : formatDay(dayOf(i.dueAt));
    return ALERT_TEXT.alertLine(i.code, ALERT_TEXT.levelName(i.level), state, since);
  });
  return reply(
    [
      { kind: 'title', text: ALERT_TEXT.alertsTitle(label) },
      { kind: 'text', text: `${formatNumber(items.length)} cảnh báo.` },
      { kind: 'list', items: lines },
      { kind: 'note', text: ALERT_TEXT.rule },
    ],
    shown.pageCount > 1 ? { pagination: { page: shown.page, pageCount: shown.pageCount, command: '/canhbao' } } : {},
  );
}
