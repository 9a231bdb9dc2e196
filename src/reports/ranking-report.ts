import type { AppContext } from '../core/context.js';
import type { ProvinceInfo } from '../data/directory.js';
import { addFigures, emptyFigures, figuresByCommune, type PeriodFigures } from '../data/figures.js';
import type { Period } from '../time/period.js';
import { backlogByCommune, momentOf, type Moment } from './moment.js';
import { rankCommunes, type Metric, type Place } from './ranking.js';

/** A province's communes ranked on one metric for a period (what /xephang lists and /bieudo draws). */
export interface RankingReport {
  province: ProvinceInfo;
  period: Period;
  metric: Metric;
  moment: Moment;
  /** Ranked communes: those with dossiers in the period or, for overdue, with overdue dossiers carried in. */
  places: Place[];
  /** Figures of every commune ranked or not (of the province, or of the given communes). */
  figures: Map<number, PeriodFigures>;
  /** Overdue dossiers per commune at the moment (overdue metric only). */
  overdue: Map<number, number> | null;
  /** The province's totals over the ranked communes. */
  totals: PeriodFigures;
}

/** Ranks the communes of a province, or only `communeIds` among them (a working group's). */
export async function rankingReport(ctx: AppContext, province: ProvinceInfo, period: Period, metric: Metric, communeIds?: readonly number[]): Promise<RankingReport> {
  const dir = await ctx.directory.get();
  const ids = communeIds ? [...communeIds] : dir.communesOf(province.id).map((c) => c.id);
  const moment = await momentOf(ctx.store, period, ctx.clock.now());
  const [figures, backlog] = await Promise.all([
    figuresByCommune(ctx.store, ids, period.from, period.to),
    metric === 'overdue' ? backlogByCommune(ctx.store, ids, moment, await ctx.calendar.get()) : Promise.resolve(null),
  ]);
  const overdue = backlog ? new Map([...backlog].map(([id, b]) => [id, b.overdue])) : null;
  const withData = new Map([...figures].filter(([id, f]) => f.received.total > 0 || (overdue?.get(id) ?? 0) > 0));
  const places = rankCommunes(withData, metric, overdue ?? undefined);
  const totals = places.reduce((a, p) => addFigures(a, figures.get(p.communeId)!), emptyFigures());
  return { province, period, metric, moment, places, figures, overdue, totals };
}
