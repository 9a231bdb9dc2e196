/**
 * The real bot in long-polling mode against the fake Bot API: private chats, groups,
 * buttons, pages edited in place, the command menu, updates it must ignore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import type { CommandSpec } from '../../../src/core/router.js';
import { TEXT } from '../../../src/text/messages.js';
import { openCommand } from '../contract/adapter-contract.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openTelegramTestApp, TelegramHarness, type TestApp } from './harness.js';

let app: TestApp;
let h: TelegramHarness;

beforeAll(async () => {
  app = await openTelegramTestApp();
  h = await TelegramHarness.start({ app });
});
afterAll(async () => {
  await h?.close();
  await app?.dispose();
});

describe(`Telegram long polling (${TEST_DIALECT})`, () => {
  it('answers /xa in a private chat with escaped HTML: a bold title, the published figures', async () => {
    const chat = h.chat();
    await h.say(chat, '/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    const [m, ...rest] = h.server.botMessages(chat.id);
    expect(rest).toEqual([]);
    expect(m!.parseMode).toBe('HTML');
    expect(m!.text).toContain('Tiếp nhận: 390 hồ sơ');
    expect(m!.text).toContain('Trực tuyến: 229 (58,72 %)');
    expect(m!.entities[0]).toMatchObject({ type: 'bold', offset: 0 });
    expect(m!.replyTo).toBeUndefined();
  });

  it('publishes the command menu with Vietnamese descriptions and learns its own name', async () => {
    expect(h.server.commands).toContainEqual({ command: 'xa', description: 'Số liệu hồ sơ của một xã, phường' });
    expect(h.server.commands.map((c) => c.command)).toContain('giup');
    for (const c of h.server.commands) expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
    expect(h.channel.platform.me.username).toBe('HaicapTestBot');
  });

  it('in a group answers "/xa@ThisBot …" quoting the message, and ignores other bots and chatter', async () => {
    const group = h.chat('group');
    const mine = await h.say(group, '/xa@HaicapTestBot Thượng Cốc');
    await h.say(group, '/xa@SomeOtherBot Thượng Cốc');
    await h.say(group, 'chào cả nhà, chiều nay họp lúc 14 giờ');
    const sent = h.server.botMessages(group.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Xã Thượng Cốc');
    expect(sent[0]!.replyTo).toBeGreaterThan(0);
    expect(mine).toBeGreaterThan(0);
  });

  it('in a group treats a reply to its own message, or a mention, as addressed', async () => {
    const group = h.chat('group');
    await h.say(group, '/xa Thượng Cố');
    const offer = h.server.botMessages(group.id).at(-1)!;
    expect(offer.text).toContain('Ý bạn là');
    // A bare number in the group is chatter; the same number as a reply to the bot picks.
    await h.say(group, '1');
    expect(h.server.botMessages(group.id)).toHaveLength(1);
    await h.say(group, '1', { replyTo: offer.message_id });
    expect(h.server.botMessages(group.id).at(-1)!.text).toContain('Xã Thượng Cốc (Phú Thọ) · mã 05293');
    await h.say(group, '@HaicapTestBot /giup');
    expect(h.server.botMessages(group.id).at(-1)!.text).toContain('Các lệnh:');
    // Greetings in a group get silence; a question replying to the bot gets its answer.
    const before = h.server.botMessages(group.id).length;
    await h.say(group, 'xin chào', { replyTo: offer.message_id });
    expect(h.server.botMessages(group.id)).toHaveLength(before);
    await h.say(group, 'còn yên phú tháng 7/2025 thì sao', { replyTo: offer.message_id });
    expect(h.server.botMessages(group.id).at(-1)!.text).toContain('Hiểu là: /xa Yên Phú tháng 7/2025');
  });

  it('offers near names as buttons and answers the one pressed', async () => {
    const chat = h.chat();
    await h.say(chat, '/xa Quyết Thắn');
    const [offer] = h.server.botMessages(chat.id);
    const [button] = offer!.replyMarkup!.inline_keyboard.flat();
    expect(button!.text).toBe('1. Xã Quyết Thắng (Phú Thọ)');
    const q = await h.press(chat, offer!.message_id, button!.callback_data!);
    expect(h.server.callbackAnswer(q)?.answered).toBe(true);
    expect(h.texts(chat)[1]).toContain('Xã Quyết Thắng (Phú Thọ) · mã 05323');
  });

  it('turns pages with ‹ › buttons, editing the message in place', async () => {
    const chat = h.chat();
    await h.say(chat, '/quahan');
    const [page1] = h.server.botMessages(chat.id);
    const row = page1!.replyMarkup!.inline_keyboard.at(-1)!;
    expect(row.map((b) => b.text)).toEqual([TEXT.pageLabel(1, 2), TEXT.pageNext]);
    const firstText = page1!.text;
    const q = await h.press(chat, page1!.message_id, row[1]!.callback_data!);
    expect(h.server.callbackAnswer(q)?.answered).toBe(true);
    const after = h.server.botMessages(chat.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.edits).toBe(1);
    expect(after[0]!.text).not.toBe(firstText);
    expect(after[0]!.replyMarkup!.inline_keyboard.at(-1)!.map((b) => b.text)).toEqual([TEXT.pagePrevious, TEXT.pageLabel(2, 2)]);
    // The label between the arrows does nothing, but is answered.
    const noop = after[0]!.replyMarkup!.inline_keyboard.at(-1)![1]!;
    const q2 = await h.press(chat, page1!.message_id, noop.callback_data!);
    expect(h.server.callbackAnswer(q2)).toEqual({ answered: true });
    expect(h.server.botMessages(chat.id)[0]!.edits).toBe(1);
  });

  it('keeps callback data short and free of names: ids resolved from the store', async () => {
    const chat = h.chat();
    await h.say(chat, '/quahan');
    const buttons = h.server.botMessages(chat.id).flatMap((m) => m.replyMarkup?.inline_keyboard.flat() ?? []);
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) {
      expect(Buffer.byteLength(b.callback_data!, 'utf8')).toBeLessThanOrEqual(64);
      expect(b.callback_data).toMatch(/^[A-Za-z0-9:_-]+$/);
      expect(b.callback_data).not.toContain('quahan');
    }
  });

  it('answers an unknown or foreign button with a short notice and does nothing else', async () => {
    const a = h.chat();
    const b = h.chat();
    await h.say(a, '/quahan');
    await h.say(b, '/giup');
    const next = h.server.botMessages(a.id)[0]!.replyMarkup!.inline_keyboard.at(-1)!.at(-1)!.callback_data!;
    const target = h.server.botMessages(b.id)[0]!.message_id;
    const before = h.server.succeeded('sendMessage').length + h.server.succeeded('editMessageText').length;
    const foreign = await h.press(b, target, next);
    const forged = await h.press(b, target, 'a:AAAAAAAAAAAAAAAA');
    const garbage = await h.press(b, target, 'Thượng Cốc');
    for (const q of [foreign, forged, garbage]) expect(h.server.callbackAnswer(q)).toEqual({ answered: true, text: TEXT.buttonExpired });
    expect(h.server.succeeded('sendMessage').length + h.server.succeeded('editMessageText').length).toBe(before);
  });

  it('quietly ignores stickers, photos, joins and other bots', async () => {
    const group = h.chat('group');
    const from = { id: 77, is_bot: false, first_name: 'A' };
    const chat = { id: group.id, type: 'supergroup', title: group.title };
    const updates = [
      { message: { message_id: 1, date: 0, chat, from, sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } },
      { message: { message_id: 2, date: 0, chat, from, photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }], caption: '/xa Thượng Cốc' } },
      { message: { message_id: 3, date: 0, chat, from, new_chat_members: [{ id: 78, is_bot: false, first_name: 'B' }] } },
      { message: { message_id: 4, date: 0, chat, from: { id: 79, is_bot: true, first_name: 'Bot' }, text: '/xa Thượng Cốc' } },
    ].map((u) => h.server.pushUpdate(u));
    for (const u of updates) await h.whenHandled(u.update_id);
    expect(h.server.botMessages(group.id)).toEqual([]);
    expect(h.logs.records().filter((r) => r.level === 'error')).toEqual([]);
  });

  it('logs neither the token nor what people wrote', () => {
    expect(h.logs.text).not.toContain(h.server.token);
    expect(h.logs.text).not.toContain(h.server.token.split(':')[1]!);
    expect(h.logs.text).not.toContain('Thượng Cốc');
    expect(h.logs.text).not.toContain('chào cả nhà');
  });
});

describe('Telegram replies beyond text', () => {
  let gate: () => void = () => undefined;
  let started: () => void = () => undefined;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const commands: CommandSpec[] = [
    openCommand('cham', async () => {
      started();
      await new Promise<void>((r) => (gate = r));
      return reply([{ kind: 'text', text: 'Xong rồi.' }]);
    }),
    openCommand('bieudo', async () =>
      reply([{ kind: 'title', text: 'Tỷ lệ trực tuyến' }], {
        image: { png, caption: Array.from({ length: 60 }, (_, i) => `Xã số ${i + 1}: ${50 + (i % 40)} %`).join('\n') },
      }),
    ),
  ];
  let h2: TelegramHarness;
  beforeAll(async () => {
    h2 = await TelegramHarness.start({ app, commands, channel: { typingAfterMs: 0 } });
  });
  afterAll(async () => {
    await h2?.close();
  });

  it('shows "typing…" while a command is slow', async () => {
    const chat = h2.chat();
    const running = new Promise<void>((r) => (started = r));
    const u = h2.server.sendText(chat, h2.user(chat.id), '/cham');
    await running;
    await h2.server.waitFor(() => h2.server.succeeded('sendChatAction').some((c) => Number(c.payload.chat_id) === chat.id), 10_000, 'typing');
    expect(h2.server.botMessages(chat.id)).toEqual([]);
    gate();
    await h2.whenHandled(u.update_id);
    expect(h2.texts(chat)).toEqual(['Xong rồi.']);
    const typing = h2.server.succeeded('sendChatAction').find((c) => Number(c.payload.chat_id) === chat.id)!;
    expect(typing.payload.action).toBe('typing');
  });

  it('sends a chart as a photo (multipart) with its caption within 1,024 characters, the rest after it', async () => {
    const chat = h2.chat();
    await h2.say(chat, '/bieudo');
    const [title, photo, ...rest] = h2.server.botMessages(chat.id);
    expect(title!.text).toBe('Tỷ lệ trực tuyến');
    expect(photo!.photo).toEqual(png);
    expect(photo!.text.length).toBeLessThanOrEqual(1024);
    expect(photo!.text.startsWith('Xã số 1: 50 %')).toBe(true);
    const all = [photo!.text, ...rest.map((m) => m.text)].join('\n').split('\n');
    expect(all).toEqual(Array.from({ length: 60 }, (_, i) => `Xã số ${i + 1}: ${50 + (i % 40)} %`));
  });
});
