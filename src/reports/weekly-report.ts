import type { AppContext } from '../core/context.js';
import { addFigures, emptyFigures, figuresByCommune, type PeriodFigures } from '../data/figures.js';
import { overdueByCommune } from '../data/overdue.js';
import type { CommuneInfo, ProvinceInfo, WorkingGroupInfo } from '../data/directory.js';
import { dayOf } from '../time/day.js';
import { mondayOf, spanText } from '../time/period-spans.js';
import type { Period } from '../time/period.js';
import { backlogByCommune, momentOf, sumBacklog, type Moment } from './moment.js';
import { rankCommunes, type Place } from './ranking.js';

/** Whose week it is: a province (leaders' chats) or a working group's communes. */
export type WeeklyScope = { kind: 'province'; province: ProvinceInfo } | { kind: 'group'; group: WorkingGroupInfo; province: ProvinceInfo };

/** One line about something that was escalated to the leaders, already worded, with no citizen's data. */
export interface EscalatedItem {
  text: string;
}

/**
 * What was escalated to a scope's leaders between two instants. The alerts engine
 * implements it; without one the report says nothing was escalated.
 */
export interface EscalationSource {
  escalatedBetween(scope: { provinceId: number; communeIds: readonly number[] }, from: Date, to: Date): Promise<EscalatedItem[]>;
}

export const NO_ESCALATIONS: EscalationSource = { escalatedBetween: async () => [] };

/** Communes shown at each end of the weekly ranking. */
export const WEEKLY_EXTREMES = 5;

/** Last week (Monday to Sunday) against the week before, for a province or a working group. */
export interface WeeklyReport {
  scope: WeeklyScope;
  lastWeek: Period;
  weekBefore: Period;
  last: PeriodFigures;
  before: PeriodFigures;
  /** In progress and past due now, and at the same hour a week earlier. */
  overdueNow: number;
  overdueWeekAgo: number;
  /** Communes by online rate last week: the best and the worst five (worst last). */
  best: Place[];
  worst: Place[];
  communes: Map<number, CommuneInfo>;
  escalated: EscalatedItem[];
  moment: Moment;
}

/** The Monday-to-Sunday week before the one `now` is in, and the week before that. */
export function reportWeeks(now: Date): { lastWeek: Period; weekBefore: Period } {
  const monday = mondayOf(dayOf(now));
  const week = (from: number): Period => ({ from, to: from + 6, label: spanText(from, from + 6) });
  return { lastWeek: week(monday - 7), weekBefore: week(monday - 14) };
}

export function scopeCommunes(scope: WeeklyScope, all: { communesOf(id: number): CommuneInfo[]; communesOfGroup(id: number): CommuneInfo[] }): CommuneInfo[] {
  return scope.kind === 'province' ? all.communesOf(scope.province.id) : all.communesOfGroup(scope.group.id);
}

export async function weeklyReport(ctx: AppContext, scope: WeeklyScope, escalations: EscalationSource = NO_ESCALATIONS): Promise<WeeklyReport> {
  const now = ctx.clock.now();
  const dir = await ctx.directory.get();
  const communes = scopeCommunes(scope, dir);
  const ids = communes.map((c) => c.id);
  const { lastWeek, weekBefore } = reportWeeks(now);
  const moment = await momentOf(ctx.store, { from: dayOf(now), to: dayOf(now), label: '' }, now);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [last, before, backlog, overdueWeekAgo, escalated] = await Promise.all([
    figuresByCommune(ctx.store, ids, lastWeek.from, lastWeek.to),
    figuresByCommune(ctx.store, ids, weekBefore.from, weekBefore.to),
    backlogByCommune(ctx.store, ids, moment, await ctx.calendar.get()),
    overdueByCommune(ctx.store, ids, weekAgo, false),
    escalations.escalatedBetween({ provinceId: scope.province.id, communeIds: ids }, new Date(now.getTime() - 7 * 86_400_000), now),
  ]);
  const withData = new Map([...last].filter(([, f]) => f.received.total > 0));
  const ranked = rankCommunes(withData, 'online');
  const n = Math.min(WEEKLY_EXTREMES, Math.floor(ranked.length / 2));
  return {
    scope,
    lastWeek,
    weekBefore,
    last: [...last.values()].reduce((a, f) => addFigures(a, f), emptyFigures()),
    before: [...before.values()].reduce((a, f) => addFigures(a, f), emptyFigures()),
    overdueNow: sumBacklog(backlog.values()).overdue,
    overdueWeekAgo: [...overdueWeekAgo.values()].reduce((a, b) => a + b, 0),
    best: ranked.slice(0, n),
    worst: n > 0 ? ranked.slice(ranked.length - n) : [],
    communes: new Map(communes.map((c) => [c.id, c])),
    escalated,
    moment,
  };
}
