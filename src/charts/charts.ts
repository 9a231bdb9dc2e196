import type { AppContext } from '../core/context.js';
import type { ReplyImage } from '../core/reply.js';
import { unitPhrase, unitTitle, type CommuneInfo, type ProvinceInfo, type WorkingGroupInfo } from '../data/directory.js';
import { hasDossiers } from '../data/figure-series.js';
import { addFigures, emptyFigures, figuresByCommune } from '../data/figures.js';
import { latestReportedFigures } from '../data/reported.js';
import type { Store } from '../data/store.js';
import { momentOf, type Moment } from '../reports/moment.js';
import { onlineRate, onTimeRate, type Metric } from '../reports/ranking.js';
import { rankingReport } from '../reports/ranking-report.js';
import { weeklySeries, type WeekFigures } from '../reports/weekly-series.js';
import { CHART_TEXT } from '../text/charts-messages.js';
import { formatDateTime, formatDecimal, formatNumber, formatPercent } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { dayOf, formatDay, isoOfDay } from '../time/day.js';
import type { Period } from '../time/period.js';
import { ChartCache, chartDataVersion } from './chart-cache.js';
import { channelChartSpec } from './channel-chart.js';
import { MAX_BARS, rankingChartSpec, rankingValueText, selectBars } from './ranking-chart.js';
import { renderChart, type ChartSpec } from './render.js';
import { trendChartSpec } from './trend-chart.js';

/** What a chart is about: a province, a working group (tổ công tác) or a commune. */
export type ChartUnit =
  | { kind: 'province'; province: ProvinceInfo }
  | { kind: 'group'; group: WorkingGroupInfo; province: ProvinceInfo }
  | { kind: 'commune'; commune: CommuneInfo; province: ProvinceInfo };

/** Which chart: a ranking on a metric, the weekly trend (all lines, or overdue alone), or the channel mix. */
export type ChartKind = { chart: 'ranking'; metric: Metric } | { chart: 'trend'; overdueOnly?: boolean } | { chart: 'channels' };

export interface ChartRequest {
  kind: ChartKind;
  unit: ChartUnit;
  period: Period;
  /** The asking chat's own commune, highlighted in a ranking. */
  ownCommuneId: number | null;
}

/** Why no picture was drawn; the handler words each reason. */
export type NoChartReason = 'no_data_in_period' | 'no_dossiers' | 'reported_only' | 'province_without_data';

export type ChartOutcome = { ok: true; image: ReplyImage; texts: string[]; width: number; height: number } | { ok: false; reason: NoChartReason };

const caches = new WeakMap<Store['sql'], ChartCache<ChartOutcome>>();

/** The rendered-chart cache of a store (benchmarks clear it to measure cold renders). */
export function chartCache(store: Store): ChartCache<ChartOutcome> {
  let c = caches.get(store.sql);
  if (!c) caches.set(store.sql, (c = new ChartCache()));
  return c;
}

/** "xã Thượng Cốc", "tổ công tác số 10", "tỉnh Phú Thọ": the unit inside a sentence. */
export function unitInSentence(u: ChartUnit): string {
  if (u.kind === 'commune') return unitPhrase(u.commune);
  if (u.kind === 'group') return `tổ công tác số ${u.group.number}`;
  return `${u.province.type} ${u.province.name}`;
}

