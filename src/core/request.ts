import type { Access } from '../access/access.js';

/** Which platform a message came from. */
export type Platform = 'console' | 'telegram' | 'zalo';

/** The chat a message came from. */
export interface ChatRef {
  platform: Platform;
  /** Platform chat id as text ("-1001234", a Zalo conversation id, "console"). */
  id: string;
  kind: 'private' | 'group';
  title?: string;
}

/** Who sent it. Only platform ids and display names of officials; never citizens' data. */
export interface UserRef {
  id: string;
  name?: string;
}

/** A parsed command, as handlers receive it. */
export interface CommandRequest {
  /** Canonical command name, without slash ("xa"). */
  command: string;
  /** The free text after the command, trimmed, whitespace collapsed. */
  args: string;
  chat: ChatRef;
  user: UserRef;
  /** The moment the request is answered for (the clock's now). */
  now: Date;
  /** What this chat and sender may see (role, unit, administrator or not). */
  access: Access;
  /** The platform's id of the message in its chat, where it has one: a retried message keeps it. */
  messageId?: string;
}
