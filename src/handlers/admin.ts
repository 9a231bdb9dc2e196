import { audit, latestAudit } from '../access/audit.js';
import { activeBindings, bindChat, chatRef, retireBinding } from '../access/bindings.js';
import { decideRegistration, type RegistrationDecision } from '../access/decide-registration.js';
import { pendingRequests, type Registration } from '../access/registrations.js';
import { parseRole, ROLE_LABEL, ROLE_WORD } from '../access/roles.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { isReply, reply, userError } from '../core/reply.js';
import type { CommandRequest, Platform } from '../core/request.js';
import { formatDateTime } from '../text/format.js';
import { IMPORT_HARDENING_TEXT as H } from '../text/import-messages.js';
import { TEXT } from '../text/messages.js';
import { parseChatRef } from './admin-chat-ref.js';
import { resolveRoleUnit, unitLabel } from './role-unit.js';

/**
 * The administrators' commands: decide registration requests, bind and revoke chats
 * directly, list bindings, read the audit log. The router lets only administrators in.
 */

const actor = (req: CommandRequest) => `${req.chat.platform}:${req.user.id}`;

/** /duyet [mã]: approves a request; without a code, lists the pending ones. */
export async function duyetHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const dir = await ctx.directory.get();
  if (!req.args) {
    const pending = await pendingRequests(ctx.store);
    if (pending.length === 0) return reply([{ kind: 'text', text: TEXT.noPendingRequests }]);
    return reply([
      {
        kind: 'list',
        heading: TEXT.pendingHeading,
        items: pending.map(
          (r) =>
            `${r.code}: ${ROLE_LABEL[r.role]} ${unitLabel(dir, r.role, r.unitId)} · ${r.chatTitle ?? chatRef(r)} · ${r.requesterName ?? r.requesterId} · ${formatDateTime(r.createdAt)}`,
        ),
      },
      { kind: 'note', text: TEXT.pendingHow },
    ]);
  }
  const decision = await decideRegistration(ctx, {
    code: req.args.split(/\s+/)[0]!,
    approve: true,
    reason: null,
    actor: actor(req),
    now: req.now,
    told: (r) => reply([{ kind: 'text', text: TEXT.approvedToChat(ROLE_LABEL[r.role], unitLabel(dir, r.role, r.unitId)) }]),
  });
  if (decision.kind !== 'decided') return decisionRefused(decision);
  const r = decision.request;
  return reply([{ kind: 'text', text: TEXT.approved(r.code, chatDescription(r), ROLE_LABEL[r.role], unitLabel(dir, r.role, r.unitId)) }]);
}

/** /tuchoi <mã> [lý do]: rejects a request and tells the chat why. */
export async function tuchoiHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const [first, ...rest] = req.args.split(/\s+/).filter(Boolean);
  if (!first) return userError(TEXT.codeMissing, TEXT.rejectExample);
  const reason = rest.join(' ').slice(0, 300) || null;
  const decision = await decideRegistration(ctx, {
    code: first,
    approve: false,
    reason,
    actor: actor(req),
    now: req.now,
    told: (r) => reply([{ kind: 'text', text: TEXT.rejectedToChat(r.code, reason) }]),
  });
  if (decision.kind !== 'decided') return decisionRefused(decision);
  return reply([{ kind: 'text', text: TEXT.rejected(decision.request.code, chatDescription(decision.request)) }]);
}

/** Why a decision was not taken: no such request, or decided before. */
function decisionRefused(d: Exclude<RegistrationDecision, { kind: 'decided' }>): Reply {
  if (d.kind === 'not_found') return userError(TEXT.requestNotFound(d.code), TEXT.pendingHint);
  return userError(TEXT.requestDecided(d.request.code, TEXT.requestStatus[d.request.status] ?? d.request.status));
}

/** A registration's chat as an approval echoes it: its title, and its id. */
function chatDescription(r: Registration): string {
  return TEXT.requestChat(r.chatTitle, chatRef(r));
}

