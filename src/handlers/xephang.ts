import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { isReply, reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { unitTitle } from '../data/directory.js';
import { figuresByCommune } from '../data/figures.js';
import { foldKey } from '../names/keys.js';
import { backlogByCommune, momentOf } from '../reports/moment.js';
import { onlineRate, onTimeRate, rankCommunes, type Metric } from '../reports/ranking.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { freshnessBlocks, subjectAndPeriod } from './common.js';
import { pageOf, splitTrailingPage } from './paging.js';
import { provinceFor } from './province-for.js';

const PAGE_SIZE = 20;

/** Typed metric words, without diacritics, to metrics. */
const METRIC_WORDS: [string, Metric][] = [
  ['truc tuyen', 'online'],
  ['online', 'online'],
  ['tt', 'online'],
  ['dung han', 'on_time'],
  ['dh', 'on_time'],
  ['qua han', 'overdue'],
  ['qh', 'overdue'],
];

const METRIC_TITLE: Record<Metric, string> = {
  online: 'tỷ lệ tiếp nhận trực tuyến',
  on_time: 'tỷ lệ giải quyết đúng hạn',
  overdue: 'số hồ sơ đang quá hạn (nhiều nhất trước)',
};

/** Reads a leading metric word; returns the metric and what follows it. */
function parseMetric(subject: string): { metric: Metric; rest: string } {
  const folded = foldKey(subject);
  for (const [word, metric] of METRIC_WORDS) {
    if (folded === word || folded.startsWith(`${word} `)) {
      const words = word.split(' ').length;
      return { metric, rest: subject.trim().split(/\s+/).slice(words).join(' ') };
    }
  }
  return { metric: 'online', rest: subject };
}


/** /xephang [trực tuyến | đúng hạn | quá hạn] [tỉnh] [kỳ] [trang]: communes ranked on a metric. */
export async function xephangHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const { rest: withoutPage, page } = splitTrailingPage(req.args);
  const parsed = subjectAndPeriod(withoutPage, req.now);
  if (isReply(parsed)) return parsed;
  const { metric, rest } = parseMetric(parsed.subject);
  const base = `/xephang ${withoutPage}`.trim();
  const province = await provinceFor(ctx, rest, TEXT.rankingExample, (p) => `/xephang ${[metricWord(metric), p.name, parsed.periodText].filter(Boolean).join(' ')}`, req.access);
  if (isReply(province)) return province;

  const dir = await ctx.directory.get();
  const communes = dir.communesOf(province.id);
  const ids = communes.map((c) => c.id);
  const moment = await momentOf(ctx.store, parsed.period, ctx.clock.now());
  const [figures, backlog] = await Promise.all([
    figuresByCommune(ctx.store, ids, parsed.period.from, parsed.period.to),
    metric === 'overdue' ? backlogByCommune(ctx.store, ids, moment, await ctx.calendar.get()) : Promise.resolve(null),
  ]);
  const overdue = backlog ? new Map([...backlog].map(([id, b]) => [id, b.overdue])) : undefined;
  // Communes with dossiers in the period, or (for overdue) with overdue dossiers carried in.
  const withData = new Map([...figures].filter(([id, f]) => f.received.total > 0 || (overdue?.get(id) ?? 0) > 0));
  const ranked = rankCommunes(withData, metric, overdue);
  const title = `Xếp hạng xã, phường theo ${METRIC_TITLE[metric]} · ${province.name}`;
  if (ranked.length === 0) return reply([{ kind: 'title', text: title }, { kind: 'text', text: `Kỳ: ${parsed.period.label}` }, { kind: 'text', text: TEXT.noData }]);
  const shown = pageOf(ranked, page ?? 1, PAGE_SIZE);
  const items = shown.items.map((p) => {
    const c = dir.communes.get(p.communeId)!;
    const f = figures.get(p.communeId)!;
    const value =
      metric === 'online'
        ? `${formatPercent(onlineRate(f) ?? 0)} (${formatNumber(f.received.online)}/${formatNumber(f.received.total)})`
        : metric === 'on_time'
          ? `${formatPercent(onTimeRate(f) ?? 0)} (${formatNumber(f.resolved.early + f.resolved.onTime)}/${formatNumber(f.resolved.total)})`
          : `${formatNumber(p.value)} hồ sơ`;
    return `${p.rank}. ${unitTitle(c)}: ${value}`;
  });
  const when = metric === 'overdue' ? `; số hồ sơ quá hạn tính đến ${moment.live ? formatDateTime(moment.at) : `hết ${formatDate(moment.at)}`}` : '';
  return reply(
    [
      { kind: 'title', text: title },
      { kind: 'text', text: `Kỳ: ${parsed.period.label}${when}` },
      { kind: 'list', items, numbered: true },
      { kind: 'note', text: `${formatNumber(ranked.length)} xã, phường có số liệu trong kỳ.` },
      ...(metric === 'on_time' ? [{ kind: 'note' as const, text: TEXT.onTimeRule }] : []),
      ...(await freshnessBlocks(ctx, moment)),
    ],
    shown.pageCount > 1 ? { pagination: { page: shown.page, pageCount: shown.pageCount, command: base } } : {},
  );
}

function metricWord(m: Metric): string {
  return m === 'online' ? 'trực tuyến' : m === 'on_time' ? 'đúng hạn' : 'quá hạn';
}
