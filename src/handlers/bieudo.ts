import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { drawChart, unitHeading, unitInSentence, type ChartKind, type ChartUnit, type NoChartReason } from '../charts/charts.js';
import { foldKey } from '../names/keys.js';
import { CHART_EXAMPLE, CHART_METRICS, CHART_TEXT } from '../text/charts-messages.js';
import { findCommune, preferredProvince, subjectAndPeriod } from './common.js';
import { isReply } from '../core/reply.js';
import { METRIC_WORDS } from './metric-words.js';
import { provinceFor } from './province-for.js';

/** Leading words naming a chart that is not a ranking, without diacritics. */
const CHART_WORDS: [string, 'ranking' | 'trend' | 'channels'][] = [
  ['xep hang', 'ranking'],
  ['xh', 'ranking'],
  ['xu huong', 'trend'],
  ['theo tuan', 'trend'],
  ['tuan', 'trend'],
  ['trend', 'trend'],
  ['kenh tiep nhan', 'channels'],
  ['kenh', 'channels'],
];

/** A leading word of `text` from `words`, and the text after it. */
function leading<T>(text: string, words: [string, T][]): { value: T; word: string; rest: string } | null {
  const folded = foldKey(text);
  for (const [word, value] of words) {
    if (folded === word || folded.startsWith(`${word} `)) return { value, word, rest: text.trim().split(/\s+/).slice(word.split(' ').length).join(' ') };
  }
  return null;
}

/** The chart named at the start of the arguments, and what follows (the unit). */
export function parseChartKind(subject: string): { kind: ChartKind | null; rest: string } {
  const chart = leading(subject, CHART_WORDS);
  let rest = chart ? chart.rest : subject;
  const metric = !chart || chart.value === 'ranking' ? leading(rest, METRIC_WORDS) : null;
  if (metric) rest = metric.rest;
  if (chart?.value === 'trend') return { kind: { chart: 'trend' }, rest };
  if (chart?.value === 'channels') return { kind: { chart: 'channels' }, rest };
  if (chart || metric) return { kind: { chart: 'ranking', metric: metric?.value ?? 'online' }, rest };
  return { kind: null, rest };
}

/** A short answer listing the charts, with an example. */
function explain(text: string, extra: Partial<Reply> = {}): Reply {
  return {
    status: 'user_error',
    ...extra,
    blocks: [
      { kind: 'text', text },
      { kind: 'list', items: CHART_METRICS },
      { kind: 'note', text: CHART_EXAMPLE },
    ],
  };
}

function reasonText(reason: NoChartReason, unit: ChartUnit, period: string): string {
  switch (reason) {
    case 'no_data_in_period':
      return CHART_TEXT.noDataInPeriod(unitInSentence(unit), period);
    case 'no_dossiers':
      return CHART_TEXT.communeWithoutDossiers(unitHeading(unit));
    case 'reported_only':
      return CHART_TEXT.reportedOnly(unit.province.name);
    case 'province_without_data':
      return CHART_TEXT.provinceWithoutData(unit.province.name);
  }
}

/** The unit the arguments name, else the chat's own, else the province (as /xephang chooses it). */
async function unitFor(req: CommandRequest, ctx: AppContext, subject: string, commandFor: (unit: string) => string): Promise<ChartUnit | Reply> {
  const dir = await ctx.directory.get();
  const access = req.access;
  const provinceOf = (id: number) => dir.provinces.get(id)!;
  if (!subject) {
    if (access.role === 'commune' && access.unitId !== null && dir.communes.has(access.unitId)) {
      const commune = dir.communes.get(access.unitId)!;
      return { kind: 'commune', commune, province: provinceOf(commune.provinceId) };
    }
    if (access.role === 'working_group' && access.unitId !== null && dir.workingGroups.has(access.unitId)) {
      const group = dir.workingGroups.get(access.unitId)!;
      return { kind: 'group', group, province: provinceOf(group.provinceId) };
    }
    const province = await provinceFor(ctx, '', CHART_EXAMPLE, (p) => commandFor(p.name), access);
    return isReply(province) ? province : { kind: 'province', province };
  }
  const group = /^(?:tổ|to)(?:\s+công tác|\s+cong tac)?\s*(?:số|so)?\s*(\d{1,3})$/iu.exec(subject.trim());
  if (group) {
    const preferred = await preferredProvince(ctx);
    const number = Number(group[1]);
    const found = [...dir.workingGroups.values()].filter((g) => g.number === number && (!preferred || g.provinceId === preferred.id));
    if (found.length === 0) return explain(`Không có tổ công tác số ${number}.`);
    return { kind: 'group', group: found[0]!, province: provinceOf(found[0]!.provinceId) };
  }
  const province = dir.findProvince(subject);
  if (province) return { kind: 'province', province };
  const commune = await findCommune(ctx, subject, commandFor);
  if (!isReply(commune)) return { kind: 'commune', commune: commune.commune, province: provinceOf(commune.commune.provinceId) };
  if (commune.status === 'user_error' && commune.choices) return commune;
  return explain(CHART_TEXT.unknownMetric(subject), commune.choices ? { choices: commune.choices } : {});
}

/**
 * /bieudo [chỉ số] [xã | tổ | tỉnh] [kỳ]: a chart as a picture with a caption stating
 * its figures. Rankings for a province or a working group (a commune's ranking is its
 * province's, with the commune marked); the weekly trend and the channel mix for any unit.
 */
export async function bieudoHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const parsed = subjectAndPeriod(req.args, req.now);
  if (isReply(parsed)) return parsed;
  const { kind: named, rest } = parseChartKind(parsed.subject);
  const word = named ? parsed.subject.slice(0, parsed.subject.length - rest.length).trim() : '';
  const unit = await unitFor(req, ctx, rest, (u) => ['/bieudo', word, u, parsed.periodText].filter(Boolean).join(' '));
  if (isReply(unit)) return unit;
  const kind: ChartKind = named ?? (unit.kind === 'province' ? { chart: 'ranking', metric: 'online' } : { chart: 'trend' });
  const ownCommuneId = req.access.role === 'commune' ? req.access.unitId : null;
  const outcome = await drawChart(ctx, { kind, unit, period: parsed.period, ownCommuneId });
  if (!outcome.ok) return explain(reasonText(outcome.reason, unit, parsed.period.label));
  return reply([], { image: outcome.image });
}
