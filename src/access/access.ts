import type { AdminId } from '../config/env-access.js';
import type { ChatRef, UserRef } from '../core/request.js';
import type { Store } from '../data/store.js';
import { activeBinding, type Binding } from './bindings.js';
import type { Role } from './roles.js';

/** What a message's chat and sender may see and do. */
export interface Access {
  /** The chat's role; null for a chat nobody registered. */
  role: Role | null;
  /** The unit of the role: commune, department, working group or province id. */
  unitId: number | null;
  /** The sender is an administrator (ADMIN_IDS; the console user by default). */
  isAdmin: boolean;
  /** The binding the role comes from, when it comes from one. */
  binding: Binding | null;
}

/** A role given on the command line (`npm run ask -- --as …`), console only. */
export interface ActAs {
  role: Role | null;
  unitId: number | null;
  isAdmin: boolean;
}

/** Whether a platform user is one of the configured administrators. */
function isAdminUser(admins: readonly AdminId[], chat: ChatRef, user: UserRef): boolean {
  if (chat.platform === 'console') return true;
  return admins.some((a) => a.platform === chat.platform && a.userId === user.id);
}

/**
 * The access of a message: the chat's binding decides its role; an administrator's own
 * private chat without a binding acts as admin; anything else is unregistered. A chat
 * never holds the administrator role itself (a binding with that role counts as none):
 * administrators are people.
 */
export async function resolveAccess(store: Store, admins: readonly AdminId[], chat: ChatRef, user: UserRef, actAs?: ActAs): Promise<Access> {
  if (actAs && chat.platform === 'console') return { ...actAs, binding: null };
  const isAdmin = isAdminUser(admins, chat, user);
  const found = await activeBinding(store, { platform: chat.platform, chatId: chat.id });
  const binding = found && found.role !== 'admin' ? found : null;
  if (binding) return { role: binding.role, unitId: binding.unitId, isAdmin, binding };
  if (isAdmin && chat.kind === 'private') return { role: 'admin', unitId: null, isAdmin, binding: null };
  return { role: null, unitId: null, isAdmin, binding: null };
}
