import { provinceOfAccess } from '../access/permissions.js';
import type { AppContext } from '../core/context.js';
import type { Block, Field, Reply } from '../core/reply.js';
import { isReply, reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { groupReport } from '../reports/group-report.js';
import { formatNumber, formatPercent, formatPercentValue, formatRate } from '../text/format.js';
import { TEXT } from '../text/messages.js';
import { figureFields, isoPeriodLabel } from './figure-blocks.js';
import { freshnessBlocks, preferredProvince, subjectAndPeriod } from './common.js';

/**
 * /to <số tổ> [kỳ]: a working group's communes: totals, each commune's online and on-time
 * rates, and the means across communes that provincial reports quote (online rate,
 * on-time rate, public-investment disbursement).
 */
export async function toHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const parsed = subjectAndPeriod(req.args, req.now);
  if (isReply(parsed)) return parsed;
  const dir = await ctx.directory.get();
  // In a working group's own chat, "/to" alone means that group.
  const ownGroup = !parsed.subject && req.access.role === 'working_group' && req.access.unitId !== null ? dir.workingGroups.get(req.access.unitId) : undefined;
  const subject = ownGroup ? String(ownGroup.number) : parsed.subject;
  const m = /^(?:(?:tổ|to|số|so)\s*)*(\d{1,3})$/iu.exec(subject.trim());
  if (!m) return userError(parsed.subject ? TEXT.groupNumberBad(parsed.subject) : TEXT.groupNumberMissing, TEXT.groupExample);
  const number = Number(m[1]);
  const ownProvince = provinceOfAccess(req.access, dir);
  const preferred = ownProvince !== null ? dir.provinces.get(ownProvince) ?? null : await preferredProvince(ctx);
  const groups = ownGroup ? [ownGroup] : [...dir.workingGroups.values()].filter((g) => g.number === number && (!preferred || g.provinceId === preferred.id));
  if (groups.length === 0) return userError(TEXT.groupNotFound(String(number)), TEXT.groupExample);
  if (groups.length > 1)
    return {
      status: 'user_error',
      blocks: [{ kind: 'text', text: TEXT.whichGroupProvince(number) }],
      choices: {
        prompt: TEXT.pickNumber(groups.length),
        options: groups.map((g) => ({ label: dir.provinces.get(g.provinceId)?.name ?? String(g.provinceId), command: `/to ${number} ${parsed.periodText}`.trim() })),
      },
    };
  const r = await groupReport(ctx, groups[0]!, parsed.period);
  const names = r.members.map((x) => x.commune.name).join(', ');
  const blocks: Block[] = [
    { kind: 'title', text: TEXT.groupTitle(r.group.number, r.province?.name ?? null) },
    { kind: 'text', text: TEXT.groupLeader(r.group.leaderTitle, r.group.leaderName, formatNumber(r.members.length), names) },
    { kind: 'text', text: `Kỳ: ${r.period.label}` },
  ];
  const means: Field[] = [];
  if (r.meanOnlineRate !== null) means.push({ label: 'Tỷ lệ tiếp nhận trực tuyến bình quân các xã', value: formatPercent(r.meanOnlineRate) });
  if (r.meanOnTimeRate !== null) {
    const lowest = r.members.filter((x) => x.onTimeRate !== null).sort((a, b) => a.onTimeRate! - b.onTimeRate!)[0];
    means.push({
      label: 'Tỷ lệ giải quyết đúng hạn bình quân',
      value: `${formatPercent(r.meanOnTimeRate)}${lowest ? ` (thấp nhất: ${lowest.commune.name}, ${formatPercent(lowest.onTimeRate!)})` : ''}`,
    });
  }
  const disb = r.members.find((x) => x.disbursement)?.disbursement;
  if (r.meanDisbursement !== null && disb)
    means.push({ label: 'Giải ngân vốn đầu tư công bình quân', value: `${formatPercentValue(r.meanDisbursement)} (${isoPeriodLabel(disb.periodFrom, disb.periodTo)})` });
  if (means.length) blocks.push({ kind: 'fields', rows: means });
  blocks.push({ kind: 'text', text: TEXT.groupTotals }, { kind: 'fields', rows: figureFields(r.totals, r.backlog, r.moment) });
  blocks.push({
    kind: 'list',
    heading: TEXT.groupEachCommune,
    items: r.members.map((x) => {
      const parts = [
        `trực tuyến ${formatRate(x.figures.received.online, x.figures.received.total)}`,
        `đúng hạn ${x.onTimeRate === null ? '—' : formatPercent(x.onTimeRate)}`,
        `quá hạn ${formatNumber(x.backlog.overdue)}`,
      ];
      if (x.disbursement?.value != null) parts.push(`giải ngân ${formatPercentValue(x.disbursement.value)}`);
      return `${x.commune.name}: ${parts.join(', ')}`;
    }),
  });
  blocks.push({ kind: 'note', text: TEXT.onTimeRule });
  return reply([...blocks, ...(await freshnessBlocks(ctx, r.moment))]);
}
