import type { AppContext } from '../core/context.js';
import type { Block, Choice, Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { loadForChat } from '../hotline/actions.js';
import { communesLabel, departmentName, dueText } from '../hotline/cards.js';
import { parseRecommendationCode } from '../hotline/codes.js';
import { eventsOf, type RecommendationItem } from '../hotline/items.js';
import { visibleOpenItems } from '../hotline/visible-items.js';
import { isOverdue, overdueRecommendations } from '../hotline/overdue.js';
import { hotlineProvince } from '../hotline/province.js';
import { provinceDepartments } from '../hotline/find-department.js';
import { refusalReply } from '../hotline/replies.js';
import { CHAT_SOURCE, MAX_RECOMMENDATION_LENGTH, raiseRecommendation } from '../hotline/raise.js';
import { departmentRecords } from '../hotline/summary.js';
import { dossierScope } from '../access/permissions.js';
import { formatDate, formatDateTime, formatDecimal, formatNumber, formatRate } from '../text/format.js';
import { HOTLINE_TEXT as H } from '../text/hotline-messages.js';
import type { WorkingCalendar } from '../time/calendar.js';

/** Most items one list shows. */
const MAX_LIST = 30;
/** Most alternative departments offered under a raised item. */
const MAX_ALTERNATIVES = 3;

/**
 * /kiennghi (also /vuongmac, /kn): with a text, a commune raises a recommendation; alone,
 * the chat's open items; with a code, one item and its history; "tong", the leaders'
 * record of every department.
 */
export async function kiennghiHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const args = req.args.trim();
  if (!args) return listItems(req, ctx);
  // "tong", "tổng hợp", "tong Phú Thọ": the leaders' record; "Tổng kinh phí …" is a recommendation.
  const summaryWords = /^(tổng hợp|tong hop|tổng|tong|thống kê|thong ke)(?:\s+(.*))?$/iu.exec(args);
  if (summaryWords) {
    const rest = (summaryWords[2] ?? '').trim();
    if (!rest || (await ctx.directory.get()).findProvince(rest)) return summary(req, ctx, rest);
  }
  const code = parseRecommendationCode(args);
  if (code) return showItem(req, ctx, code);
  return raise(req, ctx);
}

