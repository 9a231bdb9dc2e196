import { provincePolicy, savePolicy } from '../alerts/alert-store.js';
import { parseThresholds } from '../alerts/policy.js';
import { actorOf, auditChange, auditDenied } from '../alerts/request-chat.js';
import { provinceOfAccess } from '../access/permissions.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { ALERT_TEXT, POLICY_EXAMPLE } from '../text/alerts-messages.js';
import { preferredProvince } from './common.js';

/**
 * /chinhsach [tỉnh] [a b c]: the province's escalation policy; administrators change it with
 * three working-day thresholds (levels 1, 2, 3).
 */
export async function chinhsachHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const dir = await ctx.directory.get();
  const m = /^(.*?)\s*((?:\d+[\s,;/-]+){2,}\d+|\d+(?:\s+\d+)?)?$/u.exec(req.args.trim());
  const name = (m?.[1] ?? '').trim();
  const numbers = m?.[2]?.trim() ?? '';
  const province = name ? dir.findProvince(name) : (dir.provinces.get(provinceOfAccess(req.access, dir) ?? -1) ?? (await preferredProvince(ctx)));
  if (!province) return userError(name ? `Không tìm thấy tỉnh "${name}".` : ALERT_TEXT.policyNoProvince, POLICY_EXAMPLE);
  if (numbers) {
    if (!req.access.isAdmin) {
      await auditDenied(ctx, req, '/chinhsach (edit)');
      return { status: 'denied', blocks: [{ kind: 'text', text: ALERT_TEXT.policyAdminOnly }] };
    }
    const parsed = parseThresholds(numbers);
    if ('error' in parsed) return userError(ALERT_TEXT.policyErrors[parsed.error]!, POLICY_EXAMPLE);
    await savePolicy(ctx.store, province.id, parsed.thresholds, actorOf(req), req.now);
    await auditChange(ctx, req, 'policy_changed', `province:${province.id} ${parsed.thresholds.join(',')}`);
  }
  const policy = await provincePolicy(ctx.store, province.id);
  return reply([
    ...(numbers ? [{ kind: 'text' as const, text: ALERT_TEXT.policySaved }] : []),
    { kind: 'title', text: ALERT_TEXT.policyTitle(province.name) },
    { kind: 'fields', rows: ALERT_TEXT.policyRows(policy.thresholds) },
    ...(policy.custom ? [] : [{ kind: 'note' as const, text: ALERT_TEXT.policyDefault }]),
    { kind: 'note', text: ALERT_TEXT.policyKeep },
    ...(req.access.isAdmin ? [{ kind: 'note' as const, text: POLICY_EXAMPLE }] : []),
  ]);
}
