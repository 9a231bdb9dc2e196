/**
 * `npm start` (a real process) with a Telegram Bot API that never answers, or that refuses
 * the token, beside a Zalo API that works: the HTTP server opens, Zalo starts and answers,
 * Telegram logs each failure with back-off at warn level (or stops with one Vietnamese
 * line), and /readyz reports it not ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../src/text/messages.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';
import { FakeZaloServer } from '../fakes/zalo-server.js';
import { freePort } from '../helpers/free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TG_TOKEN = '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const INGEST = 'sys-one-0123456789abcdef';

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

interface Started {
  child: ChildProcess;
  base: string;
  stderr: () => string;
  stop(): Promise<void>;
}

async function npmStart(env: Record<string, string>): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'bot.db')}`, DEMO_DATA: 'false', PORT: String(port), LOG_LEVEL: 'info', INGEST_TOKENS: INGEST, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `ok` holds (checked every 200 ms, at most `ms`). */
async function until(ok: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return ok();
}

const health = (base: string) => fetch(`${base}/healthz`).then((r) => r.json() as Promise<{ channels?: Record<string, string> }>, () => null);
const logLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: string; msg: string; platform?: string; attempt?: number; waitMs?: number });

let zalo: FakeZaloServer;
beforeAll(async () => {
  zalo = await FakeZaloServer.start();
});
afterAll(async () => {
  await zalo?.close();
});

describe('npm start beside a chat platform that cannot be used', () => {
  it('when the Bot API never answers, opens the HTTP server, starts Zalo, logs each Telegram failure with back-off and reports Telegram not ready', async () => {
    const silent = await silentServer();
    const bot = await npmStart({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: silent.root, ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot });
    try {
      expect(await until(async () => (await health(bot.base))?.channels?.zalo === 'ready', 60_000), bot.stderr().slice(-2000)).toBe(true);
      expect((await health(bot.base))?.channels?.telegram).toBe('starting');
      const ready = await fetch(`${bot.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { problems: string[] }).problems).toContain('telegram_starting');
      // The push API is served too: a push without a token is refused, not left hanging.
      expect((await fetch(`${bot.base}/api/v1/dossiers`, { method: 'POST', body: '[]' })).status).toBe(401);
      // getMe waits 10 s for an answer, then the channel waits with back-off and tries again.
      const failures = () => logLines(bot.stderr()).filter((r) => r.platform === 'telegram' && r.msg.startsWith('platform not reachable'));
      expect(await until(() => failures().length >= 2, 60_000), bot.stderr().slice(-2000)).toBe(true);
      expect(failures().every((r) => r.level === 'warn')).toBe(true);
      expect(failures().map((r) => r.attempt)).toEqual(failures().map((_, i) => i + 1));
      expect(failures()[1]!.waitMs!).toBeGreaterThan(failures()[0]!.waitMs!);
      expect(bot.child.exitCode).toBeNull();
    } finally {
      await bot.stop();
      await silent.close();
    }
  }, 120_000);

  it('when Telegram refuses the token, stops Telegram alone with one Vietnamese line while Zalo answers', async () => {
    const telegram = await FakeTelegramServer.start();
    const bot = await npmStart({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot });
    try {
      expect(await until(async () => (await health(bot.base))?.channels?.telegram === 'failed', 60_000), bot.stderr().slice(-2000)).toBe(true);
      expect(await until(async () => (await health(bot.base))?.channels?.zalo === 'ready', 60_000)).toBe(true);
      const errors = logLines(bot.stderr()).filter((r) => r.level === 'error');
      expect(errors.map((r) => r.msg)).toEqual([TEXT.tokenRefused('Telegram', 'TELEGRAM_BOT_TOKEN', 401, '@BotFather')]);
      const ready = await fetch(`${bot.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { problems: string[] }).problems).toContain('telegram_failed');
      expect(bot.child.exitCode).toBeNull();
    } finally {
      await bot.stop();
      await telegram.close();
    }
  }, 120_000);
});