async function raise(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const r = await raiseRecommendation(ctx, req);
  const dir = await ctx.directory.get();
  if (r.kind === 'refused') {
    switch (r.reason) {
      case 'not_commune':
        return { status: 'denied', blocks: [{ kind: 'text', text: H.raiseOnlyCommunes }] };
      case 'empty':
        return userError(H.raiseEmpty, H.raiseExample);
      case 'no_words':
        return userError(H.raiseNoWords, H.raiseExample);
      case 'too_long':
        return userError(H.raiseTooLong(MAX_RECOMMENDATION_LENGTH), H.raiseExample);
    }
  }
  const item = r.item;
  const calendar = await ctx.calendar.get();
  const blocks: Block[] = [{ kind: 'title', text: r.kind === 'again' ? H.raisedAgain(item.code) : H.raisedTitle(item.code) }, { kind: 'fields', rows: itemRows(item, dir, calendar, req.now) }];
  if (r.kind === 'raised' && r.masked.length) blocks.push({ kind: 'text', text: H.masked(r.masked) });
  const others = provinceDepartments(dir, item.provinceId).filter((d) => d.id !== item.departmentId);
  const option = (id: number): Choice => ({ label: departmentName(dir, id), command: `/chuyen ${item.code} ${dir.departments.get(id)?.code ?? `#${id}`}` });
  if (item.status === 'unrouted') {
    const route = r.kind === 'raised' ? r.route : null;
    const candidates = route?.kind === 'ask' && route.reason === 'tie' ? route.candidates : others.map((d) => d.id);
    blocks.push({ kind: 'text', text: route?.kind === 'ask' && route.reason === 'tie' ? H.unroutedTie(candidates.map((id) => departmentName(dir, id)).join(', ')) : H.unroutedNoMatch });
    const options = candidates.map(option);
    if (candidates.length < others.length) options.push({ label: H.otherDepartments, command: `/chuyen ${item.code}` });
    return reply(blocks, { choices: { prompt: H.pickDepartment, options } });
  }
  if (r.kind === 'raised' && r.departmentChats === 0) blocks.push({ kind: 'text', text: H.noDepartmentChat(departmentName(dir, item.departmentId)) });
  if (r.kind === 'again' || item.status !== 'open') return reply(blocks);
  const alternatives = (r.route.kind === 'suggested' ? r.route.alternatives : []).slice(0, MAX_ALTERNATIVES);
  const options = [...alternatives.map(option), { label: H.otherDepartments, command: `/chuyen ${item.code}` }];
  return reply(blocks, { choices: { prompt: H.pickOther, options } });
}

/** "hạn 09/12/2026", "quá hạn 2 ngày làm việc", or the status. */
function stateText(item: RecommendationItem, calendar: WorkingCalendar, now: Date): string {
  const late = isOverdue(calendar, item, now);
  if (late > 0) return H.overdueBy(late);
  if (item.status === 'open') return `${H.deadline.toLowerCase()} ${dueText(item)}`;
  return H.statusLabel[item.status] ?? item.status;
}

function itemRows(item: RecommendationItem, dir: Awaited<ReturnType<AppContext['directory']['get']>>, calendar: WorkingCalendar, now: Date) {
  const late = isOverdue(calendar, item, now);
  return [
    { label: H.commune, value: communesLabel(item, dir) },
    ...(item.field ? [{ label: H.field, value: item.field }] : []),
    { label: H.department, value: departmentName(dir, item.departmentId) },
    { label: H.deadline, value: item.dueAt ? `${dueText(item)}${late ? ` (${H.overdueBy(late)})` : ''}` : H.noChat },
  ];
}

async function listItems(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const dir = await ctx.directory.get();
  const calendar = await ctx.calendar.get();
  const ranked = await visibleOpenItems(ctx.store, req.access, dir, calendar, req.now);
  const label = dossierScope(req.access, dir).label ?? 'toàn bộ';
  if (ranked.length === 0) return reply([{ kind: 'text', text: H.listEmpty(label) }, { kind: 'note', text: H.listHow }]);
  const lines = ranked.slice(0, MAX_LIST).map(({ item }) => H.listLine(item.code, departmentName(dir, item.departmentId), stateText(item, calendar, req.now), short(item.content, 90)));
  const blocks: Block[] = [{ kind: 'title', text: H.listTitle(label) }, { kind: 'list', items: lines }];
  if (ranked.length > MAX_LIST) blocks.push({ kind: 'note', text: H.listMore(ranked.length - MAX_LIST) });
  blocks.push({ kind: 'note', text: H.listHow });
  return reply(blocks);
}

function short(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

async function showItem(req: CommandRequest, ctx: AppContext, code: string): Promise<Reply> {
  const loaded = await loadForChat(ctx, req, code);
  if ('kind' in loaded) return refusalReply(code, loaded.refusal, await ctx.directory.get(), req.access);
  const { item, dir } = loaded;
  const calendar = await ctx.calendar.get();
  const rows = [
    ...itemRows(item, dir, calendar, req.now),
    { label: H.status, value: H.statusLabel[item.status] ?? item.status },
    { label: H.raisedAt, value: formatDate(item.raisedAt) },
    ...(item.senderName ? [{ label: H.sender, value: item.senderName }] : []),
  ];
  const blocks: Block[] = [{ kind: 'title', text: H.itemTitle(code) }, { kind: 'text', text: item.content }, { kind: 'fields', rows }];
  if (item.answer) blocks.push({ kind: 'fields', rows: [{ label: H.answer, value: `${item.answer}${item.answeredAt ? ` (${formatDate(item.answeredAt)})` : ''}` }] });
  const events = await eventsOf(ctx.store.sql, item.id);
  if (events.length) {
    blocks.push({
      kind: 'list',
      heading: H.historyHeading,
      items: events.map((e) => {
        const who = e.actor === 'routing' ? 'Bot' : (e.actorName ?? (e.departmentId !== null && e.kind !== 'routed' && e.kind !== 'moved' ? departmentName(dir, e.departmentId) : ''));
        const where = e.kind === 'routed' || e.kind === 'moved' ? ` ${departmentName(dir, e.departmentId)}` : '';
        return `${formatDateTime(e.at)} · ${who ? `${who} ` : ''}${H.event[e.kind] ?? e.kind}${where}${e.text ? `: ${e.text}` : ''}`;
      }),
    });
  }
  if (item.source !== CHAT_SOURCE) blocks.push({ kind: 'note', text: H.sourceNote(item.source) });
  return reply(blocks);
}

async function summary(req: CommandRequest, ctx: AppContext, named: string): Promise<Reply> {
  const a = req.access;
  if (a.role !== 'leader' && a.role !== 'admin') return { status: 'denied', blocks: [{ kind: 'text', text: H.summaryOnlyLeaders }] };
  const province = await hotlineProvince(ctx, a, a.role === 'leader' ? '' : named);
  const dir = await ctx.directory.get();
  if (!province) return userError(`Không tìm thấy tỉnh "${named}".`, 'Ví dụ: /kiennghi tong Phú Thọ');
  const calendar = await ctx.calendar.get();
  const { records, unrouted } = await departmentRecords(ctx.store, calendar, province.id, req.now);
  if (records.length === 0 && unrouted === 0) return reply([{ kind: 'title', text: H.summaryTitle(province.name) }, { kind: 'text', text: H.summaryNone }]);
  const lines = records.map((r) =>
    H.summaryLine(
      departmentName(dir, r.departmentId),
      formatNumber(r.open),
      formatNumber(r.overdue),
      r.answered ? `${formatNumber(r.answeredOnTime)}/${formatNumber(r.answered)} (${formatRate(r.answeredOnTime, r.answered)})` : '—',
      r.medianDaysToAnswer === null ? '—' : formatDecimal(r.medianDaysToAnswer),
    ),
  );
  const blocks: Block[] = [{ kind: 'title', text: H.summaryTitle(province.name) }, { kind: 'list', items: lines }];
  if (unrouted) blocks.push({ kind: 'fields', rows: [{ label: H.statusLabel.unrouted!, value: formatNumber(unrouted) }] });
  const overdue = await overdueRecommendations(ctx.store, calendar, { provinceId: province.id }, req.now);
  if (overdue.length) {
    blocks.push({
      kind: 'list',
      heading: H.summaryOverdueHeading,
      items: overdue.slice(0, 10).map((o) => H.summaryOverdueLine(o.item.code, departmentName(dir, o.item.departmentId), communesLabel(o.item, dir), o.workingDaysOverdue)),
    });
  }
  blocks.push({ kind: 'note', text: H.summaryNote });
  return reply(blocks);
}
