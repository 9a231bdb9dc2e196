/**
 * The shared HTTP server under an attacker's load, over loopback with bare sockets: a
 * request without its token or secret is refused from its headers before any byte of
 * its body is read; a body past its limit is answered 413 as it arrives; slow headers and
 * slow bodies are cut off; a route takes only so many requests at once; HEAD /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER as TELEGRAM_SECRET_HEADER } from '../../src/bot/telegram/webhook.js';
import { SECRET_HEADER as ZALO_SECRET_HEADER } from '../../src/bot/zalo/webhook.js';
import { ConfigError, parseEnv } from '../../src/config/env.js';
import { httpLimits } from '../../src/config/env-http.js';
import { PUSH_MAX_BYTES, PUSH_PATH } from '../../src/import/http/push-route.js';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';
import { ROUTE_PROVIDERS } from '../../src/server/routes.js';
import { openTelegramTestApp, TelegramHarness, WEBHOOK_URL } from '../bot/telegram/harness.js';
import { ZALO_WEBHOOK_URL, ZaloHarness } from '../bot/zalo/harness.js';
import { openTestApp } from '../helpers/store.js';
import { chunked, head, RawClient } from './raw-client.js';

const TOKEN = 'sys-one-0123456789abcdef';
const ENV = { INGEST_TOKENS: TOKEN, PUSH_MAX_CONCURRENT: '2' };

let app: Awaited<ReturnType<typeof openTestApp>>;
/** Short time-outs, for the slow-client cases. */
let strict: HttpServer;
let strictPort: number;
/** The default time-outs, for the cases that must not be cut off by them. */
let normal: HttpServer;
let normalPort: number;

beforeAll(async () => {
  app = await openTestApp({ demo: false, env: ENV });
  const env = parseEnv({ DEMO_DATA: 'false', ...ENV });
  strict = new HttpServer(silentLogger, { headersTimeoutMs: 400, bodyTimeoutMs: 600 });
  normal = new HttpServer(silentLogger);
  for (const http of [strict, normal]) for (const provide of ROUTE_PROVIDERS) await provide({ app, env, http });
  strictPort = await strict.listen(0, '127.0.0.1');
  normalPort = await normal.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await strict?.close();
  await normal?.close();
  await app?.dispose();
});

const pushHead = (headers: Record<string, string | number>) => head('POST', PUSH_PATH, { 'content-type': 'application/json', ...headers });

describe('authentication before the body', () => {
  it('when sixty pushes announce 8 MiB bodies without a token, each is answered 401 before a byte of its body is sent', async () => {
    const clients = await Promise.all(Array.from({ length: 60 }, () => RawClient.open(normalPort)));
    try {
      await Promise.all(clients.map((c) => c.write(pushHead({ 'content-length': PUSH_MAX_BYTES }))));
      const statuses = await Promise.all(clients.map((c) => c.status()));
      expect(statuses).toEqual(clients.map(() => 401));
      expect(clients.every((c) => c.sent === 0)).toBe(true);
    } finally {
      for (const c of clients) c.destroy();
    }
  });

  it('when a push carries a wrong token, answers 401 from the headers alone', async () => {
    const c = await RawClient.open(normalPort);
    try {
      await c.write(pushHead({ 'content-length': 1_000_000, authorization: 'Bearer not-the-configured-token-at-all' }));
      expect(await c.status()).toBe(401);
      expect(c.text).toContain('unauthorized');
    } finally {
      c.destroy();
    }
  });

  it('when a Telegram or Zalo webhook call has a wrong secret, answers 401 / 403 from the headers alone', async () => {
    const tgApp = await openTelegramTestApp({ demo: false });
    const tg = await TelegramHarness.start({ app: tgApp, mode: 'webhook' });
    const zalo = await ZaloHarness.start({ app: tgApp, mode: 'webhook', pictures: false });
    try {
      const cases: [string, string, string, number][] = [
        [tg.localBase, new URL(WEBHOOK_URL).pathname, TELEGRAM_SECRET_HEADER, 401],
        [zalo.localBase, new URL(ZALO_WEBHOOK_URL).pathname, ZALO_SECRET_HEADER, 403],
      ];
      for (const [base, path, header, expected] of cases) {
        for (const secret of [null, 'wrong-secret-but-long-enough']) {
          const c = await RawClient.open(Number(new URL(base).port));
          try {
            await c.write(head('POST', path, { 'content-type': 'application/json', 'content-length': 1_500_000, ...(secret ? { [header]: secret } : {}) }));
            expect(await c.status(), `${path} ${secret}`).toBe(expected);
          } finally {
            c.destroy();
          }
        }
      }
    } finally {
      await zalo.close();
      await tg.close();
      await tgApp.dispose();
    }
  });
});

