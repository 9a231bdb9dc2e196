import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import { auditWithin } from './audit.js';
import { bindChatWithin, chatRef } from './bindings.js';
import { decideRequestWithin, requestByCode, type Registration } from './registrations.js';

/** What became of a decision on a registration request. */
export type RegistrationDecision =
  | { kind: 'not_found'; code: string }
  /** Decided before (by anyone), or just now by someone else. */
  | { kind: 'already'; request: Registration }
  /** Decided now as asked; `request` holds the decision. */
  | { kind: 'decided'; request: Registration };

export interface DecisionInput {
  code: string;
  approve: boolean;
  /** The administrator's words to the requester (rejections); kept with the request, never in the audit log. */
  reason: string | null;
  /** "<platform>:<user id>" of the administrator. */
  actor: string;
  now: Date;
  /** What the requesting chat is told. */
  told: (request: Registration) => Reply;
}

/**
 * Approves or rejects a pending registration request as one transaction: the decision is
 * recorded, the chat bound to its role (on approval), the audit entry written and the
 * requester's notice stored, or none of it. Then the notice is handed to its channel and
 * the decision is withdrawn from every administrator's chat, so a bare number no longer
 * answers it.
 */
export async function decideRegistration(ctx: AppContext, input: DecisionInput): Promise<RegistrationDecision> {
  const request = await requestByCode(ctx.store, input.code);
  if (!request) return { kind: 'not_found', code: input.code.trim().toUpperCase() };
  if (request.status !== 'pending') return { kind: 'already', request };
  const status = input.approve ? 'approved' : 'rejected';
  const done = await ctx.store.sql.transaction(async (tx) => {
    if (!(await decideRequestWithin(tx, request.id, status, input.actor, input.reason, input.now))) return false;
    if (input.approve) await bindChatWithin(tx, request, request.role, request.unitId, input.actor, input.now);
    await auditWithin(tx, {
      at: input.now,
      actor: input.actor,
      chat: chatRef(request),
      action: input.approve ? 'registration_approved' : 'registration_rejected',
      detail: input.approve ? `${request.code} ${request.role} ${request.unitId ?? ''}`.trim() : `${request.code}${input.reason ? ' (có lý do)' : ''}`,
    });
    await ctx.notices.record(tx, {
      platform: request.platform as Platform,
      chatId: request.chatId,
      isGroup: request.isGroup,
      key: `registration-decided:${request.code}`,
      reply: input.told(request),
    });
    return true;
  });
  if (!done) return { kind: 'already', request: { ...request, status } };
  await ctx.notices.decided(request.code);
  await ctx.notices.flush(request.platform as Platform);
  return { kind: 'decided', request: { ...request, status, reason: input.reason } };
}
