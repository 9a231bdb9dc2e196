import type { Message, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { isForBot, toIncoming, type TextMessage } from '../../../src/bot/telegram/incoming.js';

const me = { id: 999, is_bot: true, first_name: 'Haicap', username: 'HaicapBot' } as UserFromGetMe;
const person = { id: 7, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn' };
const group = { id: -1001, type: 'supergroup' as const, title: 'Tổ công tác số 10' };
const dm = { id: 7, type: 'private' as const, first_name: 'Lan' };

function message(text: string, extra: Partial<Message> = {}, chat: Message['chat'] = group): Message {
  const entities = [...text.matchAll(/@\w+/g)].map((m) => ({ type: 'mention' as const, offset: m.index!, length: m[0].length }));
  return { message_id: 1, date: 0, chat, from: person, text, ...(entities.length ? { entities } : {}), ...extra } as Message;
}

describe('which messages are for the bot', () => {
  it('every text in a private chat', () => {
    expect(isForBot(message('xin chào', {}, dm), me)).toBe(true);
  });
  it('in a group: commands, replies to the bot, mentions of it — not chatter', () => {
    expect(isForBot(message('/xa Thượng Cốc'), me)).toBe(true);
    expect(isForBot(message('/xa@HaicapBot Thượng Cốc'), me)).toBe(true);
    expect(isForBot(message('2', { reply_to_message: { message_id: 5, date: 0, chat: group, from: me } as unknown as Message['reply_to_message'] }), me)).toBe(true);
    expect(isForBot(message('@haicapbot cho xem số liệu'), me)).toBe(true);
    expect(isForBot(message('chiều nay họp'), me)).toBe(false);
    expect(isForBot(message('@SomeoneElse xem giúp'), me)).toBe(false);
    expect(isForBot(message('2', { reply_to_message: { message_id: 5, date: 0, chat: group, from: person } as unknown as Message['reply_to_message'] }), me)).toBe(false);
  });
  it('never from other bots, channels, or without text', () => {
    expect(isForBot(message('/xa X', { from: { id: 5, is_bot: true, first_name: 'B' } }), me)).toBe(false);
    expect(isForBot(message('/xa X', {}, { id: -100, type: 'channel', title: 'Kênh' }), me)).toBe(false);
    expect(isForBot({ message_id: 1, date: 0, chat: group, from: person, sticker: {} } as Message, me)).toBe(false);
  });
});

describe('toIncoming', () => {
  it('gives the router the chat, the sender and the text without a leading mention', () => {
    const m = message('@HaicapBot /xa Yên Phú') as TextMessage;
    expect(toIncoming(m, me)).toEqual({
      text: '/xa Yên Phú',
      chat: { platform: 'telegram', id: '-1001', kind: 'group', title: 'Tổ công tác số 10' },
      user: { id: '7', name: 'Lan Nguyễn' },
      addressed: true,
      // The bot's own name on Telegram travels with the message ("/xa@HaicapBot").
      botNames: [me.username],
      // The message id travels too: a recommendation raised twice by one message is one.
      messageId: '1',
    });
    expect(toIncoming(message('/giup', {}, dm) as TextMessage, me)).toMatchObject({ text: '/giup', chat: { id: '7', kind: 'private' }, addressed: true });
    expect(toIncoming(message('/giup') as TextMessage, me).addressed).toBe(false);
  });

  it('says which message it replies to, and whether that one is the bot\'s', () => {
    const quoted = { message_id: 5, date: 0, chat: group, from: me, text: 'Kiến nghị KN-0042' } as unknown as Message['reply_to_message'];
    expect(toIncoming(message('Đã xử lý', { reply_to_message: quoted }) as TextMessage, me).replyTo).toEqual({ fromBot: true, text: 'Kiến nghị KN-0042' });
    const fromPerson = { message_id: 6, date: 0, chat: group, from: person, text: 'ý kiến' } as unknown as Message['reply_to_message'];
    expect(toIncoming(message('@HaicapBot ok', { reply_to_message: fromPerson }) as TextMessage, me).replyTo).toEqual({ fromBot: false, text: 'ý kiến' });
  });
});

describe('questions in a group', () => {
  it('a message starting with "bot" or the bot\'s name is addressed, and reaches the router without the call', () => {
    expect(isForBot(message('bot ơi thượng cốc tháng này'), me)).toBe(true);
    expect(isForBot(message('Haicap cho hỏi yên phú'), me)).toBe(true);
    expect(isForBot(message('HaicapBot: qh yen phu'), me)).toBe(true);
    expect(isForBot(message('robot hút bụi'), me)).toBe(false);
    expect(toIncoming(message('Bot ơi, thượng cốc') as TextMessage, me)).toMatchObject({ text: 'ơi, thượng cốc', addressed: true });
    expect(toIncoming(message('HaicapBot: qh yen phu') as TextMessage, me).text).toBe('qh yen phu');
  });

  it('a reply carries the message it quotes and whether the bot wrote it', () => {
    const quote = { message_id: 5, date: 0, chat: group, from: me, text: 'Ý bạn là: 1. Xã Thượng Cốc' } as unknown as Message['reply_to_message'];
    expect(toIncoming(message('1', { reply_to_message: quote }) as TextMessage, me).replyTo).toEqual({ fromBot: true, text: 'Ý bạn là: 1. Xã Thượng Cốc' });
    const other = { message_id: 6, date: 0, chat: group, from: person, caption: 'ảnh' } as unknown as Message['reply_to_message'];
    expect(toIncoming(message('xem', { reply_to_message: other }) as TextMessage, me).replyTo).toEqual({ fromBot: false, text: 'ảnh' });
  });
});
