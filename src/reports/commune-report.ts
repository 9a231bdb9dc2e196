import type { AppContext } from '../core/context.js';
import type { CommuneInfo, ProvinceInfo, WorkingGroupInfo } from '../data/directory.js';
import { figuresByCommune, type PeriodFigures } from '../data/figures.js';
import { openRecommendationCount } from '../data/recommendations.js';
import { reportedFiguresFor, type ReportedFigureView } from '../data/reported.js';
import { isoOfDay } from '../time/day.js';
import type { Period } from '../time/period.js';
import { backlogByCommune, momentOf, type Backlog, type Moment } from './moment.js';
import { rankCommunes, type Place } from './ranking.js';

/** Everything /xa shows about one commune for one period. */
export interface CommuneReport {
  commune: CommuneInfo;
  province: ProvinceInfo | null;
  period: Period;
  moment: Moment;
  figures: PeriodFigures;
  /** Overdue, paused and due soon at the moment. */
  backlog: Backlog;
  /** Places among the province's communes with data in the period. */
  onlinePlace: Place | null;
  onTimePlace: Place | null;
  rankedOnline: number;
  rankedOnTime: number;
  workingGroup: WorkingGroupInfo | null;
  openRecommendations: number;
  reported: ReportedFigureView[];
}

/** Gathers a commune's figures, ranks, working group and open recommendations. */
export async function communeReport(ctx: AppContext, commune: CommuneInfo, period: Period): Promise<CommuneReport> {
  const dir = await ctx.directory.get();
  const store = ctx.store;
  const provinceIds = dir.communesOf(commune.provinceId).map((c) => c.id);
  const moment = await momentOf(store, period, ctx.clock.now());
  const calendar = await ctx.calendar.get();
  const [all, backlog, openRecommendations, reported] = await Promise.all([
    figuresByCommune(store, provinceIds, period.from, period.to),
    backlogByCommune(store, [commune.id], moment, calendar),
    openRecommendationCount(store, commune.id),
    reportedFiguresFor(store, 'commune', commune.id, isoOfDay(period.from), isoOfDay(period.to)),
  ]);
  const withData = new Map([...all].filter(([, f]) => f.received.total > 0));
  const online = rankCommunes(withData, 'online');
  const onTime = rankCommunes(withData, 'on_time');
  return {
    commune,
    province: dir.provinces.get(commune.provinceId) ?? null,
    period,
    moment,
    figures: all.get(commune.id)!,
    backlog: backlog.get(commune.id)!,
    onlinePlace: online.find((p) => p.communeId === commune.id) ?? null,
    onTimePlace: onTime.find((p) => p.communeId === commune.id) ?? null,
    rankedOnline: online.length,
    rankedOnTime: onTime.length,
    workingGroup: commune.workingGroupId ? (dir.workingGroups.get(commune.workingGroupId) ?? null) : null,
    openRecommendations,
    reported,
  };
}
