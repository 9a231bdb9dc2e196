/**
 * The digest of one chat (bản tin): what its role needs, within its scope, headed with what
 * changed since its last digest. One message: the lists are paginated (page 1 is sent,
 * `/bantin 2` shows the next), never one message per dossier.
 *
 * - commune: its overdue dossiers and those due within 2 working days, counts first;
 * - department: the same for its sectors across the province's communes, grouped by commune;
 * - working group: its communes' counts, what escalated to it, the worst communes;
 * - leaders: the province's summary, what escalated to them, the week's trend in one line.
 *
 * What is "new" comes from the notification log: an item is announced when it first becomes
 * overdue, when it reaches a level, when its acknowledgement expires and when it is
 * resolved, and never in the same state twice within the repeat interval.
 */
import type { Access } from '../access/access.js';
import { dossierScope, type DossierScope } from '../access/permissions.js';
import type { Role } from '../access/roles.js';
import type { AppContext } from '../core/context.js';
import type { Block, Field, Reply } from '../core/reply.js';
import { reply } from '../core/reply.js';
import { unitTitle, type Directory } from '../data/directory.js';
import type { OverdueDossier } from '../data/overdue.js';
import { TELEGRAM_CAPABILITIES } from '../bot/telegram/capabilities.js';
import { ZALO_CAPABILITIES } from '../bot/zalo/capabilities.js';
import { plainText } from '../channel/render/lines.js';
import { pageOf } from '../handlers/paging.js';
import { ALERT_TEXT, weekdayName } from '../text/alerts-messages.js';
import { formatDateTime, formatNumber } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { dayOf, formatDay, isoOfDay } from '../time/day.js';
import { logKey, type NotifiedState } from './alert-store.js';
import type { AlertChat } from './chats.js';
import { isoWeekday } from './schedule.js';
import type { DigestItem, ProvinceSnapshot } from './snapshot.js';

/** The repeat interval: an item is never announced in the same state twice within it. */
export const REPEAT_WORKING_DAYS = 1;

/** Items per digest page: Zalo's 2,000 characters hold fewer than Telegram's 4,096. */
export function digestPageSize(platform: string): number {
  return platform === 'zalo' ? 10 : 25;
}

/** The longest text of one message on each chat platform (its adapter's capabilities). */
const MESSAGE_LIMIT: Partial<Record<string, number>> = {
  zalo: ZALO_CAPABILITIES.maxTextLength,
  telegram: TELEGRAM_CAPABILITIES.maxTextLength,
};

/** Share of a message's limit the plain text may fill: the rest is room for markup (Zalo's markdown marks). */
const MARKUP_ROOM = 0.95;

/**
 * A section other capabilities add to digests (overdue recommendations from the hotline):
 * given the chat, its scope and the snapshot, it reads what it needs and returns its
 * blocks (none when it has nothing to say) and whether they are news worth sending.
 */
export interface DigestSection {
  readonly id: string;
  readonly roles: readonly Role[];
  prepare(input: DigestSectionInput): Promise<PreparedSection>;
}

/** A section's content, ready to be laid out. */
export interface PreparedSection {
  /** Its blocks, listing at most `listed` items (the digest lists fewer to fit one message). */
  blocks(listed: number): Block[];
  news: boolean;
}

export interface DigestSectionInput {
  ctx: AppContext;
  chat: AlertChat;
  scope: DossierScope;
  snapshot: ProvinceSnapshot;
  /** When the chat's previous digest went, or null. */
  since: Date | null;
}

/** A digest: its reply (one page), whether it has anything to report, and what it announces. */
export interface Digest {
  reply: Reply;
  hasNews: boolean;
  announced: { alertId: number; chat: string; state: NotifiedState }[];
}

/** Whether an item in `state` since `since` is to be announced to a chat now. */
export function isNew(snap: ProvinceSnapshot, alertId: number, chat: string, state: NotifiedState, since: Date): boolean {
  const last = snap.log.get(logKey(alertId, chat, state));
  if (!last) return true;
  if (last >= since) return false;
  return snap.calendar.workingDaysBetween(dayOf(last), snap.today) >= REPEAT_WORKING_DAYS;
}

/** The lowest level whose escalations a role's digest announces. */
function minEscalationLevel(role: Role): number {
  return role === 'leader' ? 3 : 2;
}

