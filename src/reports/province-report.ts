import type { AppContext } from '../core/context.js';
import type { CommuneInfo, ProvinceInfo } from '../data/directory.js';
import { addFigures, emptyFigures, figuresByCommune, type PeriodFigures } from '../data/figures.js';
import { latestIndicators, latestReportedFigures, reportedFiguresFor, type IndicatorView, type ReportedFigureView } from '../data/reported.js';
import { isoOfDay } from '../time/day.js';
import type { Period } from '../time/period.js';
import { backlogByCommune, momentOf, sumBacklog, type Backlog, type Moment } from './moment.js';
import { rankCommunes, type Place } from './ranking.js';

/** The best and the worst commune on one metric. */
export interface Extremes {
  best: { commune: CommuneInfo; value: number } | null;
  worst: { commune: CommuneInfo; value: number } | null;
}

/** Totals computed from dossier-level data. */
export interface ComputedTotals {
  figures: PeriodFigures;
  backlog: Backlog;
  communesWithData: number;
  online: Extremes;
  onTime: Extremes;
  mostOverdue: { commune: CommuneInfo; value: number } | null;
}

/** Everything /tongquan shows for a province and period. */
export interface ProvinceReport {
  province: ProvinceInfo;
  period: Period;
  moment: Moment;
  /** Communes of the province known to the store. */
  communeCount: number;
  computed: ComputedTotals | null;
  /** Figures a report published; `exact` when its period is the one asked for. */
  reported: { rows: ReportedFigureView[]; exact: boolean } | null;
  indicators: IndicatorView[];
}

function extremes(places: Place[], communes: Map<number, CommuneInfo>): Extremes {
  const first = places[0];
  const last = places[places.length - 1];
  return {
    best: first ? { commune: communes.get(first.communeId)!, value: first.value } : null,
    worst: last && places.length > 1 ? { commune: communes.get(last.communeId)!, value: last.value } : null,
  };
}

/**
 * Province totals for a period: computed from dossiers where the province has them, with
 * the best and worst communes; otherwise (or as well, for the same period) the figures a
 * report published, with their source.
 */
export async function provinceReport(ctx: AppContext, province: ProvinceInfo, period: Period): Promise<ProvinceReport> {
  const dir = await ctx.directory.get();
  const communes = dir.communesOf(province.id);
  const ids = communes.map((c) => c.id);
  const moment = await momentOf(ctx.store, period, ctx.clock.now());
  const from = isoOfDay(period.from);
  const to = isoOfDay(period.to);
  const calendar = await ctx.calendar.get();
  const [all, backlog, exact, indicators] = await Promise.all([
    figuresByCommune(ctx.store, ids, period.from, period.to),
    backlogByCommune(ctx.store, ids, moment, calendar),
    reportedFiguresFor(ctx.store, 'province', province.id, from, to),
    latestIndicators(ctx.store, 'province', [province.id], to),
  ]);
  const withData = new Map([...all].filter(([, f]) => f.received.total > 0));
  let computed: ComputedTotals | null = null;
  if (withData.size > 0) {
    const byId = new Map(communes.map((c) => [c.id, c]));
    const figures = [...withData.values()].reduce((a, f) => addFigures(a, f), emptyFigures());
    const overdue = new Map([...backlog].map(([id, b]) => [id, b.overdue]));
    const worstOverdue = rankCommunes(withData, 'overdue', overdue)[0];
    computed = {
      figures,
      backlog: sumBacklog([...withData.keys()].map((id) => backlog.get(id)!)),
      communesWithData: withData.size,
      online: extremes(rankCommunes(withData, 'online'), byId),
      onTime: extremes(rankCommunes(withData, 'on_time'), byId),
      mostOverdue: worstOverdue && worstOverdue.value > 0 ? { commune: byId.get(worstOverdue.communeId)!, value: worstOverdue.value } : null,
    };
  }
  let reported: ProvinceReport['reported'] = exact.length ? { rows: exact, exact: true } : null;
  if (!reported && !computed) {
    const latest = await latestReportedFigures(ctx.store, 'province', province.id, to);
    if (latest.length) reported = { rows: latest, exact: false };
  }
  return { province, period, moment, communeCount: communes.length, computed, reported, indicators };
}

