/**
 * The Zalo client against the fake Bot API over loopback: the wire format, the quirks of
 * zalo-bot-api.md (408 means no update whatever the HTTP status, one update per call,
 * never timeout 0, 404 means no webhook) and typed errors that never show the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloClient } from '../../../src/bot/zalo/client.js';
import { ZaloError } from '../../../src/bot/zalo/errors.js';
import { FakeZaloServer } from '../../fakes/zalo-server.js';

const chat = { id: 'a1b2c3d4e5f60718293a', type: 'PRIVATE' as const };
const user = { id: chat.id, display_name: 'An' };

async function failure(p: Promise<unknown>): Promise<ZaloError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ZaloError) return err;
    throw err;
  }
  throw new Error('the call succeeded');
}

describe('Zalo client', () => {
  let server: FakeZaloServer;
  let zalo: ZaloClient;
  beforeAll(async () => {
    server = await FakeZaloServer.start({ msPerPollSecond: 5 });
    zalo = new ZaloClient({ token: server.token, apiRoot: server.apiRoot });
  });
  afterAll(async () => {
    await zalo.close();
    await server.close();
  });

  it('posts JSON with snake_case parameters and reads the result', async () => {
    const me = await zalo.getMe();
    expect(me).toMatchObject({ id: server.botId, account_name: 'bot.HaicapTest', account_type: 'BASIC', can_join_groups: false });
    const sent = await zalo.sendMessage({ chat_id: chat.id, text: 'Xin chào' });
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    const call = server.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'sendMessage', httpMethod: 'POST', payload: { chat_id: chat.id, text: 'Xin chào' } });
    expect(call.contentType).toContain('application/json');
  });

  it('drops undefined parameters instead of sending null', async () => {
    await zalo.sendPhoto({ chat_id: chat.id, photo: `${server.apiRoot}/bot${server.token}/getMe`, caption: undefined as unknown as string });
    expect(Object.keys(server.succeeded('sendPhoto').at(-1)!.payload).sort()).toEqual(['chat_id', 'photo']);
  });

  it('returns one update per getUpdates, and [] on an empty poll (408)', async () => {
    const a = server.sendText(chat, user, 'một');
    const b = server.sendText(chat, user, 'hai');
    expect(await zalo.getUpdates({ timeout: 1 })).toEqual([a]);
    expect(await zalo.getUpdates({ timeout: 1 })).toEqual([b]);
    expect(await zalo.getUpdates({ timeout: 1 })).toEqual([]);
    expect(server.calls.filter((c) => c.method === 'getUpdates').at(-1)).toMatchObject({ status: 408, errorCode: 408 });
  });

  it('never asks for timeout 0 (which hangs on Zalo): it asks for at least 1 second', async () => {
    expect(await zalo.getUpdates({ timeout: 0 })).toEqual([]);
    expect(server.zeroTimeoutPolls).toBe(0);
    expect(server.calls.filter((c) => c.method === 'getUpdates').at(-1)!.payload.timeout).toBe('1');
  });

  it('answers sendChatAction with nothing, and getWebhookInfo with null until a webhook is set', async () => {
    expect(await zalo.sendChatAction({ chat_id: chat.id, action: 'typing' })).toBeUndefined();
    expect(await zalo.getWebhookInfo()).toBeNull();
    await zalo.setWebhook({ url: 'https://bot.example.gov.vn/zalo', secret_token: 'secret-123' });
    expect(await zalo.getWebhookInfo()).toMatchObject({ url: 'https://bot.example.gov.vn/zalo' });
    expect((await failure(zalo.getUpdates({ timeout: 1 }))).errorCode).toBe(409);
    await zalo.deleteWebhook();
    expect(await zalo.getWebhookInfo()).toBeNull();
  });

  it('types its errors: auth, quota, bad_request, transport, timeout', async () => {
    const stranger = new ZaloClient({ token: '999999:not-the-token', apiRoot: server.apiRoot });
    expect((await failure(stranger.getMe())).code).toBe('auth');
    await stranger.close();
    server.failNext('sendMessage', { kind: '429' });
    expect(await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x' }))).toMatchObject({ code: 'quota', errorCode: 429, description: 'Quota exceeded' });
    expect(await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x'.repeat(2001) }))).toMatchObject({ code: 'bad_request', errorCode: 400 });
    expect((await failure(zalo.call('sendNothing'))).code).toBe('bad_request');
    server.failNext('sendMessage', { kind: '500' });
    expect((await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x' }))).code).toBe('transport');
    server.failNext('sendMessage', { kind: 'drop' });
    expect((await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x' }))).code).toBe('transport');
    server.failNext('sendMessage', { kind: 'slow', ms: 300 });
    const slow = await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x' }, { timeoutMs: 50 }));
    expect(slow.code).toBe('timeout');
    expect(slow.transient).toBe(true);
  });

  it('decides on the body, not the HTTP status, when errors come as 200', async () => {
    const twoHundred = await FakeZaloServer.start({ errorStatus: '200', msPerPollSecond: 5 });
    const c = new ZaloClient({ token: twoHundred.token, apiRoot: twoHundred.apiRoot });
    try {
      expect(await c.getUpdates({ timeout: 1 })).toEqual([]);
      expect(twoHundred.calls.at(-1)).toMatchObject({ status: 200, errorCode: 408 });
      twoHundred.failNext('sendMessage', { kind: '429' });
      expect(await failure(c.sendMessage({ chat_id: chat.id, text: 'x' }))).toMatchObject({ code: 'quota', httpStatus: 200 });
      expect(await c.getWebhookInfo()).toBeNull();
    } finally {
      await c.close();
      await twoHundred.close();
    }
  });

  it('never shows the token, even when a gateway echoes the URL', async () => {
    server.failNext('sendMessage', { kind: 'gateway' });
    const gateway = await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x' }));
    expect(gateway.code).toBe('transport');
    const secret = server.token.split(':')[1]!;
    const unreachable = new ZaloClient({ token: server.token, apiRoot: 'http://127.0.0.1:1' });
    const network = await failure(unreachable.getMe());
    await unreachable.close();
    expect(network.code).toBe('transport');
    server.failNext('sendMessage', { kind: 'error', code: 400, description: `bad token ${server.token} in path` });
    const echoed = await failure(zalo.sendMessage({ chat_id: chat.id, text: 'x' }));
    expect(echoed.description).toBe('bad token <redacted> in path');
    for (const e of [gateway, network, echoed]) {
      expect(`${e.message} ${e.description} ${String(e.stack)}`).not.toContain(secret);
      expect(JSON.stringify(e)).not.toContain(secret);
    }
  });
});
