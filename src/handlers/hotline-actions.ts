import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { answerRecommendation, askBack, closeRecommendation, loadForChat, moveRecommendation, reopenRecommendation, type ActionResult } from '../hotline/actions.js';
import { communesLabel, departmentName, dueText } from '../hotline/cards.js';
import { parseRecommendationCode } from '../hotline/codes.js';
import { leadingDepartment, provinceDepartments } from '../hotline/find-department.js';
import { refusalReply, refusedReply } from '../hotline/replies.js';
import { HOTLINE_TEXT as H } from '../text/hotline-messages.js';

/**
 * The steps of a recommendation after it is raised: /traloi (answer, or the commune's
 * reply to a question), /hoilai (ask back), /xong (solved), /chuagiaiquyet (reopen),
 * /chuyen (hand over, or pick the department). Each reads "<mã> <text>", runs its use
 * case (src/hotline/actions.ts) and words the outcome.
 */

type Parsed = { code: string; rest: string } | { reply: Reply };

function codeAndRest(req: CommandRequest, example: string): Parsed {
  const [first, ...rest] = req.args.split(/\s+/).filter(Boolean);
  if (!first) return { reply: userError(H.codeMissing(req.command, example)) };
  // "KN 0042 …" is one code typed with a space.
  const joined = /^kn$/i.test(first) && rest[0] && /^\d+$/.test(rest[0]) ? `${first}-${rest.shift()}` : first;
  const code = parseRecommendationCode(joined.replace(/[,:;.]+$/, ''));
  if (!code) return { reply: userError(H.codeBad(joined), example) };
  return { code, rest: rest.join(' ').trim() };
}

function withMasked(r: Extract<ActionResult, { kind: 'done' }>, text: string): Reply {
  const blocks: Block[] = [{ kind: 'text', text }];
  if (r.masked.length) blocks.push({ kind: 'text', text: H.masked(r.masked) });
  return reply(blocks);
}

async function refused(ctx: AppContext, req: CommandRequest, r: ActionResult): Promise<Reply | null> {
  return refusedReply(r, await ctx.directory.get(), req.access);
}

/** /traloi <mã> <nội dung> (on Telegram also a reply to the bot's message about the item). */
export async function traloiHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const p = codeAndRest(req, '/traloi KN-0042 Sở đã cấp lại tài khoản, xã đăng nhập lại');
  if ('reply' in p) return p.reply;
  if (!p.rest) return userError(H.textMissing('traloi', p.code, 'nội dung'));
  const r = await answerRecommendation(ctx, req, p.code, p.rest);
  const no = await refused(ctx, req, r);
  if (no || r.kind !== 'done') return no!;
  const dir = await ctx.directory.get();
  if (r.relation === 'commune') return withMasked(r, H.repliedDone(p.code, departmentName(dir, r.item.departmentId), dueText(r.item)));
  return withMasked(r, H.answeredDone(p.code, communesLabel(r.item, dir)));
}

/** /hoilai <mã> <câu hỏi>. */
export async function hoilaiHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const p = codeAndRest(req, '/hoilai KN-0042 Xã gửi ảnh chụp màn hình lỗi');
  if ('reply' in p) return p.reply;
  if (!p.rest) return userError(H.textMissing('hoilai', p.code, 'câu hỏi'));
  const r = await askBack(ctx, req, p.code, p.rest);
  const no = await refused(ctx, req, r);
  if (no || r.kind !== 'done') return no!;
  return withMasked(r, H.askedDone(p.code, communesLabel(r.item, await ctx.directory.get())));
}

/** /xong <mã>. */
export async function xongHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const p = codeAndRest(req, '/xong KN-0042');
  if ('reply' in p) return p.reply;
  const r = await closeRecommendation(ctx, req, p.code);
  const no = await refused(ctx, req, r);
  if (no || r.kind !== 'done') return no!;
  return reply([{ kind: 'text', text: H.closedDone(p.code) }]);
}

/** /chuagiaiquyet <mã> <lý do>. */
export async function chuagiaiquyetHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const p = codeAndRest(req, '/chuagiaiquyet KN-0042 Vẫn chưa đăng nhập được');
  if ('reply' in p) return p.reply;
  if (!p.rest) return userError(H.textMissing('chuagiaiquyet', p.code, 'lý do'));
  const r = await reopenRecommendation(ctx, req, p.code, p.rest);
  const no = await refused(ctx, req, r);
  if (no || r.kind !== 'done') return no!;
  return withMasked(r, H.reopenedDone(p.code, departmentName(await ctx.directory.get(), r.item.departmentId), dueText(r.item)));
}

/** /chuyen <mã> [<sở> <lý do>]: without a department, the departments to pick from. */
export async function chuyenHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const p = codeAndRest(req, '/chuyen KN-0042 Sở Tài chính Nội dung thuộc lĩnh vực ngân sách');
  if ('reply' in p) return p.reply;
  const loaded = await loadForChat(ctx, req, p.code);
  if ('kind' in loaded) return refusalReply(p.code, loaded.refusal, await ctx.directory.get(), req.access);
  const { item, dir } = loaded;
  if (!p.rest) {
    const options = provinceDepartments(dir, item.provinceId)
      .filter((d) => d.id !== item.departmentId)
      .map((d) => ({ label: d.name, command: `/chuyen ${p.code} ${d.code}` }));
    return reply([{ kind: 'text', text: `${H.itemTitle(p.code)}: ${item.content}` }], { choices: { prompt: H.pickDepartment, options } });
  }
  const found = leadingDepartment(dir, item.provinceId, p.rest);
  if (!found) return userError(H.unknownDepartment(p.rest.split(/\s+/).slice(0, 6).join(' ')), `Ví dụ: /chuyen ${p.code} TC Nội dung thuộc lĩnh vực ngân sách`);
  const wasUnrouted = item.status === 'unrouted';
  const r = await moveRecommendation(ctx, req, p.code, found.department, found.rest || null);
  const no = await refused(ctx, req, r);
  if (no || r.kind !== 'done') return no!;
  return withMasked(r, wasUnrouted ? H.routedDone(p.code, found.department.name, dueText(r.item)) : H.movedDone(p.code, found.department.name, dueText(r.item)));
}
