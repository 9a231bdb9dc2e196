import { audit } from '../access/audit.js';
import type { AppContext } from '../core/context.js';
import type { CommandRequest } from '../core/request.js';
import { chatKey, type AlertChat } from './chats.js';

/** The chat of a request as the alerts know it (null for a chat without a role). */
export function alertChatOf(req: CommandRequest): AlertChat | null {
  if (req.access.role === null) return null;
  return {
    key: chatKey(req.chat.platform, req.chat.id),
    platform: req.chat.platform,
    chatId: req.chat.id,
    isGroup: req.chat.kind === 'group',
    role: req.access.role,
    unitId: req.access.unitId,
    title: req.chat.title ?? null,
  };
}

/** "telegram:123": who did it, for the audit log and the alerts' tables. */
export function actorOf(req: CommandRequest): string {
  return `${req.chat.platform}:${req.user.id}`;
}

/** Records a refusal in another chat's scope. */
export async function auditDenied(ctx: AppContext, req: CommandRequest, detail: string): Promise<void> {
  await audit(ctx.store, { at: req.now, actor: actorOf(req), chat: chatKey(req.chat.platform, req.chat.id), action: 'denied', detail });
}

/** Records a change the alerts made. */
export async function auditChange(ctx: AppContext, req: CommandRequest, action: 'schedule_changed' | 'policy_changed' | 'acknowledged' | 'silenced' | 'unsilenced', detail: string): Promise<void> {
  await audit(ctx.store, { at: req.now, actor: actorOf(req), chat: chatKey(req.chat.platform, req.chat.id), action, detail });
}
