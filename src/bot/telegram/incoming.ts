import type { Chat, Message, User, UserFromGetMe } from 'grammy/types';
import type { ChatRef, UserRef } from '../../core/request.js';
import type { IncomingMessage } from '../../core/router.js';
import { callsBot, withoutCall } from '../../understanding/addressing.js';

/** A text message from a person in a private chat or a group (what the bot may answer). */
export type TextMessage = Message & { text: string; from: User };

/** The chat as the core sees it; null for channels (the bot does not answer channel posts). */
export function chatRef(chat: Chat): ChatRef | null {
  if (chat.type === 'private') return { platform: 'telegram', id: String(chat.id), kind: 'private' };
  if (chat.type === 'group' || chat.type === 'supergroup') return { platform: 'telegram', id: String(chat.id), kind: 'group', title: chat.title };
  return null;
}

/** The sender as the core sees it: the Telegram id and the display name of an official. */
export function userRef(user: User): UserRef {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return { id: String(user.id), ...(name ? { name } : {}) };
}

/** Whether the text is a command ("/xa …", "/xa@Bot …"). */
function isCommandText(text: string): boolean {
  return /^\s*[/／]\S/u.test(text);
}

/** The "@Bot" mentions of this bot in a message, as [start, end) ranges of its text. */
function mentionsOfBot(msg: TextMessage, me: UserFromGetMe): [number, number][] {
  const handle = `@${me.username}`.toLowerCase();
  return (msg.entities ?? [])
    .filter(
      (e) =>
        (e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
        (e.type === 'text_mention' && e.user.id === me.id),
    )
    .map((e) => [e.offset, e.offset + e.length]);
}

/** The names a group may call the bot by at the start of a message. */
function callNames(me: UserFromGetMe): string[] {
  return [me.username, me.first_name].filter((n): n is string => typeof n === 'string' && n !== '');
}

/**
 * Whether a message speaks to the bot: any message in a private chat, a reply to one of
 * the bot's own messages, a message that mentions it, or one that starts with "bot" or
 * its name. (In groups with privacy mode on, Telegram only delivers commands, mentions
 * and replies to the bot anyway.)
 */
function isAddressed(msg: TextMessage, me: UserFromGetMe): boolean {
  if (msg.chat.type === 'private') return true;
  if (msg.reply_to_message?.from?.id === me.id) return true;
  return mentionsOfBot(msg, me).length > 0 || callsBot(msg.text, callNames(me));
}

/** The message this one replies to, as the router sees it. */
function quoted(msg: TextMessage, me: UserFromGetMe): IncomingMessage['replyTo'] {
  const q = msg.reply_to_message;
  if (!q) return undefined;
  return { fromBot: q.from?.id === me.id, text: q.text ?? q.caption ?? '' };
}

/** Whether the bot has anything to do with a message: a person's command, or text addressed to it. */
export function isForBot(msg: Message, me: UserFromGetMe): msg is TextMessage {
  if (typeof msg.text !== 'string' || !msg.from || msg.from.is_bot || !chatRef(msg.chat)) return false;
  const m = msg as TextMessage;
  return isCommandText(m.text) || isAddressed(m, me);
}

/**
 * The message as the router takes it. A leading "@Bot" is removed, so "@Bot /xa Yên Phú"
 * and "@Bot 2" read as "/xa Yên Phú" and "2"; in a group so is a leading "bot" or the
 * bot's name ("bot ơi, yên phú" reads as "ơi, yên phú"). The message id and the message it
 * replies to travel with it.
 */
export function toIncoming(msg: TextMessage, me: UserFromGetMe): IncomingMessage {
  let text = msg.text;
  const leading = mentionsOfBot(msg, me).find(([start]) => text.slice(0, start).trim() === '');
  if (leading) text = text.slice(leading[1]);
  if (msg.chat.type !== 'private') text = withoutCall(text, callNames(me));
  const replyTo = quoted(msg, me);
  return {
    text: text.trim(),
    chat: chatRef(msg.chat)!,
    user: userRef(msg.from),
    addressed: isAddressed(msg, me),
    botNames: [me.username],
    messageId: String(msg.message_id),
    ...(replyTo ? { replyTo } : {}),
  };
}
