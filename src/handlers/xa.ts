import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { isReply, reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { unitTitle } from '../data/directory.js';
import { communeReport } from '../reports/commune-report.js';
import { formatNumber } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { figureFields, reportedFields, sourceNote } from './figure-blocks.js';
import { findCommune, freshnessBlocks, subjectAndPeriod } from './common.js';

/**
 * /xa <tên hoặc mã xã> [kỳ]: a commune's figures for a period (default: from 01/07/2025 to
 * today), its rank in the province, its working group and its open recommendations.
 */
export async function xaHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const parsed = subjectAndPeriod(req.args, req.now);
  if (isReply(parsed)) return parsed;
  // In a commune's own group, "/xa" alone means that commune.
  const own = !parsed.subject && req.access.role === 'commune' && req.access.unitId !== null ? (await ctx.directory.get()).communes.get(req.access.unitId) : undefined;
  if (!parsed.subject && !own) return userError(TEXT.communeMissing, TEXT.communeExample);
  const found = own ? { commune: own, notes: [] } : await findCommune(ctx, parsed.subject, (code) => `/xa ${code}${parsed.periodText ? ` ${parsed.periodText}` : ''}`);
  if (isReply(found)) return found;

  const r = await communeReport(ctx, found.commune, parsed.period);
  const blocks: Block[] = [
    { kind: 'title', text: `${unitTitle(r.commune)} (${r.province?.name ?? r.commune.provinceName}) · mã ${r.commune.code}` },
    ...found.notes.map((text): Block => ({ kind: 'note', text })),
    { kind: 'text', text: `Kỳ: ${r.period.label}` },
    { kind: 'fields', rows: figureFields(r.figures, r.backlog, r.moment) },
  ];
  const extra: Block[] = [];
  const ranks: string[] = [];
  if (r.onlinePlace) ranks.push(`tỷ lệ trực tuyến ${r.onlinePlace.rank}/${r.rankedOnline}`);
  if (r.onTimePlace) ranks.push(`tỷ lệ đúng hạn ${r.onTimePlace.rank}/${r.rankedOnTime}`);
  const rows = [];
  if (ranks.length) rows.push({ label: 'Xếp hạng trong tỉnh', value: ranks.join(', ') });
  rows.push({
    label: 'Tổ công tác',
    value: r.workingGroup ? `số ${r.workingGroup.number} (tổ trưởng: ${r.workingGroup.leaderTitle} ${r.workingGroup.leaderName})` : 'chưa phân công',
  });
  rows.push({ label: 'Kiến nghị chưa được trả lời', value: formatNumber(r.openRecommendations) });
  extra.push({ kind: 'fields', rows });
  if (r.reported.length) {
    extra.push({ kind: 'text', text: 'Theo báo cáo đã công bố cho kỳ này:' }, { kind: 'fields', rows: reportedFields(r.reported) }, sourceNote(r.reported[0]!));
  }
  const notes: Block[] = [{ kind: 'note', text: TEXT.onTimeRule }];
  if (!r.moment.live) notes.push({ kind: 'note', text: TEXT.historicNote });
  return reply([...blocks, ...extra, ...notes, ...(await freshnessBlocks(ctx, r.moment))]);
}