/** The access of a registered chat, as its role gives it. */
export function chatAccess(chat: AlertChat): Access {
  return { role: chat.role, unitId: chat.unitId, isAdmin: false, binding: null };
}

function inScope(d: { communeId: number; sectorId: number | null }, communes: Set<number> | null, sectors: Set<number> | null): boolean {
  if (communes && !communes.has(d.communeId)) return false;
  return !sectors || (d.sectorId !== null && sectors.has(d.sectorId));
}

/** The province a chat's digest reads. */
export function provinceOfChat(chat: AlertChat, dir: Directory): number | null {
  return dossierScope(chatAccess(chat), dir).provinceId;
}

export interface ComposeOptions {
  page?: number;
  sections?: readonly DigestSection[];
  /** When the chat's previous digest went (for sections). */
  since?: Date | null;
  /** The directory, when the caller holds it (a pass over many chats reads it once). */
  dir?: Directory;
  /** /bantin: ends with a note that this is a preview (measured with the rest, to fit). */
  preview?: boolean;
}

/** Composes the digest of `chat` from its province's snapshot. */
export async function composeDigest(ctx: AppContext, chat: AlertChat, snap: ProvinceSnapshot, opts: ComposeOptions = {}): Promise<Digest> {
  const dir = opts.dir ?? (await ctx.directory.get());
  const scope = dossierScope(chatAccess(chat), dir);
  const communes = scope.communeIds ? new Set(scope.communeIds) : null;
  const sectors = scope.sectorIds ? new Set(scope.sectorIds) : null;
  const mine = (d: { communeId: number; sectorId: number | null }) => inScope(d, communes, sectors);
  // A chat of a few communes reads them from the snapshot's index instead of the whole province.
  const fewCommunes = scope.communeIds !== null && scope.communeIds.length <= 20;
  const overdue = fewCommunes ? scope.communeIds!.flatMap((id) => snap.overdueByCommune.get(id) ?? []).filter(mine).sort(byDue) : snap.overdue.filter(mine);
  const dueSoon = fewCommunes ? scope.communeIds!.flatMap((id) => snap.dueSoonByCommune.get(id) ?? []).filter(mine).sort(byDue) : snap.dueSoon.filter(mine);
  const role = chat.role;

  // What changed since the last digest, from the notification log.
  const announced: Digest['announced'] = [];
  const newCodes = new Set<string>();
  let escalated = 0;
  let ackExpired = 0;
  for (const it of overdue) {
    const a = it.alert;
    if (!a) continue;
    if (isNew(snap, a.id, chat.key, 'overdue', a.firedAt)) {
      announced.push({ alertId: a.id, chat: chat.key, state: 'overdue' });
      newCodes.add(it.code);
    }
    if (a.level >= 2 && a.level >= minEscalationLevel(role)) {
      const state = `level:${a.level}` as const;
      if (isNew(snap, a.id, chat.key, state, a.levelAt)) {
        announced.push({ alertId: a.id, chat: chat.key, state });
        escalated++;
      }
    }
    const ack = snap.acks.get(it.code);
    if (ack && !it.ack && ack.untilDay < isoOfDay(snap.today) && isNew(snap, a.id, chat.key, 'ack_expired', ack.createdAt)) {
      announced.push({ alertId: a.id, chat: chat.key, state: 'ack_expired' });
      ackExpired++;
    }
  }
  const resolved: string[] = [];
  for (const a of snap.closed) {
    if (a.state !== 'resolved' || !mine(a) || !snap.log.has(logKey(a.id, chat.key, 'overdue'))) continue;
    if (isNew(snap, a.id, chat.key, 'resolved', a.resolvedAt!)) {
      announced.push({ alertId: a.id, chat: chat.key, state: 'resolved' });
      resolved.push(a.code);
    }
  }
  const changes: string[] = [];
  if (newCodes.size) changes.push(ALERT_TEXT.changeNewOverdue(newCodes.size));
  if (escalated) changes.push(ALERT_TEXT.changeEscalated(escalated));
  if (ackExpired) changes.push(ALERT_TEXT.changeAckExpired(ackExpired));
  if (resolved.length) changes.push(ALERT_TEXT.changeResolved(resolved.length));

  const when = ALERT_TEXT.digestWhen(weekdayName(isoWeekday(snap.today)), formatDay(snap.today), formatDateTime(snap.now).slice(-5));
  const head: Block[] = [
    { kind: 'title', text: ALERT_TEXT.digestTitle(scope.label ?? '') },
    { kind: 'text', text: when },
    { kind: 'text', text: changes.length ? ALERT_TEXT.changes(changes) : ALERT_TEXT.changesNone },
  ];
  if (resolved.length) head.push({ kind: 'list', heading: ALERT_TEXT.resolvedHeading, items: codesLine(resolved) });

  const sections: PreparedSection[] = [];
  for (const s of opts.sections ?? []) if (s.roles.includes(role)) sections.push(await s.prepare({ ctx, chat, scope, snapshot: snap, since: opts.since ?? null }));
  const hasNews = overdue.length > 0 || dueSoon.length > 0 || resolved.length > 0 || sections.some((s) => s.news);
  const notes: Block[] = [{ kind: 'note', text: ALERT_TEXT.rule }];
  if (snap.updatedAt) notes.push({ kind: 'note', text: TEXT.updatedAt(formatDateTime(snap.updatedAt)) });
  else notes.push({ kind: 'note', text: TEXT.noData });
  if (snap.stale) notes.push({ kind: 'note', text: ALERT_TEXT.stale(ctx.settings.staleAfterHours) });
  if (opts.preview) notes.push({ kind: 'note', text: hasNews ? ALERT_TEXT.previewNote : ALERT_TEXT.previewNothing });
  const layout = roleLayout(role, dir, snap, overdue, dueSoon, newCodes);
  const pageReply = (page: number, size: number): Reply => {
    const body = bodyPage(layout, page, size);
    const blocks = [...head, ...body.blocks, ...sections.flatMap((s) => s.blocks(size)), ...notes];
    const actions = body.ackCodes.slice(0, ACK_BUTTONS).map((code) => ({ label: ALERT_TEXT.ackButton(code), command: `/danhan ${code}` }));
    return reply(blocks, {
      ...(body.pageCount > 1 ? { pagination: { page: body.page, pageCount: body.pageCount, command: '/bantin' } } : {}),
      ...(actions.length > 0 ? { actions } : {}),
    });
  };
  // The page size (and the items a section lists) is the largest at which page 1 fits in
  // one message, so that the digest sent is one message; every page uses the same size.
  const limit = (MESSAGE_LIMIT[chat.platform] ?? Number.POSITIVE_INFINITY) * MARKUP_ROOM;
  let size = digestPageSize(chat.platform);
  let first = pageReply(1, size);
  while (size > 1 && plainText(first).length > limit) first = pageReply(1, --size);
  return { reply: (opts.page ?? 1) > 1 ? pageReply(opts.page!, size) : first, hasNews, announced };
}

