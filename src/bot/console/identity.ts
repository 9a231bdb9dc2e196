import type { ConsoleArgs } from './args.js';
import { DEFAULT_CONSOLE_IDENTITY, type ConsoleIdentity } from './session.js';

/** The chat and user the console acts as, from `--chat` (and, later, `--as`). */
export function consoleIdentity(args: Pick<ConsoleArgs, 'chatId' | 'as'>): ConsoleIdentity {
  if (!args.chatId) return DEFAULT_CONSOLE_IDENTITY;
  return {
    chat: { platform: 'console', id: args.chatId, kind: 'group', title: `Nhóm ${args.chatId}` },
    user: DEFAULT_CONSOLE_IDENTITY.user,
  };
}