/** /gan <nhóm> <vai trò> <đơn vị>: binds a chat directly. */
export async function ganHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const [chatText, ...rest] = req.args.split(/\s+/).filter(Boolean);
  if (!chatText) return userError(TEXT.bindMissing, TEXT.bindExample);
  const chat = parseChatRef(chatText, req.chat.platform);
  if (!chat) return userError(TEXT.chatRefBad(chatText), TEXT.bindExample);
  const parsed = parseRole(rest.join(' '));
  if (!parsed) return userError(rest.length ? TEXT.roleUnknown(rest.join(' ')) : TEXT.roleMissing, TEXT.bindExample);
  if (parsed.role === 'admin') return userError(TEXT.adminNotForChats, TEXT.bindExample);
  const unit = await resolveRoleUnit(ctx, parsed.role, parsed.rest, (u) => `/gan ${chatRef(chat)} ${ROLE_WORD[parsed.role]} ${u}`, TEXT.bindExample);
  if (isReply(unit)) return unit;
  await bindChat(ctx.store, { ...chat, chatTitle: null }, parsed.role, unit.unitId, actor(req), req.now);
  await audit(ctx.store, { at: req.now, actor: actor(req), chat: chatRef(chat), action: 'bound', detail: `${parsed.role} ${unit.unitId ?? ''}`.trim() });
  if (chat.platform !== req.chat.platform || chat.chatId !== req.chat.id) {
    await ctx.notices.notify({
      ...chat,
      key: `bound:${chatRef(chat)}:${req.now.getTime()}`,
      reply: reply([{ kind: 'text', text: TEXT.approvedToChat(ROLE_LABEL[parsed.role], unit.label) }]),
    });
  }
  return reply([{ kind: 'text', text: TEXT.bound(chatRef(chat), ROLE_LABEL[parsed.role], unit.label) }]);
}

/** /thuhoi <nhóm>: retires a chat's binding. */
export async function thuhoiHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const chat = req.args ? parseChatRef(req.args, req.chat.platform) : null;
  if (!chat) return userError(req.args ? TEXT.chatRefBad(req.args) : TEXT.revokeMissing, TEXT.revokeExample);
  if (!(await retireBinding(ctx.store, chat, req.now))) return userError(TEXT.notBound(chatRef(chat)), TEXT.bindingsHint);
  await audit(ctx.store, { at: req.now, actor: actor(req), chat: chatRef(chat), action: 'revoked' });
  if (chat.platform !== req.chat.platform || chat.chatId !== req.chat.id) {
    await ctx.notices.notify({ ...chat, key: `revoked:${chatRef(chat)}:${req.now.getTime()}`, reply: reply([{ kind: 'text', text: TEXT.revokedToChat }]) });
  }
  return reply([{ kind: 'text', text: TEXT.revoked(chatRef(chat)) }]);
}

/** /dsnhom: every registered chat with its role and unit. */
export async function dsnhomHandler(_req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const dir = await ctx.directory.get();
  const all = await activeBindings(ctx.store);
  if (all.length === 0) return reply([{ kind: 'text', text: TEXT.noBindings }]);
  return reply([
    {
      kind: 'list',
      heading: TEXT.bindingsHeading(all.length),
      items: all.map((b) => `${chatRef(b)}${b.chatTitle ? ` "${b.chatTitle}"` : ''}: ${ROLE_LABEL[b.role]}, ${unitLabel(dir, b.role, b.unitId)} · từ ${formatDateTime(b.boundAt)}`),
    },
  ]);
}

const ACTION_LABEL: Record<string, string> = {
  registration_requested: 'xin đăng ký',
  registration_approved: 'duyệt đăng ký',
  registration_rejected: 'từ chối đăng ký',
  bound: 'gán vai trò',
  revoked: 'thu hồi',
  retired: 'bot rời nhóm',
  migrated: 'nhóm đổi mã',
  denied: 'bị từ chối lệnh',
  import: 'nhập dữ liệu',
};

/**
 * /nhatky [số mục]: the latest audit entries. Asked in a group (whose members may not be
 * administrators), the log goes to the administrator's private chat as a notice and the
 * group is only told where it went.
 */
export async function nhatkyHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const log = await auditLog(req, ctx);
  if (req.chat.kind !== 'group') return log;
  await ctx.notices.notify({
    platform: req.chat.platform,
    chatId: req.user.id,
    isGroup: false,
    key: `nhatky:${req.chat.platform}:${req.user.id}:${req.now.getTime()}`,
    reply: log,
  });
  return reply([{ kind: 'text', text: H.auditSentPrivately }]);
}

async function auditLog(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const n = /^\d{1,3}$/.test(req.args) ? Math.min(100, Math.max(1, Number(req.args))) : 20;
  const entries = await latestAudit(ctx.store, n);
  if (entries.length === 0) return reply([{ kind: 'text', text: TEXT.noAudit }]);
  return reply([
    {
      kind: 'list',
      heading: `Nhật ký (${entries.length} mục mới nhất):`,
      items: entries.map((e) => `${formatDateTime(e.at)} · ${e.actor} · ${ACTION_LABEL[e.action] ?? e.action}${e.detail ? `: ${e.detail}` : ''}${e.chat ? ` · ${e.chat}` : ''}`),
    },
  ]);
}