function byDue(a: { dueAt: Date; code: string }, b: { dueAt: Date; code: string }): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function codesLine(codes: string[]): string[] {
  const shown = codes.slice(0, 10);
  return codes.length > shown.length ? [...shown, ALERT_TEXT.moreCodes(codes.length - shown.length)] : shown;
}

function sectorName(dir: Directory, id: number | null): string {
  return (id === null ? undefined : dir.sectors.get(id)?.name) ?? 'Chưa rõ lĩnh vực';
}

function communeName(dir: Directory, id: number): string {
  const c = dir.communes.get(id);
  return c ? unitTitle(c) : `Đơn vị ${id}`;
}

/** One overdue line: code, sector, due date, lateness, level, acknowledgement, silence, new. */
export function itemLine(dir: Directory, it: DigestItem, isNewItem: boolean, withCommune = false): string {
  const parts = [ALERT_TEXT.item(it.code, withCommune ? `${communeName(dir, it.communeId)} · ${sectorName(dir, it.sectorId)}` : sectorName(dir, it.sectorId), formatDay(dayOf(it.dueAt)), ALERT_TEXT.lateDays(it.days))];
  if (it.level > 0) parts.push(ALERT_TEXT.levelShort(it.level));
  if (it.ack) parts.push(ALERT_TEXT.markAck(it.ack.actorName ?? it.ack.actor, formatDay(dayOf(new Date(`${it.ack.untilDay}T12:00:00+07:00`)))));
  if (it.silence) parts.push(ALERT_TEXT.markSilence(formatDateTime(it.silence.endsAt), it.silence.reason));
  if (isNewItem) parts.push(ALERT_TEXT.markNew);
  return parts.join(' · ');
}

