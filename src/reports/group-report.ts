import type { AppContext } from '../core/context.js';
import type { CommuneInfo, ProvinceInfo, WorkingGroupInfo } from '../data/directory.js';
import { addFigures, emptyFigures, figuresByCommune, type PeriodFigures } from '../data/figures.js';
import { latestIndicators, type IndicatorView } from '../data/reported.js';
import { isoOfDay } from '../time/day.js';
import type { Period } from '../time/period.js';
import { backlogByCommune, momentOf, sumBacklog, type Backlog, type Moment } from './moment.js';
import { onlineRate, onTimeRate } from './ranking.js';

/** One member commune's line in a working group report. */
export interface MemberFigures {
  commune: CommuneInfo;
  figures: PeriodFigures;
  backlog: Backlog;
  onlineRate: number | null;
  onTimeRate: number | null;
  disbursement: IndicatorView | null;
}

/** Everything /to shows about a working group (tổ công tác). */
export interface GroupReport {
  group: WorkingGroupInfo;
  province: ProvinceInfo | null;
  period: Period;
  moment: Moment;
  members: MemberFigures[];
  totals: PeriodFigures;
  backlog: Backlog;
  /** Unweighted means over the member communes that have the rate, as reports publish them. */
  meanOnlineRate: number | null;
  meanOnTimeRate: number | null;
  meanDisbursement: number | null;
}

function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Figures of a working group's communes: totals, per commune, and the means reports quote. */
export async function groupReport(ctx: AppContext, group: WorkingGroupInfo, period: Period): Promise<GroupReport> {
  const dir = await ctx.directory.get();
  const communes = dir.communesOfGroup(group.id).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const ids = communes.map((c) => c.id);
  const moment = await momentOf(ctx.store, period, ctx.clock.now());
  const [figures, backlog, indicators] = await Promise.all([
    figuresByCommune(ctx.store, ids, period.from, period.to),
    backlogByCommune(ctx.store, ids, moment, await ctx.calendar.get()),
    latestIndicators(ctx.store, 'commune', ids, isoOfDay(period.to)),
  ]);
  const members = communes.map((commune) => {
    const f = figures.get(commune.id)!;
    return {
      commune,
      figures: f,
      backlog: backlog.get(commune.id)!,
      onlineRate: onlineRate(f),
      onTimeRate: onTimeRate(f),
      disbursement: indicators.find((i) => i.unitId === commune.id && i.kind === 'disbursement_rate') ?? null,
    };
  });
  return {
    group,
    province: dir.provinces.get(group.provinceId) ?? null,
    period,
    moment,
    members,
    totals: members.reduce((a, m) => addFigures(a, m.figures), emptyFigures()),
    backlog: sumBacklog(members.map((m) => m.backlog)),
    meanOnlineRate: mean(members.map((m) => m.onlineRate)),
    meanOnTimeRate: mean(members.map((m) => m.onTimeRate)),
    meanDisbursement: mean(members.map((m) => m.disbursement?.value ?? null)),
  };
}
