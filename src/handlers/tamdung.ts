import { dossierScope } from '../access/permissions.js';
import { activeSilences, addSilence, endSilence, type SilenceKind, type SilenceRow } from '../alerts/alert-store.js';
import { looksLikeDossierCode, parseDayText, parseSilenceArgs } from '../alerts/command-args.js';
import { chatKey } from '../alerts/chats.js';
import { dossierByCode, dossierInScope } from '../alerts/dossier-ref.js';
import { actorOf, auditChange, auditDenied } from '../alerts/request-chat.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { unitPhrase, type Directory } from '../data/directory.js';
import { ALERT_TEXT, SILENCE_EXAMPLE } from '../text/alerts-messages.js';
import { formatDateTime } from '../text/format.js';
import { dayOf, endOfDayInstant } from '../time/day.js';
import { findCommune } from './common.js';
import { isReply } from '../core/reply.js';

/** Longest reason kept with a silence. */
export const MAX_SILENCE_REASON = 200;
/** Longest silence. */
export const MAX_SILENCE_DAYS = 30;

interface Target {
  kind: SilenceKind;
  targetId: number | null;
  targetCode: string | null;
  provinceId: number | null;
  label: string;
  /** Within the chat's scope. */
  allowed: boolean;
}

/** Whether a silence's target lies within what a chat may see. */
function silenceInScope(req: CommandRequest, dir: Directory, s: Pick<SilenceRow, 'kind' | 'targetId' | 'provinceId'> & { communeId?: number; sectorId?: number | null }): boolean {
  const scope = dossierScope(req.access, dir);
  if (scope.communeIds === null) return true;
  if (s.kind === 'commune') return scope.communeIds.includes(s.targetId ?? -1) && scope.sectorIds === null;
  if (s.kind === 'sector') return (scope.sectorIds === null ? scope.provinceId === s.provinceId && req.access.role === 'leader' : scope.sectorIds.includes(s.targetId ?? -1));
  return s.communeId !== undefined && dossierInScope(req.access, dir, { communeId: s.communeId, sectorId: s.sectorId ?? null });
}

async function resolveTarget(req: CommandRequest, ctx: AppContext, dir: Directory, text: string): Promise<Target | Reply> {
  const scope = dossierScope(req.access, dir);
  if (looksLikeDossierCode(text)) {
    const d = await dossierByCode(ctx.store, text);
    if (!d || !d.open) return userError(ALERT_TEXT.silenceUnknownTarget(text), SILENCE_EXAMPLE);
    const provinceId = dir.communes.get(d.communeId)?.provinceId ?? null;
    return { kind: 'dossier', targetId: null, targetCode: d.code, provinceId, label: `hồ sơ ${d.code}`, allowed: silenceInScope(req, dir, { kind: 'dossier', targetId: null, provinceId, communeId: d.communeId, sectorId: d.sectorId }) };
  }
  const sectors = dir.findSectors(scope.provinceId, text);
  if (sectors.length > 0) {
    const s = sectors[0]!;
    return { kind: 'sector', targetId: s.id, targetCode: null, provinceId: s.provinceId, label: `lĩnh vực ${s.name}`, allowed: silenceInScope(req, dir, { kind: 'sector', targetId: s.id, provinceId: s.provinceId }) };
  }
  const found = await findCommune(ctx, text, (code) => `/tamdung ${code} ${req.args.slice(text.length).trim()}`);
  if (isReply(found)) return found;
  const c = found.commune;
  return { kind: 'commune', targetId: c.id, targetCode: null, provinceId: c.provinceId, label: unitPhrase(c), allowed: silenceInScope(req, dir, { kind: 'commune', targetId: c.id, provinceId: c.provinceId }) };
}

/**
 * /tamdung: lists the silences in force; `/tamdung <mã | xã | lĩnh vực> <thời hạn> <lý do>`
 * mutes the alerts of a dossier, a commune or a sector until the end, with a reason; the
 * digests of every chat it mutes show it; audited.
 */