function dueSoonLine(dir: Directory, d: OverdueDossier): string {
  return ALERT_TEXT.dueSoonItem(d.code, sectorName(dir, d.sectorId), formatDay(dayOf(d.dueAt)));
}

interface Body {
  blocks: Block[];
  page: number;
  pageCount: number;
  /** Dossiers on this page the chat may acknowledge. */
  ackCodes: string[];
}

/** Lines with their group heading, paginated, regrouped into list blocks. */
function pagedLists(lines: readonly PagedLine[], page: number, size: number): Body {
  const shown = pageOf(lines, page, size);
  const ackCodes = shown.items.flatMap((l) => (l.ackCode ? [l.ackCode] : []));
  const blocks: Block[] = [];
  for (const l of shown.items) {
    const text = typeof l.text === 'string' ? l.text : l.text();
    const last = blocks[blocks.length - 1];
    if (last && last.kind === 'list' && last.heading === l.heading) last.items.push(text);
    else blocks.push({ kind: 'list', heading: l.heading, items: [text] });
  }
  return { blocks, page: shown.page, pageCount: shown.pageCount, ackCodes };
}

function countRows(overdue: DigestItem[], dueSoon: number): Field[] {
  const rows: Field[] = [{ label: ALERT_TEXT.overdueCount, value: formatNumber(overdue.length) }];
  const esc = overdue.filter((i) => i.level >= 2).length;
  if (esc > 0) rows.push({ label: ALERT_TEXT.escalatedCount, value: formatNumber(esc), indent: 1 });
  rows.push({ label: ALERT_TEXT.dueSoonCount, value: formatNumber(dueSoon) });
  const acked = overdue.filter((i) => i.ack).length;
  if (acked > 0) rows.push({ label: ALERT_TEXT.ackedCount, value: formatNumber(acked) });
  const muted = overdue.filter((i) => i.silence).length;
  if (muted > 0) rows.push({ label: ALERT_TEXT.silencedCount, value: formatNumber(muted) });
  return rows;
}

/** Communes by overdue count, worst first. */
function byCommune(overdue: DigestItem[], dueSoon: OverdueDossier[]): { id: number; overdue: number; escalated: number; dueSoon: number }[] {
  const m = new Map<number, { id: number; overdue: number; escalated: number; dueSoon: number }>();
  const get = (id: number) => m.get(id) ?? (m.set(id, { id, overdue: 0, escalated: 0, dueSoon: 0 }), m.get(id)!);
  for (const i of overdue) {
    const c = get(i.communeId);
    c.overdue++;
    if (i.level >= 2) c.escalated++;
  }
  for (const d of dueSoon) get(d.communeId).dueSoon++;
  return [...m.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.id - b.id);
}

function worstLine(dir: Directory, rows: { id: number; overdue: number }[]): Block[] {
  const worst = rows.filter((r) => r.overdue > 0).slice(0, 3);
  if (worst.length === 0) return [];
  return [{ kind: 'text', text: ALERT_TEXT.worst(worst.map((r) => `${communeName(dir, r.id)} (${formatNumber(r.overdue)})`).join(', ')) }];
}

/** A role's digest body before paging: the blocks above its list, and the list's lines. */
interface Layout {
  before: Block[];
  lines: PagedLine[];
}

/** One line of a paged list under its group heading; its text is made only when shown. */
interface PagedLine {
  heading: string;
  text: string | (() => string);
  /** The code of an overdue dossier this chat may acknowledge (/danhan): a button on the page showing it. */
  ackCode?: string;
}

/** Acknowledgement buttons under one digest page, at most (the most overdue first). */
const ACK_BUTTONS = 5;

/** The roles that acknowledge dossiers (/danhan): the commune and the owning department. */
const ACKNOWLEDGING: readonly Role[] = ['commune', 'department'];

function ackCodeOf(role: Role, it: DigestItem): string | undefined {
  return ACKNOWLEDGING.includes(role) && !it.ack && !it.silence ? it.code : undefined;
}

