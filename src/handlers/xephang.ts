import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { isReply, reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { unitTitle } from '../data/directory.js';
import { onlineRate, onTimeRate } from '../reports/ranking.js';
import { rankingReport } from '../reports/ranking-report.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { freshnessBlocks, subjectAndPeriod } from './common.js';
import { METRIC_TITLE, metricWord, parseMetric } from './metric-words.js';
import { pageOf, splitTrailingPage } from './paging.js';
import { provinceFor } from './province-for.js';

const PAGE_SIZE = 20;


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
  const { places: ranked, figures, moment } = await rankingReport(ctx, province, parsed.period, metric);
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
