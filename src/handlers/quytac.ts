import { audit } from '../access/audit.js';
import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { departmentName } from '../hotline/cards.js';
import { provinceRules } from '../hotline/department-store.js';
import { leadingDepartment } from '../hotline/find-department.js';
import { hotlineProvince } from '../hotline/province.js';
import { routeText } from '../hotline/routing.js';
import { textKey } from '../hotline/text-key.js';
import { foldKey } from '../names/keys.js';
import { HOTLINE_TEXT as H } from '../text/hotline-messages.js';

const ADD = ['them', 'add', 'cong'];
const REMOVE = ['bo', 'xoa', 'remove', 'go'];
const TRY = ['thu', 'test', 'kiemtra'];

/**
 * /quytac (administrators): the keyword → department rules that route recommendations.
 * Alone (or with a province), lists them; "them <từ khóa> = <sở>" adds one, "bo <từ khóa>
 * [= <sở>]" removes, "thu <nội dung>" shows where a text would go.
 */
export async function quytacHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const [verb = '', ...restWords] = req.args.split(/\s+/).filter(Boolean);
  const v = foldKey(verb).replace(/ /g, '');
  const rest = restWords.join(' ');
  const dir = await ctx.directory.get();
  const isVerb = ADD.includes(v) || REMOVE.includes(v) || TRY.includes(v);
  const province = await hotlineProvince(ctx, req.access, isVerb ? '' : req.args);
  if (!province) return userError(`Không tìm thấy tỉnh "${req.args}".`, H.rulesUsage);
  const rules = await provinceRules(ctx.store, province.id);
  if (!isVerb) {
    const byDept = new Map<number, string[]>();
    for (const r of rules) byDept.set(r.departmentId, [...(byDept.get(r.departmentId) ?? []), r.keyword]);
    const lines = [...byDept.entries()].sort((a, b) => departmentName(dir, a[0]).localeCompare(departmentName(dir, b[0]), 'vi')).map(([id, kws]) => H.rulesLine(departmentName(dir, id), kws.join(', ')));
    return reply([{ kind: 'title', text: H.rulesTitle(province.name) }, { kind: 'list', items: lines }, { kind: 'note', text: H.rulesHow }]);
  }
  const actor = `${req.chat.platform}:${req.user.id}`;
  if (TRY.includes(v)) {
    if (!rest) return userError(H.rulesUsage);
    const r = routeText(rest, rules);
    return reply([{ kind: 'text', text: r.kind === 'suggested' ? H.ruleTest(departmentName(dir, r.departmentId), r.field) : H.ruleTestAsk }]);
  }
  const [keywordPart = '', deptPart = ''] = rest.split('=').map((s) => s.trim());
  const key = textKey(keywordPart);
  if (!key || keywordPart.length > 100) return userError(H.ruleKeywordBad, H.rulesUsage);
  const dept = deptPart ? leadingDepartment(dir, province.id, deptPart) : null;
  if (deptPart && (!dept || dept.rest)) return userError(H.unknownDepartment(deptPart), H.rulesUsage);
  if (ADD.includes(v)) {
    if (!dept) return userError(H.rulesUsage);
    const added = await ctx.store.sql.run(
      "INSERT INTO routing_rule (province_id, keyword, match_key, department_id, field, origin, created_by, created_at) VALUES (?, ?, ?, ?, NULL, 'admin', ?, ?) ON CONFLICT (province_id, match_key, department_id) DO NOTHING",
      [province.id, keywordPart, key, dept.department.id, actor, req.now],
    );
    if (added === 0) return reply([{ kind: 'text', text: H.ruleExists(keywordPart, dept.department.name) }]);
    await audit(ctx.store, { at: req.now, actor, chat: `${req.chat.platform}:${req.chat.id}`, action: 'routing_rule', detail: `add ${province.code} ${dept.department.code}` });
    return reply([{ kind: 'text', text: H.ruleAdded(keywordPart, dept.department.name, 1) }]);
  }
  const removed = dept
    ? await ctx.store.sql.run('DELETE FROM routing_rule WHERE province_id = ? AND match_key = ? AND department_id = ?', [province.id, key, dept.department.id])
    : await ctx.store.sql.run('DELETE FROM routing_rule WHERE province_id = ? AND match_key = ?', [province.id, key]);
  if (removed === 0) return userError(H.ruleNotFound(keywordPart), H.rulesHow);
  await audit(ctx.store, { at: req.now, actor, chat: `${req.chat.platform}:${req.chat.id}`, action: 'routing_rule', detail: `remove ${province.code} ${removed}` });
  const blocks: Block[] = [{ kind: 'text', text: H.ruleRemoved(keywordPart, removed) }];
  return reply(blocks);
}
