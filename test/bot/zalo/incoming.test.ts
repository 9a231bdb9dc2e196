/**
 * Reading Zalo updates: wrapped and flat bodies, numeric ids, unknown events, messages
 * without content; and what the bot does with each (mentions stripped in groups, a bare
 * mention asks for help, stickers get a hint in private chats and nothing in groups).
 */
import { describe, expect, it } from 'vitest';
import { botNames, stripMention, toAction } from '../../../src/bot/zalo/incoming.js';
import { parseUpdate, type ReceivedUpdate } from '../../../src/bot/zalo/updates.js';

const message = (extra: Record<string, unknown> = {}, chatType = 'PRIVATE') => ({
  from: { id: 'u1', display_name: 'Ted', is_bot: false },
  chat: { id: chatType === 'GROUP' ? 'g1' : 'u1', chat_type: chatType },
  text: 'Xin chào',
  message_id: '2d758cb5e222177a4e35',
  date: 1750316131602,
  ...extra,
});

function received(event: string, extra: Record<string, unknown> = {}, chatType = 'PRIVATE'): ReceivedUpdate {
  const p = parseUpdate({ event_name: event, message: message(extra, chatType) });
  if (p.kind !== 'update') throw new Error('not an update');
  return p.update;
}

const NAMES = botNames({ id: '1', account_name: 'bot.VDKyGxQvc', display_name: 'Bot Haicap' });

describe('Zalo updates', () => {
  it('reads the documented wrapped body and the flat one alike', () => {
    const flat = { event_name: 'message.text.received', message: message() };
    const wrapped = { ok: true, result: flat };
    expect(parseUpdate(wrapped)).toEqual(parseUpdate(flat));
    expect(parseUpdate(flat)).toMatchObject({ kind: 'update', update: { event: 'message.text.received', message: { text: 'Xin chào', chat: { id: 'u1' } } } });
  });

  it('turns numeric ids into text and drops fields of the wrong type', () => {
    const p = parseUpdate({ event_name: 'message.text.received', message: message({ message_id: 12345, text: 42, from: { id: 7 }, chat: { id: 8 } }) });
    expect(p).toMatchObject({ kind: 'update', update: { message: { message_id: '12345', from: { id: '7' }, chat: { id: '8' } } } });
    expect((p as { update: ReceivedUpdate }).update.message.text).toBeUndefined();
  });

  it('ignores unknown events and messages it cannot answer, without failing', () => {
    expect(parseUpdate({ event_name: 'message.reaction.received', message: message() })).toMatchObject({ kind: 'ignored', reason: 'unknown_event', messageId: '2d758cb5e222177a4e35' });
    expect(parseUpdate({})).toMatchObject({ kind: 'ignored', reason: 'unknown_event' });
    expect(parseUpdate({ ok: true, result: {} })).toMatchObject({ kind: 'ignored', reason: 'unknown_event' });
    expect(parseUpdate({ event_name: 'message.text.received' })).toMatchObject({ kind: 'ignored', reason: 'no_message' });
    expect(parseUpdate({ event_name: 'message.text.received', message: { message_id: 'x' } })).toMatchObject({ kind: 'ignored', reason: 'no_message' });
  });
});

describe('Zalo mentions', () => {
  it('strips the bot’s known names wherever they stand', () => {
    expect(stripMention('@Bot Haicap /xa Yên Phú', NAMES)).toEqual({ text: '/xa Yên Phú', mentioned: true });
    expect(stripMention('/xa Yên Phú @Bot Haicap', NAMES)).toEqual({ text: '/xa Yên Phú', mentioned: true });
    expect(stripMention('@bot haicap: 2', NAMES)).toEqual({ text: '2', mentioned: true });
    expect(stripMention('@bot.VDKyGxQvc /giup', NAMES)).toEqual({ text: '/giup', mentioned: true });
  });

  it('with an unknown name, keeps the command or the number after a leading mention', () => {
    expect(stripMention('@Bot Cửa Hàng /xa Thượng Cốc', [])).toEqual({ text: '/xa Thượng Cốc', mentioned: true });
    expect(stripMention('@Bot Cửa Hàng 3', [])).toEqual({ text: '3', mentioned: true });
    expect(stripMention('@Bot Cửa Hàng', [])).toEqual({ text: '', mentioned: true });
    expect(stripMention('/xa Yên Phú', [])).toEqual({ text: '/xa Yên Phú', mentioned: false });
  });
});

describe('What the Zalo bot does with an update', () => {
  it('routes text, addressed, with the mention stripped in groups', () => {
    expect(toAction(received('message.text.received', { text: '@Bot Haicap /xa Yên Phú' }, 'GROUP'), NAMES)).toEqual({
      kind: 'route',
      message: { text: '/xa Yên Phú', chat: { platform: 'zalo', id: 'g1', kind: 'group' }, user: { id: 'u1', name: 'Ted' }, addressed: true, botNames: NAMES, messageId: '2d758cb5e222177a4e35' },
    });
  });

  it('answers a message that is only a mention with help', () => {
    expect(toAction(received('message.text.received', { text: '@Bot Haicap' }, 'GROUP'), NAMES)).toMatchObject({ kind: 'route', message: { text: '/giup' } });
  });

  it('gives a hint for stickers, pictures and voice in a private chat, nothing in a group', () => {
    for (const event of ['message.sticker.received', 'message.image.received', 'message.voice.received']) {
      expect(toAction(received(event, { text: undefined }), NAMES)).toMatchObject({ kind: 'hint' });
      expect(toAction(received(event, { text: undefined }, 'GROUP'), NAMES)).toEqual({ kind: 'quiet' });
    }
  });

  it('says nothing to withheld messages, other bots or empty text', () => {
    expect(toAction(received('message.unsupported.received', { text: undefined }), NAMES)).toEqual({ kind: 'quiet' });
    expect(toAction(received('message.text.received', { from: { id: 'b', is_bot: true } }), NAMES)).toEqual({ kind: 'quiet' });
    expect(toAction(received('message.text.received', { text: '   ' }), NAMES)).toEqual({ kind: 'quiet' });
  });
});
