import { audit } from '../access/audit.js';
import { activeBinding, chatRef } from '../access/bindings.js';
import { fileRequest } from '../access/registrations.js';
import { parseRole, ROLE_LABEL, ROLE_WORD, type Role } from '../access/roles.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { isReply, reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { TEXT } from '../text/messages.js';
import { adminNoticeTargets } from './notify-admins.js';
import { resolveRoleUnit } from './role-unit.js';

/**
 * /dangky <vai trò> <đơn vị>: a chat asks to be given a role. Administrators are told in
 * their private chats, with buttons (or numbered options) to approve or reject; a chat
 * with a pending request does not file a second one.
 */
export async function dangkyHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const parsed = parseRole(req.args);
  if (!parsed) return userError(req.args ? TEXT.roleUnknown(req.args) : TEXT.roleMissing, TEXT.registerExample);
  // Administrators are people (ADMIN_IDS); a chat can at most be a leaders' chat.
  if (parsed.role === 'admin') return userError(TEXT.adminNotForChats, TEXT.registerExample);
  const role: Role = parsed.role;
  const unit = await resolveRoleUnit(ctx, role, parsed.rest, (u) => `/dangky ${ROLE_WORD[role]} ${u}`, TEXT.registerExample);
  if (isReply(unit)) return unit;

  const chat = { platform: req.chat.platform, chatId: req.chat.id, chatTitle: req.chat.title ?? null, isGroup: req.chat.kind === 'group' };
  const current = await activeBinding(ctx.store, chat);
  if (current && current.role === role && current.unitId === unit.unitId) return reply([{ kind: 'text', text: TEXT.alreadyBound(ROLE_LABEL[role], unit.label) }]);

  const { request, created } = await fileRequest(ctx.store, chat, { id: req.user.id, name: req.user.name ?? null }, role, unit.unitId, req.now);
  if (!created) return reply([{ kind: 'text', text: TEXT.requestPending(request.code) }]);
  await audit(ctx.store, {
    at: req.now,
    actor: `${req.chat.platform}:${req.user.id}`,
    chat: chatRef(chat),
    action: 'registration_requested',
    detail: `${request.code} ${role} ${unit.unitId ?? ''}`.trim(),
  });
  const who = req.user.name ? `${req.user.name} (${req.chat.platform}:${req.user.id})` : `${req.chat.platform}:${req.user.id}`;
  const where = req.chat.kind === 'group' ? `nhóm "${req.chat.title ?? req.chat.id}"` : 'trò chuyện riêng';
  const notice: Reply = {
    status: 'ok',
    blocks: [
      { kind: 'title', text: TEXT.requestTitle(request.code) },
      {
        kind: 'fields',
        rows: [
          { label: 'Nơi gửi', value: `${where} (${chatRef(chat)})` },
          { label: 'Người gửi', value: who },
          { label: 'Vai trò xin', value: `${ROLE_LABEL[role]}: ${unit.label}` },
        ],
      },
    ],
    choices: {
      prompt: TEXT.requestDecide(request.code),
      options: [
        { label: 'Duyệt', command: `/duyet ${request.code}` },
        { label: 'Từ chối', command: `/tuchoi ${request.code}` },
      ],
    },
  };
  const decision = { ref: request.code, label: `${request.code}: ${ROLE_LABEL[role]} ${unit.label} · ${where} (${chatRef(chat)})` };
  for (const target of adminNoticeTargets(ctx)) {
    await ctx.notices.notify({ ...target, reply: notice, decision, key: `registration:${request.code}:${target.platform}:${target.chatId}` });
  }
  return reply([{ kind: 'text', text: TEXT.requestFiled(request.code, ROLE_LABEL[role], unit.label) }]);
}