describe('body size', () => {
  it('when a chunked push goes past the limit, answers 413 instead of dropping the connection', async () => {
    const c = await RawClient.open(normalPort);
    try {
      await c.write(pushHead({ authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' }));
      await c.pump(PUSH_MAX_BYTES + 4 * 1024 * 1024, Buffer.alloc(64 * 1024, 0x20), chunked);
      expect(await c.status()).toBe(413);
      expect(c.text).toContain('too_large');
    } finally {
      c.destroy();
    }
  });
});

describe('time-outs', () => {
  it('when a body stops arriving, answers 408 after the body time-out and closes the connection', async () => {
    const c = await RawClient.open(strictPort);
    try {
      await c.write(pushHead({ authorization: `Bearer ${TOKEN}`, 'content-length': 1_000 }));
      await c.write('[{"MaHoSo": "S');
      expect(await c.status(10_000)).toBe(408);
      expect(await c.whenClosed()).toBe(true);
    } finally {
      c.destroy();
    }
  });

  it('when headers never finish, closes the connection after the header time-out', async () => {
    const c = await RawClient.open(strictPort);
    try {
      await c.write(`POST ${PUSH_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n`);
      expect(await c.whenClosed(10_000)).toBe(true);
    } finally {
      c.destroy();
    }
  });

  it('when a connection sends nothing at all, closes it after the header time-out', async () => {
    const c = await RawClient.open(strictPort);
    try {
      expect(await c.whenClosed(10_000)).toBe(true);
    } finally {
      c.destroy();
    }
  });
});

describe('concurrent requests per route', () => {
  it('when the pushes in flight reach the cap, answers the next one 503 at once, and takes pushes again once they end', async () => {
    const held = await Promise.all([RawClient.open(normalPort), RawClient.open(normalPort)]);
    const extra = await RawClient.open(normalPort);
    try {
      for (const c of held) {
        await c.write(pushHead({ authorization: `Bearer ${TOKEN}`, 'content-length': 1_000 }));
        await c.write('[');
      }
      // The held pushes are in flight once the server has taken them: wait for the cap to show.
      let status: number | null = null;
      for (let i = 0; i < 100 && status !== 503; i++) {
        const probe = await RawClient.open(normalPort);
        await probe.write(pushHead({ authorization: `Bearer ${TOKEN}`, 'content-length': 1_000 }));
        status = await probe.status();
        probe.destroy();
      }
      expect(status).toBe(503);
      await extra.write(pushHead({ authorization: `Bearer ${TOKEN}`, 'content-length': 1_000 }));
      expect(await extra.status()).toBe(503);
      expect(extra.sent).toBe(0);
      // /healthz is not capped with them.
      expect((await fetch(`http://127.0.0.1:${normalPort}/healthz`)).status).toBe(200);
      for (const c of held) c.destroy();
      let after = 503;
      for (let i = 0; i < 100 && after === 503; i++) {
        after = (await fetch(`http://127.0.0.1:${normalPort}${PUSH_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '[1]' })).status;
        if (after === 503) await new Promise((r) => setTimeout(r, 50));
      }
      expect(after).toBe(400);
    } finally {
      for (const c of [...held, extra]) c.destroy();
    }
  });
});

describe('health', () => {
  it('HEAD /healthz answers 200 without a body', async () => {
    const res = await fetch(`http://127.0.0.1:${normalPort}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('settings', () => {
  it('reads the limits from HTTP_* and PUSH_* variables, with the documented defaults, and refuses bad values in Vietnamese', () => {
    const defaults = parseEnv({});
    expect(httpLimits(defaults)).toEqual({ headersTimeoutMs: 10_000, bodyTimeoutMs: 30_000, maxConnections: 1_024 });
    expect([defaults.PUSH_MAX_CONCURRENT, defaults.PUSH_MAX_ROWS]).toEqual([4, 50_000]);
    const set = parseEnv({ HTTP_HEADERS_TIMEOUT_SECONDS: '5', HTTP_BODY_TIMEOUT_SECONDS: '60', HTTP_MAX_CONNECTIONS: '200', PUSH_MAX_CONCURRENT: '2', PUSH_MAX_ROWS: '1000' });
    expect(httpLimits(set)).toEqual({ headersTimeoutMs: 5_000, bodyTimeoutMs: 60_000, maxConnections: 200 });
    expect([set.PUSH_MAX_CONCURRENT, set.PUSH_MAX_ROWS]).toEqual([2, 1_000]);
    expect(() => parseEnv({ HTTP_BODY_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => parseEnv({ PUSH_MAX_ROWS: 'nhiều' })).toThrow(/PUSH_MAX_ROWS phải là số nguyên dương/);
  });
});
