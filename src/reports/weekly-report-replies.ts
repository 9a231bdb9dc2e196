import { chatRef, type ChatKey } from '../access/bindings.js';
import type { Access } from '../access/access.js';
import { drawChart, type ChartUnit } from '../charts/charts.js';
import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply } from '../core/reply.js';
import { unitPhrase } from '../data/directory.js';
import { WEEKLY_TEXT } from '../text/charts-messages.js';
import { formatDateTime, formatNumber, formatPercent, formatRate } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { isoOfDay } from '../time/day.js';
import { NEW_MODEL_START, type Period } from '../time/period.js';
import { spanText } from '../time/period-spans.js';
import { onlineRate } from './ranking.js';
import { NO_ESCALATIONS, reportWeeks, weeklyReport, type EscalationSource, type WeeklyReport, type WeeklyScope } from './weekly-report.js';

/** Weeks the report's overdue trend covers, ending with last week. */
export const TREND_WEEKS = 12;

/** The scope of a chat's weekly report: a leaders' chat gets its province, a working group's chat its communes. */
export async function weeklyScopeOf(ctx: AppContext, access: Pick<Access, 'role' | 'unitId'>): Promise<WeeklyScope | null> {
  const dir = await ctx.directory.get();
  if (access.unitId === null) return null;
  if (access.role === 'leader' && dir.provinces.has(access.unitId)) return { kind: 'province', province: dir.provinces.get(access.unitId)! };
  if (access.role === 'working_group' && dir.workingGroups.has(access.unitId)) {
    const group = dir.workingGroups.get(access.unitId)!;
    return { kind: 'group', group, province: dir.provinces.get(group.provinceId)! };
  }
  return null;
}

function unitOf(scope: WeeklyScope): ChartUnit {
  return scope.kind === 'province' ? { kind: 'province', province: scope.province } : { kind: 'group', group: scope.group, province: scope.province };
}

function heading(scope: WeeklyScope): string {
  return scope.kind === 'province' ? `${scope.province.type === 'thành phố' ? 'Thành phố' : 'Tỉnh'} ${scope.province.name}` : `Tổ công tác số ${scope.group.number} (${scope.province.name})`;
}

function change(now: number, before: number): string {
  if (now === before) return '';
  return now > before ? WEEKLY_TEXT.more(formatNumber(now - before)) : WEEKLY_TEXT.less(formatNumber(before - now));
}

function rateText(r: number | null): string {
  return r === null ? '—' : formatPercent(r);
}

function placeLines(r: WeeklyReport, places: WeeklyReport['best']): string[] {
  return places.map((p) => {
    const c = r.communes.get(p.communeId)!;
    return `${p.rank}. ${unitPhrase(c)}: ${formatPercent(p.value)}`;
  });
}

/** The report's text: the week against the week before, the best and worst communes, what escalated. */
export function weeklyReportBlocks(r: WeeklyReport): Block[] {
  const blocks: Block[] = [
    { kind: 'title', text: WEEKLY_TEXT.title(heading(r.scope)) },
    { kind: 'text', text: WEEKLY_TEXT.weeks(spanText(r.lastWeek.from, r.lastWeek.to), spanText(r.weekBefore.from, r.weekBefore.to)) },
  ];
  if (r.last.received.total === 0 && r.before.received.total === 0) blocks.push({ kind: 'text', text: WEEKLY_TEXT.noData(heading(r.scope)) });
  else
    blocks.push({
      kind: 'fields',
      rows: [
        { label: WEEKLY_TEXT.received, value: WEEKLY_TEXT.compared(formatNumber(r.last.newlyReceived.total), formatNumber(r.before.newlyReceived.total), change(r.last.newlyReceived.total, r.before.newlyReceived.total)) },
        { label: WEEKLY_TEXT.onlineRate, value: WEEKLY_TEXT.compared(rateText(onlineRate(r.last)), rateText(onlineRate(r.before)), '') },
        {
          label: WEEKLY_TEXT.onTimeRate,
          value: WEEKLY_TEXT.compared(formatRate(r.last.resolved.early + r.last.resolved.onTime, r.last.resolved.total), formatRate(r.before.resolved.early + r.before.resolved.onTime, r.before.resolved.total), ''),
        },
        { label: WEEKLY_TEXT.overdueNow, value: WEEKLY_TEXT.overdueCompared(formatNumber(r.overdueNow), formatNumber(r.overdueWeekAgo)) },
      ],
    });
  if (r.best.length) blocks.push({ kind: 'list', heading: WEEKLY_TEXT.best(r.best.length), items: placeLines(r, r.best) });
  if (r.worst.length) blocks.push({ kind: 'list', heading: WEEKLY_TEXT.worst(r.worst.length), items: placeLines(r, r.worst) });
  if (r.escalated.length) blocks.push({ kind: 'list', heading: WEEKLY_TEXT.escalated, items: r.escalated.map((e) => e.text) });
  else blocks.push({ kind: 'text', text: WEEKLY_TEXT.nothingEscalated });
  blocks.push({ kind: 'note', text: TEXT.onTimeRule });
  blocks.push({ kind: 'note', text: r.moment.updatedAt ? TEXT.updatedAt(formatDateTime(r.moment.updatedAt)) : TEXT.noData });
  return blocks;
}

/**
 * The weekly leaders' report for a scope, as the replies to send in order: the text with
 * the overdue trend chart of the last 12 weeks, then the ranking chart of last week's
 * online rates. A chart without data is left out, never sent empty.
 */
export async function weeklyReportReplies(ctx: AppContext, scope: WeeklyScope, escalations: EscalationSource = NO_ESCALATIONS): Promise<Reply[]> {
  const r = await weeklyReport(ctx, scope, escalations);
  const unit = unitOf(scope);
  const trendFrom = Math.max(NEW_MODEL_START, r.lastWeek.from - 7 * (TREND_WEEKS - 1));
  const trendPeriod: Period = { from: trendFrom, to: r.lastWeek.to, label: spanText(trendFrom, r.lastWeek.to) };
  const lastWeek: Period = { ...r.lastWeek, label: `tuần trước (${r.lastWeek.label})` };
  const [trend, ranking] = await Promise.all([
    drawChart(ctx, { kind: { chart: 'trend', overdueOnly: true }, unit, period: trendPeriod, ownCommuneId: null }),
    drawChart(ctx, { kind: { chart: 'ranking', metric: 'online' }, unit, period: lastWeek, ownCommuneId: null }),
  ]);
  const replies: Reply[] = [reply(weeklyReportBlocks(r), trend.ok ? { image: trend.image } : {})];
  if (ranking.ok) replies.push(reply([], { image: ranking.image }));
  return replies;
}

/**
 * The weekly report for a registered chat's role and unit (for the schedule's first digest
 * of the week): its replies, or none for a chat that is neither a leaders' nor a working
 * group's chat.
 */
export async function weeklyReportRepliesFor(ctx: AppContext, unit: Pick<Access, 'role' | 'unitId'>, escalations: EscalationSource = NO_ESCALATIONS): Promise<Reply[]> {
  const scope = await weeklyScopeOf(ctx, unit);
  return scope ? weeklyReportReplies(ctx, scope, escalations) : [];
}

/** The idempotency key of one week's report to one chat (the same on every instance and retry). */
export function weeklyReportKey(chat: ChatKey, now: Date, part: number): string {
  return `weekly-report:${chatRef(chat)}:${isoOfDay(reportWeeks(now).lastWeek.from)}:${part}`;
}
