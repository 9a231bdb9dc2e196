import type { ChatRef, UserRef } from '../../core/request.js';
import type { IncomingMessage } from '../../core/router.js';
import type { ZaloBotInfo, ZaloChat, ZaloUser } from './types.js';
import type { ReceivedUpdate } from './updates.js';

/** What the bot does with an update. */
export type IncomingAction =
  /** Hand the message to the router. */
  | { kind: 'route'; message: IncomingMessage }
  /** A picture, sticker or voice note in a private chat: say that the bot reads text. */
  | { kind: 'hint'; chat: ChatRef }
  /** Nothing: a sticker in a group, a withheld message, another bot. */
  | { kind: 'quiet' };

/** The chat as the core sees it. */
export function chatRef(chat: ZaloChat): ChatRef {
  return { platform: 'zalo', id: chat.id, kind: chat.chat_type === 'GROUP' ? 'group' : 'private' };
}

/** The sender as the core sees it: the Zalo user id and display name of an official. */
export function userRef(user: ZaloUser): UserRef {
  const name = user.display_name ?? user.name;
  return { id: user.id, ...(name ? { name } : {}) };
}

/** The names a group may @mention the bot by (its display name, its account name). */
export function botNames(me: ZaloBotInfo | null): string[] {
  const names = [me?.display_name, me?.account_name].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return [...new Set(names.map((n) => n.trim()))].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes the bot's @mention from a group message. Known names are removed wherever they
 * stand ("@Bot Haicap /xa Yên Phú", "/xa Yên Phú @Bot Haicap"). A leading mention of a
 * name the bot does not know (a display name may hold spaces) is removed up to the
 * command it introduces, or down to a bare number answering an offer; anything else
 * after it cannot be told apart from the name, so it reads as a mention alone.
 */
export function stripMention(text: string, names: readonly string[]): { text: string; mentioned: boolean } {
  let rest = text;
  let mentioned = false;
  for (const name of names) {
    const re = new RegExp(`(^|\\s)@${escapeRegExp(name)}(?=$|[\\s,:;.!?])[,:;]?`, 'giu');
    const next = rest.replace(re, '$1');
    if (next !== rest) mentioned = true;
    rest = next;
  }
  rest = rest.trim();
  if (mentioned || !rest.startsWith('@')) return { text: rest, mentioned };
  const command = /\s([/／]\S[\s\S]*)$/u.exec(rest);
  if (command) return { text: command[1]!.trim(), mentioned: true };
  const number = /\s(\d{1,3})\s*$/.exec(rest);
  if (number) return { text: number[1]!, mentioned: true };
  return { text: '', mentioned: true };
}

/**
 * Decides what to do with an update. In groups Zalo delivers only messages that mention
 * the bot or reply to it, so every message that arrives is addressed to the bot; a
 * message that is only the mention asks for help.
 */
export function toAction(update: ReceivedUpdate, names: readonly string[]): IncomingAction {
  const m = update.message;
  if (m.from.is_bot) return { kind: 'quiet' };
  const chat = chatRef(m.chat);
  if (update.event === 'message.unsupported.received') return { kind: 'quiet' };
  if (update.event !== 'message.text.received' || typeof m.text !== 'string') {
    return chat.kind === 'private' ? { kind: 'hint', chat } : { kind: 'quiet' };
  }
  const { text, mentioned } = stripMention(m.text, names);
  const routed = text === '' && mentioned ? '/giup' : text;
  if (routed === '') return { kind: 'quiet' };
  return { kind: 'route', message: { text: routed, chat, user: userRef(m.from), addressed: true, botNames: names, messageId: m.message_id } };
}
