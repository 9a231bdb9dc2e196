import type { Router } from '../../core/router.js';
import type { ChatRef, UserRef } from '../../core/request.js';
import type { Reply } from '../../core/reply.js';
import type { ActAs } from '../../access/access.js';

/** Who the console user is and which chat they act in (`--chat`, `--as`). */
export interface ConsoleIdentity {
  chat: ChatRef;
  user: UserRef;
  /** `--as`: the role to act with instead of the chat's own. */
  actAs?: ActAs;
}

export const DEFAULT_CONSOLE_IDENTITY: ConsoleIdentity = {
  chat: { platform: 'console', id: 'console', kind: 'private', title: 'Bảng điều khiển' },
  user: { id: 'console', name: 'Quản trị viên' },
};

/** Sends one console line through the router; console lines are always addressed to the bot. */
export async function askConsole(router: Router, identity: ConsoleIdentity, text: string): Promise<Reply | null> {
  return router.handle({ text, chat: identity.chat, user: identity.user, addressed: true, ...(identity.actAs ? { actAs: identity.actAs } : {}) });
}
