import type { AppContext } from '../core/context.js';
import type { Block, Field, Reply } from '../core/reply.js';
import { isReply, reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { unitPhrase } from '../data/directory.js';
import { provinceReport, type Extremes } from '../reports/province-report.js';
import { formatNumber, formatPercent } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { isoOfDay } from '../time/day.js';
import { figureFields, isoPeriodLabel, reportedFields, sourceNote } from './figure-blocks.js';
import { freshnessBlocks, subjectAndPeriod } from './common.js';
import { provinceFor } from './province-for.js';
import { indicatorFields } from './indicator-fields.js';

function extremeLine(label: string, e: Extremes): string | null {
  if (!e.best) return null;
  const best = `${unitPhrase(e.best.commune)} (${formatPercent(e.best.value)})`;
  const worst = e.worst ? `; thấp nhất: ${unitPhrase(e.worst.commune)} (${formatPercent(e.worst.value)})` : '';
  return `${label} cao nhất: ${best}${worst}`;
}

/** /tongquan [tỉnh] [kỳ]: province totals, best and worst communes, or published figures. */
export async function tongquanHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const parsed = subjectAndPeriod(req.args, req.now);
  if (isReply(parsed)) return parsed;
  const province = await provinceFor(ctx, parsed.subject, TEXT.provinceExample, (p) => `/tongquan ${p.name}${parsed.periodText ? ` ${parsed.periodText}` : ''}`, req.access);
  if (isReply(province)) return province;

  const r = await provinceReport(ctx, province, parsed.period);
  const blocks: Block[] = [
    { kind: 'title', text: `${province.type === 'thành phố' ? 'Thành phố' : 'Tỉnh'} ${province.name} · tổng hợp` },
    { kind: 'text', text: `Kỳ: ${r.period.label}` },
  ];
  if (r.computed) {
    const c = r.computed;
    blocks.push(
      { kind: 'note', text: `Tổng hợp từ hồ sơ của ${formatNumber(c.communesWithData)}/${formatNumber(r.communeCount)} xã, phường có trong kho số liệu.` },
      { kind: 'fields', rows: figureFields(c.figures, c.backlog, r.moment) },
    );
    const lines = [extremeLine('Trực tuyến', c.online), extremeLine('Đúng hạn', c.onTime)].filter((x): x is string => x !== null);
    if (c.mostOverdue) lines.push(`Nhiều hồ sơ quá hạn nhất: ${unitPhrase(c.mostOverdue.commune)} (${formatNumber(c.mostOverdue.value)})`);
    if (lines.length) blocks.push({ kind: 'list', heading: 'Xã, phường nổi bật:', items: lines });
  }
  if (r.reported) {
    const first = r.reported.rows[0]!;
    const intro = r.computed
      ? 'Số liệu tỉnh đã công bố cho kỳ này:'
      : r.reported.exact
        ? 'Chưa có số liệu từng hồ sơ của tỉnh này; số liệu đã công bố cho kỳ này:'
        : `Chưa có số liệu của tỉnh này cho kỳ đã chọn; số liệu công bố gần nhất (${isoPeriodLabel(first.periodFrom, first.periodTo)}):`;
    blocks.push({ kind: 'text', text: intro }, { kind: 'fields', rows: reportedFields(r.reported.rows) });
  }
  const indicators: Field[] = indicatorFields(r.indicators, isoOfDay(r.period.from), isoOfDay(r.period.to));
  if (indicators.length) blocks.push({ kind: 'fields', rows: indicators });
  if (r.reported) blocks.push(sourceNote(r.reported.rows[0]!));
  else if (r.indicators[0]) blocks.push(sourceNote(r.indicators[0]));
  if (!r.computed && !r.reported && indicators.length === 0) blocks.push({ kind: 'text', text: `Chưa có số liệu của tỉnh ${province.name}.` });
  if (r.computed) blocks.push({ kind: 'note', text: TEXT.onTimeRule });
  return reply([...blocks, ...(await freshnessBlocks(ctx, r.moment))]);
}
