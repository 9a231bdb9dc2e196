import { dossierScope } from '../access/permissions.js';
import { addAck } from '../alerts/alert-store.js';
import { parseDayText } from '../alerts/command-args.js';
import { dossierByCode, dossierInScope } from '../alerts/dossier-ref.js';
import { actorOf, auditChange, auditDenied } from '../alerts/request-chat.js';
import { chatKey } from '../alerts/chats.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { ACK_EXAMPLE, ALERT_TEXT } from '../text/alerts-messages.js';
import { dayOf, formatDay, isoOfDay } from '../time/day.js';

/** An acknowledgement lasts this many working days unless the chat says until when. */
export const DEFAULT_ACK_WORKING_DAYS = 3;

/**
 * /danhan <mã> [đến dd/MM]: the commune or the department of the dossier's sector takes it
 * on; its escalation stops until that day (3 working days by default), and digests show
 * who acknowledged it and until when.
 */
export async function danhanHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const m = /^(\S+)(?:\s+(?:đến|den|tới|toi)\s+(\S+))?\s*(.*)$/iu.exec(req.args.trim());
  if (!m || !m[1]) return userError(ALERT_TEXT.ackMissing, ACK_EXAMPLE);
  if (m[3]) return userError(ALERT_TEXT.ackBadDate(m[3]), ACK_EXAMPLE);
  const role = req.access.role;
  if (role !== 'commune' && role !== 'department' && role !== 'admin') return { status: 'denied', blocks: [{ kind: 'text', text: ALERT_TEXT.ackRoleOnly }, { kind: 'note', text: ACK_EXAMPLE }] };
  const dir = await ctx.directory.get();
  const d = await dossierByCode(ctx.store, m[1]);
  if (!d || !d.open) return userError(ALERT_TEXT.ackUnknown(m[1]), ACK_EXAMPLE);
  if (!dossierInScope(req.access, dir, d)) {
    await auditDenied(ctx, req, '/danhan (scope)');
    return { status: 'denied', blocks: [{ kind: 'text', text: ALERT_TEXT.ackOutOfScope(dossierScope(req.access, dir).label ?? '') }] };
  }
  const today = dayOf(req.now);
  const calendar = await ctx.calendar.get();
  let until = calendar.addWorkingDays(today, DEFAULT_ACK_WORKING_DAYS);
  if (m[2]) {
    const day = parseDayText(m[2], today);
    if (day === null) return userError(ALERT_TEXT.ackBadDate(m[2]), ACK_EXAMPLE);
    if (day < today) return userError(ALERT_TEXT.ackPast, ACK_EXAMPLE);
    until = day;
  }
  await addAck(ctx.store, { code: d.code, actor: actorOf(req), actorName: req.user.name ?? null, chat: chatKey(req.chat.platform, req.chat.id), untilDay: isoOfDay(until), createdAt: req.now });
  await auditChange(ctx, req, 'acknowledged', `${d.code} until:${isoOfDay(until)}`);
  return reply([{ kind: 'text', text: ALERT_TEXT.ackDone(d.code, formatDay(until)) }]);
}
