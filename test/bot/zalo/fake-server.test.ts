/**
 * The fake Zalo Bot API itself, spoken to with plain HTTP: it must behave as
 * zalo-bot-api.md §10 describes, or the channel's tests prove nothing.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeZaloServer } from '../../fakes/zalo-server.js';

let server: FakeZaloServer;
beforeAll(async () => {
  server = await FakeZaloServer.start({ msPerPollSecond: 5 });
});
afterAll(async () => {
  await server.close();
});

const chat = { id: 'a1b2c3d4e5f60718293a', type: 'PRIVATE' as const };
const group = { id: 'g9f8e7d6c5b4a3928170', type: 'GROUP' as const };
const user = { id: chat.id, display_name: 'An' };

async function call(method: string, body?: unknown, init: { token?: string; type?: 'json' | 'form'; get?: string } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const base = `${server.apiRoot}/bot${init.token ?? server.token}/${method}`;
  const res =
    init.get !== undefined
      ? await fetch(`${base}?${init.get}`)
      : await fetch(base, {
          method: 'POST',
          headers: { 'content-type': init.type === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' },
          body: init.type === 'form' ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body ?? {}),
        });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('fake Zalo Bot API', () => {
  it('takes JSON, form-encoded and query-string parameters; GET works too', async () => {
    expect((await call('sendMessage', { chat_id: chat.id, text: 'json' })).json.ok).toBe(true);
    expect((await call('sendMessage', { chat_id: chat.id, text: 'form' }, { type: 'form' })).json.ok).toBe(true);
    expect((await call('sendMessage', undefined, { get: `chat_id=${chat.id}&text=query` })).json.ok).toBe(true);
    expect(server.botMessages(chat.id).map((m) => m.text)).toEqual(['json', 'form', 'query']);
    expect(server.botMessages(chat.id)[0]!.message_id).toMatch(/^[0-9a-f]{20}$/);
  });

  it('refuses unknown methods (404) and unknown tokens (401)', async () => {
    expect(await call('editMessageText', {})).toEqual({ status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } });
    expect(await call('getMe', {}, { token: '1:x' })).toEqual({ status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } });
  });

  it('describes the bot on getMe', async () => {
    expect((await call('getMe')).json.result).toMatchObject({ id: server.botId, account_type: 'BASIC', can_join_groups: false });
  });

  it('hands out one update per getUpdates, then 408 "Request timeout"', async () => {
    const a = server.sendText(chat, user, 'một');
    server.sendText(chat, user, 'hai');
    expect((await call('getUpdates', { timeout: '1' })).json).toEqual({ ok: true, result: a });
    expect(server.queued).toBe(1);
    await call('getUpdates', { timeout: 1 });
    expect(await call('getUpdates', { timeout: 1 })).toEqual({ status: 408, json: { ok: false, error_code: 408, description: 'Request timeout' } });
  });

  it('counts polls with timeout 0 or none (they hang on Zalo, and can here)', async () => {
    const before = server.zeroTimeoutPolls;
    expect((await call('getUpdates', {})).status).toBe(408);
    expect(server.zeroTimeoutPolls).toBe(before + 1);
    const hanging = await FakeZaloServer.start({ hangOnZeroTimeout: true, msPerPollSecond: 1 });
    const res = fetch(`${hanging.apiRoot}/bot${hanging.token}/getUpdates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeout":0}', signal: AbortSignal.timeout(200) });
    await expect(res).rejects.toThrow();
    await hanging.close();
  });

  it('validates setWebhook, keeps a blocked URL with a failed verification, refuses polling meanwhile', async () => {
    expect((await call('getWebhookInfo')).status).toBe(404);
    expect((await call('setWebhook', { url: 'http://bot.example/h', secret_token: 'secret-123' })).status).toBe(400);
    expect((await call('setWebhook', { url: 'https://bot.example/h', secret_token: 'short' })).status).toBe(400);
    const blocked = await call('setWebhook', { url: 'https://127.0.0.1/h', secret_token: 'secret-123' });
    expect(blocked.json.result).toMatchObject({ url: 'https://127.0.0.1/h', verification: { ok: false, outcome: 'webhook.err.blocked' } });
    expect((await call('getWebhookInfo')).json.result).toMatchObject({ url: 'https://127.0.0.1/h' });
    expect(await call('getUpdates', { timeout: 1 })).toMatchObject({ status: 409, json: { error_code: 409 } });
    expect((await call('deleteWebhook')).json.result).toMatchObject({ url: '' });
    expect((await call('getWebhookInfo')).json.result).toMatchObject({ url: '' });
  });

  it('validates sendMessage: chat_id, 1–2,000 characters, parse_mode', async () => {
    expect((await call('sendMessage', { text: 'x' })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: chat.id, text: '' })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: chat.id, text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: chat.id, text: 'x'.repeat(2000) })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: chat.id, text: 'x', parse_mode: 'MarkdownV2' })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: chat.id, text: '**đậm** \\*sao\\*', parse_mode: 'markdown' })).status).toBe(200);
    expect(server.botMessages(chat.id).at(-1)).toMatchObject({ text: 'đậm *sao*', parseMode: 'markdown' });
  });

  it('wants photos as http(s) URLs, and fetches them', async () => {
    expect((await call('sendPhoto', { chat_id: chat.id, photo: '' })).json.description).toBe('The photo must not be empty');
    expect((await call('sendPhoto', { chat_id: chat.id, photo: 'data:image/png;base64,iVBOR' })).json.description).toBe('The photo must start with http:// or https://');
    expect((await call('sendPhoto', { chat_id: chat.id, photo: 'http://127.0.0.1:1/x.png' })).json.description).toBe('The photo URL is invalid');
    const pic = createServer((_req: IncomingMessage, res) => res.end(Buffer.from([1, 2, 3])));
    await new Promise<void>((r) => pic.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(pic.address() as AddressInfo).port}/c.png`;
    expect((await call('sendPhoto', { chat_id: chat.id, photo: url, caption: 'Biểu đồ' })).status).toBe(200);
    expect(server.botMessages(chat.id).at(-1)).toMatchObject({ method: 'sendPhoto', photo: url, text: 'Biểu đồ', photoBytes: Buffer.from([1, 2, 3]) });
    await new Promise((r) => pic.close(r));
  });

  it('answers sendChatAction {ok: true} without a result; a voice note to a group is not delivered', async () => {
    expect((await call('sendChatAction', { chat_id: chat.id, action: 'typing' })).json).toEqual({ ok: true });
    server.sendText(group, user, 'nhóm');
    await call('getUpdates', { timeout: 1 });
    const before = server.sent.length;
    expect((await call('sendVoice', { chat_id: group.id, voice_url: 'https://x.example/a.aac' })).json.ok).toBe(true);
    expect(server.sent.length).toBe(before);
  });

  it('answers 429 "Quota exceeded" past the monthly quota, with the status of the error or 200', async () => {
    const q = await FakeZaloServer.start({ monthlyQuota: 1, errorStatus: '200' });
    const post = (text: string) =>
      fetch(`${q.apiRoot}/bot${q.token}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: chat.id, text }) });
    expect((await post('một')).status).toBe(200);
    const refused = await post('hai');
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ ok: false, error_code: 429, description: 'Quota exceeded' });
    await q.close();
  });

  it('posts updates to the webhook with the secret header, wrapped or flat', async () => {
    const seen: { secret: unknown; body: unknown }[] = [];
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (chunks.length) seen.push({ secret: req.headers['x-bot-api-secret-token'], body: JSON.parse(Buffer.concat(chunks).toString()) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    server.deliverWebhooksTo(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`);
    const set = await call('setWebhook', { url: 'https://bot.example.gov.vn/hook', secret_token: 'secret-123' });
    expect(set.json.result).toMatchObject({ verification: { ok: true, outcome: 'webhook.ok', status_code: 200 } });
    const a = server.sendText(chat, user, 'bọc');
    const b = server.sendText(chat, user, 'phẳng', { flat: true });
    await server.waitFor(() => seen.length === 2, 5_000, 'two deliveries');
    expect(seen).toEqual([
      { secret: 'secret-123', body: { ok: true, result: a } },
      { secret: 'secret-123', body: b },
    ]);
    await call('deleteWebhook');
    server.deliverWebhooksTo(null);
    await new Promise((r) => hook.close(r));
  });
});
