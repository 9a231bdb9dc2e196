/**
 * The real Zalo channel in webhook mode: the fake Bot API posts updates to the bot's HTTP
 * server (as Zalo would post to the public URL), wrapped or flat, and tests post their own
 * requests there: a wrong secret, bodies that are not JSON, too large, without a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../../src/bot/zalo/webhook.js';
import { FakeZaloServer, hexId } from '../../fakes/zalo-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openZaloTestApp, ZALO_WEBHOOK_SECRET, ZALO_WEBHOOK_URL, ZaloHarness, type TestApp } from './harness.js';

let app: TestApp;
let h: ZaloHarness;

beforeAll(async () => {
  app = await openZaloTestApp();
  h = await ZaloHarness.start({ app, mode: 'webhook' });
});
afterAll(async () => {
  await h?.close();
  await app?.dispose();
});

const path = new URL(ZALO_WEBHOOK_URL).pathname;

function post(body: string | Buffer, secret: string | null = ZALO_WEBHOOK_SECRET): Promise<Response> {
  return fetch(`${h.localBase}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== null ? { [SECRET_HEADER]: secret } : {}) },
    body,
  });
}

function textUpdate(chatId: string, text: string): { event_name: string; message: { message_id: string } & Record<string, unknown> } {
  return {
    event_name: 'message.text.received',
    message: { message_id: hexId(), date: Date.now(), from: { id: chatId, display_name: 'An', is_bot: false }, chat: { id: chatId, chat_type: 'PRIVATE' }, text },
  };
}

describe(`Zalo webhook (${TEST_DIALECT})`, () => {
  it('registers the webhook with its secret; Zalo’s probe of it succeeds', () => {
    expect(h.server.webhook).toMatchObject({ url: ZALO_WEBHOOK_URL, secret: ZALO_WEBHOOK_SECRET });
    const set = h.server.succeeded('setWebhook')[0]!;
    expect(set.payload).toEqual({ url: ZALO_WEBHOOK_URL, secret_token: ZALO_WEBHOOK_SECRET });
    expect(h.server.succeeded('getUpdates')).toEqual([]);
  });

  it('answers updates Zalo posts wrapped in {ok, result}, as documented', async () => {
    const chat = h.chat();
    await h.say(chat, '/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    expect(h.texts(chat).join('\n')).toContain('Tiếp nhận: 390 hồ sơ');
  });

  it('answers flat updates {event_name, message} alike', async () => {
    const chat = h.chat();
    const id = await h.say(chat, '/xa Yên Phú', { flat: true });
    expect(h.texts(chat)[0]).toContain('Xã Yên Phú');
    expect(h.server.webhookDeliveries.get(id)).toEqual([200]);
  });

  it('refuses a wrong or missing secret with 403 and does not process the update', async () => {
    const chat = h.chat();
    expect((await post(JSON.stringify({ ok: true, result: textUpdate(chat.id, '/giup') }), 'wrong-secret-long-enough')).status).toBe(403);
    expect((await post(JSON.stringify({ ok: true, result: textUpdate(chat.id, '/giup') }), null)).status).toBe(403);
    expect((await post(JSON.stringify({ ok: true, result: textUpdate(chat.id, '/giup') }), `${ZALO_WEBHOOK_SECRET}x`)).status).toBe(403);
    const ok = textUpdate(chat.id, '/xa Thượng Cốc');
    expect((await post(JSON.stringify({ ok: true, result: ok }))).status).toBe(200);
    await h.whenHandled(ok.message.message_id);
    expect(h.texts(chat)).toHaveLength(1);
    expect(h.logs.records().some((r) => r.msg === 'zalo webhook call refused: wrong secret token')).toBe(true);
  });

  it('answers bodies that are not JSON objects with 400, and over 1 MiB with 400, without crashing', async () => {
    for (const body of ['{not json', '[]', '"x"', '12', 'null']) expect((await post(body)).status, body).toBe(400);
    const big = JSON.stringify({ ok: true, result: textUpdate('a1', `/giup ${'x'.repeat(1024 * 1024)}`) });
    expect((await post(big)).status).toBe(400);
  });

  it('answers 200 to bodies without a message, unknown events and empty probes, and ignores them', async () => {
    const chat = h.chat();
    const unknown = { event_name: 'message.reaction.received', message: textUpdate(chat.id, '/giup').message };
    for (const body of [JSON.stringify({ ok: true, result: unknown }), JSON.stringify({ event_name: 'message.text.received' }), JSON.stringify({ ok: true, result: {} }), '{}', '']) {
      expect((await post(body)).status, body).toBe(200);
    }
    await h.whenHandled(unknown.message.message_id);
    expect(h.texts(chat)).toEqual([]);
    expect(h.logs.records().filter((r) => r.level === 'error')).toEqual([]);
  });

  it('acknowledges at once and processes afterwards', async () => {
    const chat = h.chat();
    const release = h.server.hold('sendMessage', (p) => p.chat_id === chat.id);
    const u = textUpdate(chat.id, '/giup');
    const res = await post(JSON.stringify({ ok: true, result: u }));
    // The webhook call has been answered while the reply is still held at the API.
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Success' });
    expect(h.texts(chat)).toEqual([]);
    release();
    await h.whenHandled(u.message.message_id);
    expect(h.texts(chat)).toHaveLength(1);
  });

  it('answers an update posted twice (same message_id) only once, even after it was answered', async () => {
    const chat = h.chat();
    const u = textUpdate(chat.id, '/giup');
    const release = h.server.hold('sendMessage', (p) => p.chat_id === chat.id);
    expect((await post(JSON.stringify({ ok: true, result: u }))).status).toBe(200);
    expect((await post(JSON.stringify(u))).status).toBe(200);
    release();
    await h.whenHandled(u.message.message_id, 2);
    expect((await post(JSON.stringify({ ok: true, result: u }))).status).toBe(200);
    await h.whenHandled(u.message.message_id, 3);
    expect(h.texts(chat)).toHaveLength(1);
    expect(await h.channel.updates.pending()).toBe(0);
  });

  it('serves /healthz on the same server', async () => {
    const res = await fetch(`${h.localBase}/healthz`);
    expect(res.status).toBe(200);
  });
});

describe('Zalo webhook under load and at shutdown', () => {
  const postTo = (w: ZaloHarness, body: unknown) =>
    fetch(`${w.localBase}${path}`, { method: 'POST', headers: { [SECRET_HEADER]: ZALO_WEBHOOK_SECRET, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('acknowledges every update even with too many in flight, and answers them all in order', async () => {
    const w = await ZaloHarness.start({ app, mode: 'webhook', channel: { maxInFlight: 2 } });
    try {
      const chats = [w.chat(), w.chat(), w.chat()];
      const release = w.server.hold('sendMessage');
      const updates = chats.flatMap((c) => ['/giup', '/xa Thượng Cốc', '/xa Yên Phú'].map((t) => textUpdate(c.id, t)));
      for (const u of updates) expect((await postTo(w, { ok: true, result: u })).status).toBe(200);
      release();
      for (const u of updates) await w.whenHandled(u.message.message_id);
      for (const c of chats) {
        const texts = w.texts(c);
        expect(texts).toHaveLength(3);
        expect(texts[0]).toContain('Các lệnh:');
        expect(texts[1]).toContain('Xã Thượng Cốc');
        expect(texts[2]).toContain('Xã Yên Phú');
      }
    } finally {
      await w.close();
    }
  });

  it('while stopping, keeps new updates for the next start instead of refusing them', async () => {
    const server = await FakeZaloServer.start();
    const w = await ZaloHarness.start({ app, server, mode: 'webhook' });
    const chat = w.chat();
    const release = server.hold('sendMessage', (p) => p.chat_id === chat.id);
    const first = textUpdate(chat.id, '/giup');
    expect((await postTo(w, { ok: true, result: first })).status).toBe(200);
    await server.waitFor(() => server.calls.some((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id), 10_000, 'the held reply');
    const stopping = w.channel.stop();
    const late = textUpdate(chat.id, '/xa Thượng Cốc');
    expect((await postTo(w, { ok: true, result: late })).status).toBe(200);
    release();
    await stopping;
    expect(w.texts(chat)).toHaveLength(1);
    expect(await w.channel.updates.pending()).toBe(1);
    await w.http.close();
    // The next start answers what was kept.
    const again = await ZaloHarness.start({ app, server, mode: 'webhook' });
    try {
      await again.whenHandled(late.message.message_id);
      expect(again.texts(chat)).toHaveLength(2);
      expect(again.texts(chat)[1]).toContain('Xã Thượng Cốc');
    } finally {
      await again.close();
      await server.close();
    }
  });
});