/** "Xã Thượng Cốc", "Tổ công tác số 10 (Phú Thọ)", "Tỉnh Phú Thọ": the unit in a title. */
export function unitHeading(u: ChartUnit): string {
  if (u.kind === 'commune') return unitTitle(u.commune);
  if (u.kind === 'group') return `Tổ công tác số ${u.group.number} (${u.province.name})`;
  const s = unitInSentence(u);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function communesOfUnit(ctx: AppContext, u: ChartUnit): Promise<CommuneInfo[]> {
  const dir = await ctx.directory.get();
  if (u.kind === 'commune') return [u.commune];
  if (u.kind === 'group') return dir.communesOfGroup(u.group.id);
  return dir.communesOf(u.province.id);
}

function unitKey(u: ChartUnit): string {
  return u.kind === 'commune' ? `c${u.commune.id}` : u.kind === 'group' ? `g${u.group.id}` : `p${u.province.id}`;
}

/**
 * Draws a chart for a unit and period, or says why it cannot: a unit without any dossier
 * (a province with only published figures), or a period without data. Outcomes are cached
 * by chart, unit, period and data version (see ChartCache).
 */
export async function drawChart(ctx: AppContext, req: ChartRequest): Promise<ChartOutcome> {
  const now = ctx.clock.now();
  const running = req.period.to >= dayOf(now);
  const kind = req.kind.chart === 'ranking' ? `ranking:${req.kind.metric}` : req.kind.chart === 'trend' ? `trend:${req.kind.overdueOnly ? 'overdue' : 'all'}` : 'channels';
  const key = [kind, unitKey(req.unit), req.period.from, req.period.to, req.period.label, req.ownCommuneId ?? '', await chartDataVersion(ctx.store), running ? Math.floor(now.getTime() / 3_600_000) : ''].join('|');
  const cache = chartCache(ctx.store);
  const hit = cache.get(key);
  if (hit) return hit;
  const outcome = await computeChart(ctx, req);
  cache.set(key, outcome);
  return outcome;
}

async function computeChart(ctx: AppContext, req: ChartRequest): Promise<ChartOutcome> {
  const communes = await communesOfUnit(ctx, req.unit);
  const ids = communes.map((c) => c.id);
  if (!(await hasDossiers(ctx.store, ids))) {
    if (req.unit.kind !== 'province') return { ok: false, reason: 'no_dossiers' };
    const reported = await latestReportedFigures(ctx.store, 'province', req.unit.province.id, isoOfDay(req.period.to));
    return { ok: false, reason: reported.length ? 'reported_only' : 'province_without_data' };
  }
  const moment = await momentOf(ctx.store, req.period, ctx.clock.now());
  const when = moment.updatedAt ? formatDateTime(moment.updatedAt) : '—';
  const drawn =
    req.kind.chart === 'ranking'
      ? await ranking(ctx, req, req.kind.metric, moment, when)
      : req.kind.chart === 'trend'
        ? await trend(ctx, req, ids, when, req.kind.overdueOnly === true)
        : await channels(ctx, req, ids, when);
  if (!drawn) return { ok: false, reason: 'no_data_in_period' };
  const rendered = await renderChart(drawn.spec);
  return { ok: true, image: { png: rendered.png, caption: drawn.caption }, texts: rendered.texts, width: rendered.width, height: rendered.height };
}

interface Drawn {
  spec: ChartSpec;
  caption: string;
}

async function ranking(ctx: AppContext, req: ChartRequest, metric: Metric, moment: Moment, when: string): Promise<Drawn | null> {
  const dir = await ctx.directory.get();
  const u = req.unit;
  const groupIds = u.kind === 'group' ? dir.communesOfGroup(u.group.id).map((c) => c.id) : undefined;
  const r = await rankingReport(ctx, u.province, req.period, metric, groupIds);
  if (r.places.length === 0) return null;
  const own = u.kind === 'commune' ? u.commune.id : req.ownCommuneId;
  const name = (id: number) => unitTitle(dir.communes.get(id)!);
  const phrase = (id: number) => unitPhrase(dir.communes.get(id)!);
  const isRate = metric !== 'overdue';
  const rate = metric === 'online' ? onlineRate(r.totals) : metric === 'on_time' ? onTimeRate(r.totals) : null;
  const overdueTotal = r.overdue ? r.places.reduce((a, p) => a + p.value, 0) : 0;
  const average = isRate ? rate : overdueTotal / r.places.length;
  const scopeShort = u.kind === 'group' ? 'Cả tổ' : 'Toàn tỉnh';
  const valueText = (v: number) => rankingValueText(metric, v);
  const asOf = CHART_TEXT.overdueAsOf(moment.live ? formatDateTime(moment.at) : `hết ${formatDay(req.period.to)}`);
  const total = isRate
    ? `${formatPercent(rate ?? 0)} (${metric === 'online' ? `${formatNumber(r.totals.received.online)}/${formatNumber(r.totals.received.total)} hồ sơ trực tuyến` : `${formatNumber(r.totals.resolved.early + r.totals.resolved.onTime)}/${formatNumber(r.totals.resolved.total)} hồ sơ đúng hạn`})`
    : CHART_TEXT.overdueTotal(formatNumber(overdueTotal), asOf, formatDecimal(Math.round((average ?? 0) * 10) / 10));
  const first = r.places[0]!;
  const last = r.places[r.places.length - 1]!;
  const ownPlace = own !== null ? r.places.find((p) => p.communeId === own) : undefined;
  const scopeName = u.kind === 'group' ? `${unitInSentence(u)} (${u.province.name})` : `${u.province.type} ${u.province.name}`;
  const caption = CHART_TEXT.rankingCaption({
    scope: scopeName,
    scopeShort,
    metricTitle: CHART_TEXT.metricInSentence[metric],
    period: req.period.label,
    n: r.places.length,
    total,
    best: [phrase(first.communeId), valueText(first.value)],
    worst: r.places.length > 1 ? [phrase(last.communeId), valueText(last.value)] : null,
    passing766: metric === 'online' ? r.places.filter((p) => p.value >= 0.5).length : null,
    own: ownPlace ? { name: name(ownPlace.communeId), rank: ownPlace.rank, value: valueText(ownPlace.value) } : null,
    shownPart: r.places.length > MAX_BARS,
    fullCommand: CHART_TEXT.rankingCommand[metric],
    when: metric === 'overdue' ? `${when}; quá hạn ${asOf}` : when,
    ...(metric === 'on_time' ? { rule: TEXT.onTimeRule } : {}),
  });
  const spec = rankingChartSpec({
    metric,
    title: `${CHART_TEXT.rankingTitle[metric]} · ${u.kind === 'group' ? `Tổ ${u.group.number}` : u.province.name}`,
    subtitle: CHART_TEXT.rankingSubtitle(req.period.label, r.places.length),
    footer: CHART_TEXT.footer(when),
    bars: selectBars(r.places, name, own),
    values: r.places.map((p) => p.value),
    average,
    averageLabel: isRate ? CHART_TEXT.averageLabel.rate(formatPercent(average ?? 0), scopeShort) : CHART_TEXT.averageLabel.overdue(formatDecimal(Math.round((average ?? 0) * 10) / 10)),
    threshold: metric === 'online' ? { value: 0.5, label: CHART_TEXT.threshold766 } : null,
  });
  return { spec, caption };
}

async function trend(ctx: AppContext, req: ChartRequest, ids: number[], when: string, overdueOnly: boolean): Promise<Drawn | null> {
  const weeks = await weeklySeries(ctx.store, ids, req.period, ctx.clock.now());
  if (weeks.every((w) => w.received + w.resolved + w.overdue === 0)) return null;
  const weekText = (w: WeekFigures) => formatDay(w.from);
  const received = weeks.reduce((a, w) => a + w.received, 0);
  const busiest = weeks.reduce((a, w) => (w.received > a.received ? w : a), weeks[0]!);
  const worst = weeks.reduce((a, w) => (w.overdue > a.overdue ? w : a), weeks[0]!);
  const caption = CHART_TEXT.trendCaption({
    unit: unitInSentence(req.unit),
    period: req.period.label,
    weeks: weeks.length,
    received,
    resolved: weeks.reduce((a, w) => a + w.resolved, 0),
    busiest: received > 0 ? { week: weekText(busiest), n: busiest.received } : null,
    overdueFirst: weeks[0]!.overdue,
    overdueLast: weeks[weeks.length - 1]!.overdue,
    overdueMax: { week: weekText(worst), n: worst.overdue },
    when,
  });
  const heading = unitHeading(req.unit);
  const spec = trendChartSpec({
    title: overdueOnly ? CHART_TEXT.trendOverdueTitle(heading) : CHART_TEXT.trendTitle(heading),
    subtitle: CHART_TEXT.trendSubtitle(req.period.label, weeks.length),
    footer: CHART_TEXT.footer(when),
    weeks: weeks.map((w) => ({ label: formatDay(w.from).slice(0, 5), received: w.received, resolved: w.resolved, overdue: w.overdue })),
    ...(overdueOnly ? { series: ['overdue' as const] } : {}),
  });
  return { spec, caption };
}

async function channels(ctx: AppContext, req: ChartRequest, ids: number[], when: string): Promise<Drawn | null> {
  const figures = await figuresByCommune(ctx.store, ids, req.period.from, req.period.to);
  const totals = [...figures.values()].reduce((a, f) => addFigures(a, f), emptyFigures());
  const c = totals.received;
  if (c.total === 0) return null;
  const caption = CHART_TEXT.channelCaption({ unit: unitInSentence(req.unit), period: req.period.label, ...c, when });
  const spec = channelChartSpec({
    title: CHART_TEXT.channelTitle(unitHeading(req.unit)),
    subtitle: CHART_TEXT.channelSubtitle(req.period.label),
    footer: CHART_TEXT.footer(when),
    counts: c,
  });
  return { spec, caption };
}
