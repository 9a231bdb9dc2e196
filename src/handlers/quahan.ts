import { audit } from '../access/audit.js';
import { alertMarks } from '../alerts/marks.js';
import { dossierScope, narrow } from '../access/permissions.js';
import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { isReply, reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { unitPhrase, unitTitle, type Directory } from '../data/directory.js';
import { overdueDossiers } from '../data/overdue.js';
import { foldKey } from '../names/keys.js';
import { momentOf } from '../reports/moment.js';
import { formatDateTime, formatNumber } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { dayOf, formatDay } from '../time/day.js';
import { findCommune, freshnessBlocks, preferredProvince } from './common.js';
import { pageOf, splitTrailingPage } from './paging.js';
import { provinceFor } from './province-for.js';

const PAGE_SIZE = 15;

/** What an overdue list covers. */
interface Scope {
  label: string;
  communeIds: number[];
  sectorIds: number[] | null;
}

/**
 * Reads the filter of /quahan: nothing (the province), a department ("Sở Tư pháp"), a
 * sector ("đất đai") or a commune (name, old name or code). Explicit words decide first:
 * "sở …" is a department, "lĩnh vực …" a sector, "xã/phường …" a commune.
 * `provinceId` narrows name lookups to the chat's province when it has one.
 */
async function requestedScope(ctx: AppContext, dir: Directory, filter: string, provinceId: number | null): Promise<Scope | Reply> {
  const communesIn = (pid: number | null) => (pid === null ? [...dir.communes.values()] : dir.communesOf(pid)).map((c) => c.id);
  const key = foldKey(filter);
  const isCommuneWord = /^(xa|phuong|dac khu|x|p)\b/.test(key);
  if (!isCommuneWord) {
    const departments = dir.findDepartments(provinceId, filter);
    if (departments.length > 0 && (key.startsWith('so ') || dir.findSectors(provinceId, filter).length === 0)) {
      const ids = new Set(departments.map((d) => d.id));
      const sectorIds = [...dir.sectors.values()].filter((s) => s.departmentId !== null && ids.has(s.departmentId)).map((s) => s.id);
      return { label: departments[0]!.name, communeIds: communesIn(provinceId), sectorIds };
    }
    const sectors = dir.findSectors(provinceId, filter);
    if (sectors.length > 0) return { label: `lĩnh vực ${sectors[0]!.name}`, communeIds: communesIn(provinceId), sectorIds: sectors.map((s) => s.id) };
    if (key.startsWith('so ') || key.startsWith('linh vuc ')) return userError(TEXT.overdueFilterNotFound(filter), TEXT.overdueExample);
  }
  const found = await findCommune(ctx, filter, (code) => `/quahan ${code}`);
  if (isReply(found)) return found;
  return { label: unitPhrase(found.commune), communeIds: [found.commune.id], sectorIds: null };
}

/**
 * The list a chat asked for, within what its role may see (permissions.ts): a commune
 * group sees its commune, a department its sectors, a working group its communes, a
 * leader the province. Asking outside that is refused, in one line, and audited.
 */
async function scopeFor(req: CommandRequest, ctx: AppContext, dir: Directory, filter: string): Promise<Scope | Reply> {
  const allowed = dossierScope(req.access, dir);
  let wanted: Scope;
  if (!filter) {
    if (allowed.communeIds !== null) return { label: allowed.label ?? '', communeIds: allowed.communeIds, sectorIds: allowed.sectorIds };
    const province = await provinceFor(ctx, '', TEXT.overdueExample, (p) => `/quahan ${p.name}`, req.access);
    if (isReply(province)) return province;
    wanted = { label: `tỉnh ${province.name}`, communeIds: dir.communesOf(province.id).map((c) => c.id), sectorIds: null };
  } else {
    const own = allowed.provinceId ?? (await preferredProvince(ctx))?.id ?? null;
    const r = await requestedScope(ctx, dir, filter, own);
    if (isReply(r)) return r;
    wanted = r;
  }
  const communeIds = narrow(wanted.communeIds, allowed.communeIds) ?? [];
  const sectorIds = narrow(wanted.sectorIds, allowed.sectorIds);
  if (communeIds.length === 0 || (sectorIds !== null && sectorIds.length === 0 && (wanted.sectorIds?.length ?? 0) > 0)) {
    await audit(ctx.store, { at: req.now, actor: `${req.chat.platform}:${req.user.id}`, chat: `${req.chat.platform}:${req.chat.id}`, action: 'denied', detail: '/quahan (scope)' });
    return { status: 'denied', blocks: [{ kind: 'text', text: TEXT.deniedScope(allowed.label ?? '') }] };
  }
  const label = allowed.sectorIds !== null && wanted.sectorIds === null ? `${wanted.label} · ${allowed.label}` : wanted.label;
  return { label, communeIds, sectorIds };
}

/**
 * /quahan [xã | lĩnh vực | sở] [trang]: dossiers in progress past their due date now,
 * grouped by commune and sector, oldest first, with days overdue in working days.
 */
export async function quahanHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const { rest: filter, page } = splitTrailingPage(req.args);
  const dir = await ctx.directory.get();
  const scope = await scopeFor(req, ctx, dir, filter);
  if (isReply(scope)) return scope;
  const now = ctx.clock.now();
  const today = dayOf(now);
  const moment = await momentOf(ctx.store, { from: today, to: today, label: '' }, now);
  const [rows, calendar] = await Promise.all([
    overdueDossiers(ctx.store, scope.communeIds, scope.sectorIds, moment.at, moment.live),
    ctx.calendar.get(),
  ]);
  const title = TEXT.overdueTitle(scope.label);
  const head: Block[] = [
    { kind: 'title', text: title },
    { kind: 'text', text: TEXT.overdueCount(formatDateTime(moment.at), formatNumber(rows.length)) },
  ];
  if (rows.length === 0) return reply([...head, ...(await freshnessBlocks(ctx, moment))]);

  // Communes in the order of their oldest overdue dossier, then sectors likewise; rows
  // arrive oldest first, so first-seen order is that order.
  const byCommune = new Map<number, Map<number, typeof rows>>();
  for (const r of rows) {
    const sectors = byCommune.get(r.communeId) ?? new Map<number, typeof rows>();
    const list = sectors.get(r.sectorId ?? 0) ?? [];
    list.push(r);
    sectors.set(r.sectorId ?? 0, list);
    byCommune.set(r.communeId, sectors);
  }
  const lines: { group: string; count: number; text: string; row: (typeof rows)[number] }[] = [];
  for (const [communeId, sectors] of byCommune) {
    const commune = dir.communes.get(communeId);
    for (const [sectorId, list] of sectors) {
      const group = TEXT.overdueGroup(commune ? unitTitle(commune) : TEXT.overdueUnknownUnit(communeId), dir.sectors.get(sectorId)?.name ?? null);
      for (const r of list) lines.push({ group, count: list.length, row: r, text: TEXT.overdueLine(r.code, formatDay(dayOf(r.dueAt)), lateness(calendar, dayOf(r.dueAt), today)) });
    }
  }
  const shown = pageOf(lines, page ?? 1, PAGE_SIZE);
  // Escalation level, acknowledgement and silence of each dossier shown (src/alerts).
  const marks = await alertMarks(ctx, shown.items.map((l) => l.row), today);
  const blocks: Block[] = [...head];
  let current: string | null = null;
  let items: string[] = [];
  const flush = () => {
    if (current !== null) blocks.push({ kind: 'list', heading: current, items });
  };
  for (const l of shown.items) {
    const heading = `${l.group} (${formatNumber(l.count)})`;
    if (heading !== current) {
      flush();
      current = heading;
      items = [];
    }
    const mark = marks.get(l.row.code);
    items.push(mark ? `${l.text} · ${mark}` : l.text);
  }
  flush();
  blocks.push({ kind: 'note', text: TEXT.overdueRule });
  const base = `/quahan ${filter}`.trim();
  return reply(
    [...blocks, ...(await freshnessBlocks(ctx, moment))],
    shown.pageCount > 1 ? { pagination: { page: shown.page, pageCount: shown.pageCount, command: base } } : {},
  );
}

/** "quá 3 ngày làm việc", counted on the working calendar. */
function lateness(calendar: WorkingCalendar, dueDay: number, today: number): string {
  const late = calendar.workingDaysBetween(dueDay, today);
  return TEXT.lateness(late, formatNumber(late), dueDay === today);
}
