import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { alertEscalations } from '../alerts/escalations.js';
import { weeklyReportReplies, weeklyScopeOf } from '../reports/weekly-report-replies.js';
import type { WeeklyScope } from '../reports/weekly-report.js';
import { WEEKLY_TEXT } from '../text/charts-messages.js';
import { preferredProvince } from './common.js';
import { isReply } from '../core/reply.js';
import { provinceFor } from './province-for.js';

/** The scope named ("tổ 10", a province), else the chat's own, else the province as /tongquan picks it. */
async function scopeFor(req: CommandRequest, ctx: AppContext): Promise<WeeklyScope | Reply> {
  const dir = await ctx.directory.get();
  const subject = req.args.trim();
  const group = /^(?:tổ|to)(?:\s+công tác|\s+cong tac)?\s*(?:số|so)?\s*(\d{1,3})$/iu.exec(subject);
  if (group) {
    const preferred = await preferredProvince(ctx);
    const g = [...dir.workingGroups.values()].find((x) => x.number === Number(group[1]) && (!preferred || x.provinceId === preferred.id));
    if (!g) return userError(`Không có tổ công tác số ${group[1]}.`, WEEKLY_TEXT.example);
    return { kind: 'group', group: g, province: dir.provinces.get(g.provinceId)! };
  }
  if (!subject) {
    const own = await weeklyScopeOf(ctx, req.access);
    if (own) return own;
  }
  const province = await provinceFor(ctx, subject, WEEKLY_TEXT.example, (p) => `/baocaotuan ${p.name}`, req.access);
  return isReply(province) ? province : { kind: 'province', province };
}

/**
 * /baocaotuan [tỉnh | tổ N]: the weekly leaders' report now: last week against the week
 * before, the best and worst communes, what escalated, and the overdue trend chart; the
 * ranking chart is one choice away (the Monday schedule sends it as a second message).
 */
export async function baocaotuanHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const scope = await scopeFor(req, ctx);
  if (isReply(scope)) return scope;
  const [first] = await weeklyReportReplies(ctx, scope, alertEscalations(ctx.store, () => ctx.directory.get()));
  const where = scope.kind === 'group' ? `tổ ${scope.group.number}` : scope.province.name;
  return { ...first!, choices: { prompt: WEEKLY_TEXT.rankingPrompt, options: [{ label: WEEKLY_TEXT.rankingChoice, command: `/bieudo trực tuyến ${where} tuần trước` }] } };
}
