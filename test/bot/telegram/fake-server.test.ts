/**
 * The fake Bot API itself: it must refuse what Telegram refuses, or the other tests
 * would prove nothing. Driven through grammY's own client.
 */
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramServer } from '../../fakes/telegram-server.js';

let server: FakeTelegramServer;
let api: Api;
beforeAll(async () => {
  server = await FakeTelegramServer.start();
  api = new Api(server.token, { apiRoot: server.apiRoot, timeoutSeconds: 5 });
});
afterAll(async () => {
  await server?.close();
});

async function refusal(p: Promise<unknown>): Promise<GrammyError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof GrammyError) return err;
    throw err;
  }
  throw new Error('the fake accepted it');
}

describe('fake Telegram Bot API', () => {
  it('knows the bot and refuses a wrong token', async () => {
    expect((await api.getMe()).username).toBe('HaicapTestBot');
    const wrong = new Api('1:wrong', { apiRoot: server.apiRoot });
    expect((await refusal(wrong.getMe())).error_code).toBe(401);
  });

  it('parses HTML like Telegram and refuses broken markup', async () => {
    const m = await api.sendMessage(1, '<b>Xã</b> &amp; <i>phường</i> &lt;3 &#272;', { parse_mode: 'HTML' });
    expect(m.text).toBe('Xã & phường <3 Đ');
    expect(m.entities).toEqual([
      { type: 'bold', offset: 0, length: 2 },
      { type: 'italic', offset: 5, length: 6 },
    ]);
    for (const bad of ['<b>không đóng', 'a < b', '<x>lạ</x>', '<b><i>chéo</b></i>', 'a & b', '&nbsp;', 'a > b']) {
      const e = await refusal(api.sendMessage(1, bad, { parse_mode: 'HTML' }));
      expect(e.description, bad).toContain("can't parse entities");
    }
    expect((await api.sendMessage(1, 'a < b & c', {})).text).toBe('a < b & c');
  });

  it('counts the 4,096 characters after parsing, and refuses empty text', async () => {
    expect((await refusal(api.sendMessage(1, 'x'.repeat(4097)))).description).toContain('message is too long');
    expect((await api.sendMessage(1, '&amp;'.repeat(4096), { parse_mode: 'HTML' })).text).toHaveLength(4096);
    expect((await refusal(api.sendMessage(1, '<b> </b>', { parse_mode: 'HTML' }))).description).toContain('text is empty');
  });

  it('refuses callback data over 64 bytes (Vietnamese letters take 2–3 bytes) and bad keyboards', async () => {
    const name = 'Thượng Cốc, Phú Thọ, tổ công tác số 10';
    expect(name.length).toBeLessThan(64);
    expect(Buffer.byteLength(name)).toBeGreaterThan(name.length);
    const tooLong = `${name} ${name}`;
    expect((await refusal(api.sendMessage(1, 'x', { reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: tooLong }]] } }))).description).toContain('BUTTON_DATA_INVALID');
    expect((await refusal(api.sendMessage(1, 'x', { reply_markup: { inline_keyboard: [[{ text: 'A' } as never]] } }))).error_code).toBe(400);
    const ok = await api.sendMessage(1, 'x', { reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a:0123456789abcdef' }]] } });
    expect(ok.reply_markup?.inline_keyboard[0]![0]).toEqual({ text: 'A', callback_data: 'a:0123456789abcdef' });
  });

  it('edits only the bot’s own messages, and refuses an edit that changes nothing', async () => {
    const m = await api.sendMessage(2, 'Trang 1');
    await api.editMessageText(2, m.message_id, 'Trang 2');
    expect(server.botMessages(2).at(-1)).toMatchObject({ text: 'Trang 2', edits: 1 });
    expect((await refusal(api.editMessageText(2, m.message_id, 'Trang 2'))).description).toContain('message is not modified');
    expect((await refusal(api.editMessageText(2, 12345, 'x'))).description).toContain('message to edit not found');
  });

  it('answers a callback query once', async () => {
    const chat = { id: 3, type: 'private' as const };
    const m = await api.sendMessage(3, 'chọn', { reply_markup: { inline_keyboard: [[{ text: '1', callback_data: 'n' }]] } });
    const u = server.pressButton(chat, { id: 3, first_name: 'A' }, m.message_id, 'n');
    expect(await api.answerCallbackQuery(u.queryId)).toBe(true);
    expect((await refusal(api.answerCallbackQuery(u.queryId))).description).toContain('query is too old');
  });

  it('takes a photo as multipart upload and checks the caption length', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]);
    await api.sendPhoto(4, new InputFile(png, 'chart.png'), { caption: '<b>Biểu đồ</b>', parse_mode: 'HTML' });
    expect(server.botMessages(4).at(-1)).toMatchObject({ text: 'Biểu đồ', photo: png });
    expect((await refusal(api.sendPhoto(4, new InputFile(png), { caption: 'x'.repeat(1025) }))).description).toContain('caption is too long');
  });

  it('checks the command menu like Telegram', async () => {
    await api.setMyCommands([{ command: 'xa', description: 'Số liệu hồ sơ' }]);
    expect(server.commands).toEqual([{ command: 'xa', description: 'Số liệu hồ sơ' }]);
    expect((await refusal(api.setMyCommands([{ command: 'xã', description: 'x' }]))).description).toContain('BOT_COMMAND_INVALID');
  });

  it('long-polls with offsets, and refuses getUpdates while a webhook is set', async () => {
    const s = await FakeTelegramServer.start();
    const a = new Api(s.token, { apiRoot: s.apiRoot });
    try {
      const waiting = a.getUpdates({ offset: 0, timeout: 5 });
      const pushed = s.sendText({ id: 9, type: 'private' }, { id: 9, first_name: 'A' }, '/giup');
      const [got] = await waiting;
      expect(got!.update_id).toBe(pushed.update_id);
      expect(await a.getUpdates({ offset: 0, timeout: 0 })).toHaveLength(1);
      expect(await a.getUpdates({ offset: pushed.update_id + 1, timeout: 0 })).toEqual([]);
      await a.setWebhook('https://bot.example.gov.vn/hook', { secret_token: 'abcdefghijklmnop' });
      expect((await refusal(a.getUpdates({ timeout: 0 }))).error_code).toBe(409);
      expect((await refusal(a.setWebhook('http://insecure.example/hook'))).description).toContain('HTTPS');
      await a.deleteWebhook();
      expect(await a.getUpdates({ timeout: 0 })).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('injects faults: 429 with retry_after, 500, dropped connections, slow answers', async () => {
    server.failNext('sendMessage', { kind: '429', retryAfter: 7 });
    const limited = await refusal(api.sendMessage(11, 'x'));
    expect(limited.error_code).toBe(429);
    expect(limited.parameters.retry_after).toBe(7);
    server.failNext('sendMessage', { kind: '500' });
    expect((await refusal(api.sendMessage(11, 'x'))).error_code).toBe(500);
    server.failNext('sendMessage', { kind: 'drop' });
    await expect(api.sendMessage(11, 'x')).rejects.toBeInstanceOf(HttpError);
    server.failNext('sendMessage', { kind: 'slow', ms: 20 });
    expect((await api.sendMessage(11, 'chậm')).text).toBe('chậm');
    const faults = server.calls.filter((c) => c.method === 'sendMessage').slice(-4).map((c) => c.fault);
    expect(faults).toEqual(['429', '500', 'drop', 'slow']);
    // Refused calls were not carried out.
    expect(server.botMessages(11).filter((m) => m.text === 'x')).toEqual([]);
  });
});