export async function tamdungHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const dir = await ctx.directory.get();
  if (req.args.trim() === '') return listSilences(req, ctx, dir);
  const args = parseSilenceArgs(req.args);
  if (!args.target) return userError(ALERT_TEXT.silenceMissingTarget, SILENCE_EXAMPLE);
  if (!args.end) return userError(ALERT_TEXT.silenceMissingEnd, SILENCE_EXAMPLE);
  if (!args.reason) return userError(ALERT_TEXT.silenceMissingReason, SILENCE_EXAMPLE);
  if (args.reason.length > MAX_SILENCE_REASON) return userError(ALERT_TEXT.silenceReasonTooLong(MAX_SILENCE_REASON), SILENCE_EXAMPLE);
  let endsAt: Date;
  if (args.end.kind === 'for') endsAt = new Date(req.now.getTime() + args.end.ms);
  else {
    const day = parseDayText(args.end.text, dayOf(req.now));
    if (day === null) return userError(ALERT_TEXT.ackBadDate(args.end.text), SILENCE_EXAMPLE);
    endsAt = endOfDayInstant(day);
  }
  if (endsAt.getTime() <= req.now.getTime()) return userError(ALERT_TEXT.silencePast, SILENCE_EXAMPLE);
  if (endsAt.getTime() - req.now.getTime() > MAX_SILENCE_DAYS * 86_400_000) return userError(ALERT_TEXT.silenceTooLong(MAX_SILENCE_DAYS), SILENCE_EXAMPLE);
  const target = await resolveTarget(req, ctx, dir, args.target);
  if ('status' in target) return target;
  if (!target.allowed) {
    await auditDenied(ctx, req, `/tamdung (scope) ${target.kind}`);
    return { status: 'denied', blocks: [{ kind: 'text', text: ALERT_TEXT.silenceOutOfScope(dossierScope(req.access, dir).label ?? '') }] };
  }
  const id = await ctx.store.sql.transaction((tx) =>
    addSilence(tx, {
      provinceId: target.provinceId,
      kind: target.kind,
      targetId: target.targetId,
      targetCode: target.targetCode,
      label: target.label,
      reason: args.reason,
      endsAt,
      createdBy: req.user.name ? `${req.user.name} (${actorOf(req)})` : actorOf(req),
      chat: chatKey(req.chat.platform, req.chat.id),
      createdAt: req.now,
    }),
  );
  await auditChange(ctx, req, 'silenced', `silence:${id} ${target.kind}:${target.targetCode ?? target.targetId} until:${endsAt.toISOString()}`);
  return reply([{ kind: 'text', text: ALERT_TEXT.silenceDone(id, target.label, formatDateTime(endsAt)) }]);
}

async function visibleSilences(req: CommandRequest, ctx: AppContext, dir: Directory): Promise<SilenceRow[]> {
  const all = await activeSilences(ctx.store, req.now);
  const out: SilenceRow[] = [];
  for (const s of all) {
    if (s.kind !== 'dossier') {
      if (silenceInScope(req, dir, s)) out.push(s);
      continue;
    }
    const d = await dossierByCode(ctx.store, s.targetCode ?? '');
    if (d && silenceInScope(req, dir, { ...s, communeId: d.communeId, sectorId: d.sectorId })) out.push(s);
  }
  return out;
}

async function listSilences(req: CommandRequest, ctx: AppContext, dir: Directory): Promise<Reply> {
  const list = await visibleSilences(req, ctx, dir);
  if (list.length === 0) return reply([{ kind: 'text', text: ALERT_TEXT.silenceNone }, { kind: 'note', text: SILENCE_EXAMPLE }]);
  return reply([
    { kind: 'title', text: ALERT_TEXT.silenceTitle },
    { kind: 'list', items: list.map((s) => ALERT_TEXT.silenceLine(s.id, s.label, formatDateTime(s.endsAt), s.reason, s.createdBy)) },
    { kind: 'note', text: ALERT_TEXT.silenceHow },
  ]);
}

/** /botamdung <số>: ends a silence in force within this chat's scope; audited. */
export async function botamdungHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const arg = req.args.trim().replace(/^(số|so)\s*/iu, '');
  if (!/^\d{1,9}$/.test(arg)) return userError(ALERT_TEXT.unsilenceMissing, ALERT_TEXT.unsilenceExample);
  const dir = await ctx.directory.get();
  const target = (await activeSilences(ctx.store, req.now)).find((s) => s.id === Number(arg));
  const visible = target ? (await visibleSilences(req, ctx, dir)).some((s) => s.id === target.id) : false;
  if (!target || !visible) {
    if (target) await auditDenied(ctx, req, `/botamdung (scope) silence:${target.id}`);
    return userError(ALERT_TEXT.unsilenceUnknown(arg), ALERT_TEXT.unsilenceExample);
  }
  await ctx.store.sql.transaction((tx) => endSilence(tx, target.id, actorOf(req), req.now));
  await auditChange(ctx, req, 'unsilenced', `silence:${target.id}`);
  return reply([{ kind: 'text', text: ALERT_TEXT.unsilenceDone(target.id, target.label) }]);
}
