/**
 * The real bot in webhook mode: the fake Bot API posts updates to the bot's HTTP server
 * (as Telegram would post to the public URL), and tests post their own requests there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../../src/bot/telegram/webhook.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openTelegramTestApp, TelegramHarness, WEBHOOK_SECRET, WEBHOOK_URL, type TestApp } from './harness.js';

let app: TestApp;
let h: TelegramHarness;

beforeAll(async () => {
  app = await openTelegramTestApp();
  h = await TelegramHarness.start({ app, mode: 'webhook' });
});
afterAll(async () => {
  await h?.close();
  await app?.dispose();
});

const path = new URL(WEBHOOK_URL).pathname;

function post(body: string, secret: string | null = WEBHOOK_SECRET): Promise<Response> {
  return fetch(`${h.localBase}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== null ? { [SECRET_HEADER]: secret } : {}) },
    body,
  });
}

let nextId = 900_000;
function messageUpdate(chatId: number, text: string): { update_id: number; message: unknown } {
  const id = nextId++;
  return {
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chatId, type: 'private', first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}) },
  };
}

describe(`Telegram webhook (${TEST_DIALECT})`, () => {
  it('registers the webhook with its secret and only the updates it handles', () => {
    expect(h.server.webhook).toEqual({ url: WEBHOOK_URL, secret: WEBHOOK_SECRET, allowedUpdates: ['message', 'callback_query', 'my_chat_member'] });
  });

  it('answers updates Telegram posts to it', async () => {
    const chat = h.chat();
    await h.say(chat, '/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    expect(h.texts(chat).join('\n')).toContain('Tiếp nhận: 390 hồ sơ');
  });

  it('refuses a wrong or missing secret token with 401 and does not process the update', async () => {
    const chat = h.chat();
    expect((await post(JSON.stringify(messageUpdate(chat.id, '/giup')), 'wrong-secret-but-long-enough')).status).toBe(401);
    expect((await post(JSON.stringify(messageUpdate(chat.id, '/giup')), null)).status).toBe(401);
    const ok = messageUpdate(chat.id, '/xa Thượng Cốc');
    expect((await post(JSON.stringify(ok))).status).toBe(200);
    await h.whenHandled(ok.update_id);
    expect(h.texts(chat)).toHaveLength(1);
    expect(h.texts(chat)[0]).toContain('Xã Thượng Cốc');
  });

  it('refuses a malformed body with 400', async () => {
    for (const body of ['{not json', '[]', '"x"', '{"update_id":"12"}', '{"update_id":-1}', '']) {
      expect((await post(body)).status, body).toBe(400);
    }
  });

  it('acknowledges at once and processes afterwards', async () => {
    const chat = h.chat();
    const release = h.server.hold('sendMessage', (p) => Number(p.chat_id) === chat.id);
    const u = messageUpdate(chat.id, '/giup');
    const res = await post(JSON.stringify(u));
    // The webhook call has been answered while the reply is still held at the API.
    expect(res.status).toBe(200);
    expect(h.texts(chat)).toEqual([]);
    release();
    await h.whenHandled(u.update_id);
    expect(h.texts(chat)).toHaveLength(1);
  });

  it('answers an update Telegram posts twice (a webhook retry) only once', async () => {
    const chat = h.chat();
    const u = JSON.stringify(messageUpdate(chat.id, '/giup'));
    expect((await post(u)).status).toBe(200);
    expect((await post(u)).status).toBe(200);
    const id = (JSON.parse(u) as { update_id: number }).update_id;
    await h.whenHandled(id, 2);
    expect(h.texts(chat)).toHaveLength(1);
  });

  it('quietly ignores edited messages, channel posts and membership changes', async () => {
    const chat = h.chat();
    const base = messageUpdate(chat.id, '/giup');
    const others = [
      { update_id: nextId++, edited_message: { ...(base.message as object), edit_date: 1 } },
      { update_id: nextId++, channel_post: { message_id: 1, date: 0, chat: { id: -100999, type: 'channel', title: 'Kênh' }, text: '/giup' } },
      { update_id: nextId++, my_chat_member: { chat: { id: chat.id, type: 'private', first_name: 'A' }, from: { id: chat.id, is_bot: false, first_name: 'A' }, date: 0, old_chat_member: { status: 'member', user: h.server.bot }, new_chat_member: { status: 'kicked', user: h.server.bot, until_date: 0 } } },
    ];
    for (const u of others) expect((await post(JSON.stringify(u))).status).toBe(200);
    for (const u of others) await h.whenHandled(u.update_id);
    expect(h.texts(chat)).toEqual([]);
    expect(h.logs.records().filter((r) => r.level === 'error')).toEqual([]);
  });

  it('serves /healthz on the same server', async () => {
    const res = await fetch(`${h.localBase}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('Telegram webhook shutdown', () => {
  it('refuses new updates with 503 while finishing the ones in flight', async () => {
    const w = await TelegramHarness.start({ app, mode: 'webhook' });
    const chat = w.chat();
    const release = w.server.hold('sendMessage', (p) => Number(p.chat_id) === chat.id);
    const u = messageUpdate(chat.id, '/giup');
    const postTo = (body: unknown) =>
      fetch(`${w.localBase}${path}`, { method: 'POST', headers: { [SECRET_HEADER]: WEBHOOK_SECRET, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await postTo(u)).status).toBe(200);
    await w.server.waitFor(() => w.server.calls.some((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chat.id), 10_000, 'the held reply');
    let stopped = false;
    const stopping = w.channel.stop().then(() => (stopped = true));
    expect((await postTo(messageUpdate(chat.id, '/giup'))).status).toBe(503);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(w.texts(chat)).toHaveLength(1);
    // The webhook stays registered, so Telegram keeps updates until the bot is back.
    expect(w.server.webhook?.url).toBe(WEBHOOK_URL);
    await w.http?.close();
    await w.server.close();
  });
});
