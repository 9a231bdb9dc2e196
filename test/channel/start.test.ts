/**
 * A chat platform that does not answer never holds up the start: the HTTP server and the
 * other channels run, the channel logs each failure and tries again with back-off, and
 * health reports it not ready until it is; a refused token stops that channel alone, with
 * one Vietnamese line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramChannel } from '../../src/bot/telegram/channel.js';
import type { TelegramConfig } from '../../src/config/env-telegram.js';
import { HttpServer } from '../../src/server/http-server.js';
import { healthRoutes } from '../../src/server/health.js';
import { TEXT } from '../../src/text/messages.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';
import { LogLines } from '../bot/telegram/harness.js';
import { openTestApp } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp({ demo: false });
});
afterAll(async () => {
  await app?.dispose();
});

/** A server that accepts connections and never answers (a Bot API that hangs). */
async function silentServer(): Promise<{ root: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    root: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

const config = (apiRoot: string, token = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'): TelegramConfig => ({ mode: 'polling', token, apiRoot, maxRetryWaitMs: 1_000 });

describe('starting a channel', () => {
  it('when the Bot API does not answer, serves health at once, logs each failure with back-off, and reports not ready', async () => {
    const silent = await silentServer();
    const logs = new LogLines();
    const http = new HttpServer(logs.logger);
    const channel = telegramChannel({ router: app.router, store: app.store, log: logs.logger }, config(silent.root), http, {
      connectTimeoutMs: 200,
      connectRetryMs: (attempt) => 50 * attempt,
    });
    healthRoutes(http, [channel]);
    const port = await http.listen(0, '127.0.0.1');
    try {
      channel.start();
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, channels: { telegram: 'starting' } });
      for (let i = 0; i < 100 && logs.records().filter((r) => r.msg.startsWith('platform not reachable')).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
      const failures = logs.records().filter((r) => r.msg.startsWith('platform not reachable'));
      expect(failures.length).toBeGreaterThanOrEqual(3);
      expect(failures.map((r) => r.attempt)).toEqual(failures.map((_, i) => i + 1));
      expect(failures.map((r) => r.waitMs)).toEqual(failures.map((_, i) => 50 * (i + 1)));
      expect(failures.every((r) => r.level === 'warn')).toBe(true);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(channel.state).toBe('starting');
    } finally {
      await channel.stop();
      await http.close();
      await silent.close();
    }
  });

  it('when the platform refuses the token, stops that channel with one Vietnamese line', async () => {
    const server = await FakeTelegramServer.start();
    const logs = new LogLines();
    const http = new HttpServer(logs.logger);
    const channel = telegramChannel({ router: app.router, store: app.store, log: logs.logger }, config(server.apiRoot, '999999:WRONGWRONGWRONGWRONGWRONG'), http);
    healthRoutes(http, [channel]);
    const port = await http.listen(0, '127.0.0.1');
    try {
      await expect(channel.whenReady()).rejects.toThrow(TEXT.tokenRefused('Telegram', 'TELEGRAM_BOT_TOKEN', 401, '@BotFather'));
      expect(channel.state).toBe('failed');
      const errors = logs.records().filter((r) => r.level === 'error');
      expect(errors.map((r) => r.msg)).toEqual([TEXT.tokenRefused('Telegram', 'TELEGRAM_BOT_TOKEN', 401, '@BotFather')]);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ channels: { telegram: 'failed' } });
    } finally {
      await channel.stop();
      await http.close();
      await server.close();
    }
  });

  it('npm start opens the HTTP server while the Bot API cannot be reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haicap-start-'));
    const silent = await silentServer();
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const root = resolve(import.meta.dirname, '../..');
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${join(dir, 'bot.db')}`, DEMO_DATA: 'false', PORT: String(port), TELEGRAM_BOT_TOKEN: '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', TELEGRAM_API_ROOT: silent.root, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      let health: Response | null = null;
      for (let i = 0; i < 300 && !health; i++) {
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        if (!health) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status).toBe(200);
      expect(await health!.json()).toMatchObject({ channels: { telegram: 'starting' } });
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
      expect(stderr).toContain('"msg":"http listening"');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await silent.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