/** The body of page `page` at `size` lines a page. */
function bodyPage(layout: Layout, page: number, size: number): Body {
  const paged = pagedLists(layout.lines, page, size);
  return { ...paged, blocks: [...layout.before, ...paged.blocks] };
}

function roleLayout(role: Role, dir: Directory, snap: ProvinceSnapshot, overdue: DigestItem[], dueSoon: OverdueDossier[], fresh: Set<string>): Layout {
  if (overdue.length === 0 && dueSoon.length === 0 && role !== 'leader') return { before: [{ kind: 'text', text: ALERT_TEXT.nothing }], lines: [] };
  switch (role) {
    case 'commune': {
      const overdueHeading = `${ALERT_TEXT.overdueHeading} (${formatNumber(overdue.length)})`;
      const dueSoonHeading = `${ALERT_TEXT.dueSoonHeading} (${formatNumber(dueSoon.length)})`;
      const lines = [
        ...overdue.map((i) => ({ heading: overdueHeading, text: () => itemLine(dir, i, fresh.has(i.code)), ackCode: ackCodeOf(role, i) })),
        ...dueSoon.map((d) => ({ heading: dueSoonHeading, text: () => dueSoonLine(dir, d) })),
      ];
      return { before: [{ kind: 'fields', rows: countRows(overdue, dueSoon.length) }], lines };
    }
    case 'department': {
      const communes = byCommune(overdue, dueSoon);
      const overdueOf = groupBy(overdue, (i) => i.communeId);
      const dueSoonOf = groupBy(dueSoon, (d) => d.communeId);
      const lines: PagedLine[] = [];
      for (const c of communes) {
        const heading = ALERT_TEXT.communeGroup(communeName(dir, c.id), c.overdue, c.dueSoon);
        for (const i of overdueOf.get(c.id) ?? []) lines.push({ heading, text: () => itemLine(dir, i, fresh.has(i.code)), ackCode: ackCodeOf(role, i) });
        for (const d of dueSoonOf.get(c.id) ?? []) lines.push({ heading, text: () => `${ALERT_TEXT.dueSoonHeading.toLowerCase()}: ${dueSoonLine(dir, d)}` });
      }
      return { before: [{ kind: 'fields', rows: countRows(overdue, dueSoon.length) }], lines };
    }
    case 'working_group': {
      const communes = byCommune(overdue, dueSoon);
      const escalatedItems = overdue.filter((i) => i.level >= 2);
      const heading = `${ALERT_TEXT.escalatedToGroup} (${formatNumber(escalatedItems.length)})`;
      return {
        before: [
          { kind: 'fields', rows: countRows(overdue, dueSoon.length) },
          { kind: 'list', heading: ALERT_TEXT.byCommuneHeading, items: communes.map((c) => ALERT_TEXT.communeLine(communeName(dir, c.id), c.overdue, c.escalated, c.dueSoon)) },
          ...worstLine(dir, communes),
        ],
        lines: escalatedItems.map((i) => ({ heading, text: () => itemLine(dir, i, fresh.has(i.code), true) })),
      };
    }
    case 'leader': {
      const levels = [1, 2, 3].map((l) => ({ label: ALERT_TEXT.perLevel(l), value: formatNumber(overdue.filter((i) => i.level === l).length), indent: 1 as const }));
      const top = overdue.filter((i) => i.level >= 3);
      const heading = `${ALERT_TEXT.escalatedToLeaders} (${formatNumber(top.length)})`;
      const resolvedWeek = snap.closed.filter((a) => a.state === 'resolved').length;
      return {
        before: [
          { kind: 'fields', rows: [{ label: ALERT_TEXT.provinceOverdue, value: formatNumber(overdue.length) }, ...levels, { label: ALERT_TEXT.dueSoonCount, value: formatNumber(dueSoon.length) }] },
          { kind: 'text', text: ALERT_TEXT.trend(snap.firedThisWeek, resolvedWeek) },
          ...worstLine(dir, byCommune(overdue, dueSoon)),
        ],
        lines: top.map((i) => ({ heading, text: () => itemLine(dir, i, fresh.has(i.code), true) })),
      };
    }
    default:
      return { before: [], lines: [] };
  }
}

