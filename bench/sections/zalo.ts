/**
 * Issue 6's benchmark: the real Zalo channel (the undici client, the inbox and the update
 * log on the demo SQLite store, the quota count) answering /xa against the fake Zalo Bot
 * API in its own process, with 1, 10 and 100 chats writing at once, in polling and in
 * webhook mode; beside a bare loop on the same client that answers a constant string
 * (the protocol's ceiling: Zalo hands out one update per getUpdates call).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startZaloChannel } from '../../src/bot/zalo/channel.js';
import { ZaloClient } from '../../src/bot/zalo/client.js';
import type { ZaloConfig } from '../../src/config/env-zalo.js';
import { createApp, type App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { openStore, parseDatabaseUrl } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';
import type { BenchSection } from './index.js';
import { percentiles } from './stats.js';
import { FakeZaloProcess, type RunResult } from './zalo-load.js';

const CHAT_COUNTS = [1, 10, 100];
const WARMUP_MS = 1_500;
const MEASURE_MS = 5_000;
const TEXTS = ['/xa Thượng Cốc', '/xa Yên Phú', '/xa Quyết Thắng', '/xa Thanh Ba', '/xa 05293'];
const WEBHOOK_PATH = '/zalo/webhook';
const SECRET = 'bench-secret-0123456789';

interface Figures {
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  unanswered: number;
}

function figures(r: RunResult): Figures {
  const p = percentiles(r.latencies);
  return { updatesPerSecond: Math.round(r.latencies.length / r.seconds), p50Ms: p.p50, p99Ms: p.p99, unanswered: r.unanswered };
}

const listen = (s: Server) => new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

/** The protocol's ceiling by polling: poll, answer a constant string without waiting, poll again. */
async function barePolling(apiRoot: string, token: string): Promise<() => Promise<void>> {
  const zalo = new ZaloClient({ token, apiRoot });
  let running = true;
  const loop = (async () => {
    while (running) {
      const updates = await zalo.getUpdates({ timeout: 30 }).catch(() => []);
      for (const u of updates) void zalo.sendMessage({ chat_id: u.message!.chat.id, text: 'Xin chào' }).catch(() => undefined);
    }
  })();
  return async () => {
    running = false;
    await loop;
    await zalo.close();
  };
}

/** The ceiling by webhook: a bare HTTP server that acknowledges and answers a constant string. */
async function bareWebhook(apiRoot: string, token: string, server: Server): Promise<() => Promise<void>> {
  const zalo = new ZaloClient({ token, apiRoot });
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.end('{"message":"Success"}');
      if (chunks.length === 0) return;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: { message?: { chat: { id: string } } } };
      const chat = body.result?.message?.chat.id;
      if (chat) void zalo.sendMessage({ chat_id: chat, text: 'Xin chào' }).catch(() => undefined);
    });
  });
  await zalo.setWebhook({ url: `https://bench.example.gov.vn${WEBHOOK_PATH}`, secret_token: SECRET });
  return () => zalo.close();
}

/** The real channel in one mode, against a fresh fake bot. */
async function botRuns(app: App, fake: FakeZaloProcess, mode: 'polling' | 'webhook'): Promise<Record<number, Figures>> {
  const http = new HttpServer(silentLogger);
  const port = await http.listen(0, '127.0.0.1');
  const { apiRoot, token } = await fake.start(mode === 'webhook' ? `http://127.0.0.1:${port}${WEBHOOK_PATH}` : null);
  const common = { token, apiRoot, maxRetryWaitMs: 10_000, monthlyQuota: 10_000_000, markdown: false, publicBaseUrl: null };
  const config: ZaloConfig =
    mode === 'polling' ? { ...common, mode } : { ...common, mode, webhookUrl: `https://bench.example.gov.vn${WEBHOOK_PATH}`, webhookPath: WEBHOOK_PATH, secret: SECRET };
  const channel = await startZaloChannel({ router: app.router, store: app.store, log: silentLogger, notices: app.ctx.notices, admins: [] }, config, http);
  const out: Record<number, Figures> = {};
  try {
    for (const n of CHAT_COUNTS) out[n] = figures(await fake.run(n, WARMUP_MS, MEASURE_MS, TEXTS));
  } finally {
    await channel.stop();
    await http.close();
  }
  return out;
}

/** The bare ceiling in one mode. */
async function bareRuns(fake: FakeZaloProcess, mode: 'polling' | 'webhook'): Promise<Record<number, Figures>> {
  const server = createServer();
  const port = await listen(server);
  const { apiRoot, token } = await fake.start(mode === 'webhook' ? `http://127.0.0.1:${port}${WEBHOOK_PATH}` : null);
  const stop = mode === 'polling' ? await barePolling(apiRoot, token) : await bareWebhook(apiRoot, token, server);
  const out: Record<number, Figures> = {};
  try {
    for (const n of CHAT_COUNTS) out[n] = figures(await fake.run(n, WARMUP_MS, MEASURE_MS, TEXTS));
  } finally {
    await stop();
    server.closeAllConnections();
    await close(server);
  }
  return out;
}

export const zaloSection: BenchSection = {
  name: 'zalo',
  title: '/xa through the Zalo adapter against the fake Zalo Bot API (loopback), polling and webhook, 1/10/100 chats',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'haicap-bench-zalo-'));
    const fake = new FakeZaloProcess();
    const out: Record<string, unknown> = { store: 'demo data, SQLite', measureSeconds: MEASURE_MS / 1000 };
    try {
      const env = parseEnv({ DEMO_DATA: 'true', LOG_LEVEL: 'silent', PUBLIC_AGGREGATES: 'true' });
      const store = await openStore(parseDatabaseUrl(`file:${join(dir, 'bench.db')}`));
      const app = await createApp({ env, store, log: silentLogger });
      try {
        for (const mode of ['polling', 'webhook'] as const) {
          const bare = await bareRuns(fake, mode);
          const bot = await botRuns(app, fake, mode);
          print(`${mode}: chats  bot upd/s  p50 ms  p99 ms | bare upd/s  p50 ms  p99 ms | bot/bare | unanswered`);
          const figuresOfMode: Record<string, unknown> = {};
          for (const n of CHAT_COUNTS) {
            const b = bot[n]!;
            const c = bare[n]!;
            const ratio = b.updatesPerSecond / Math.max(1, c.updatesPerSecond);
            print(
              `${' '.repeat(mode.length + 2)}${String(n).padStart(5)}  ${String(b.updatesPerSecond).padStart(9)}  ${b.p50Ms.toFixed(2).padStart(6)}  ${b.p99Ms.toFixed(2).padStart(6)} | ` +
                `${String(c.updatesPerSecond).padStart(10)}  ${c.p50Ms.toFixed(2).padStart(6)}  ${c.p99Ms.toFixed(2).padStart(6)} | ${ratio.toFixed(2).padStart(8)} | ${b.unanswered + c.unanswered}`,
            );
            figuresOfMode[`chats${n}`] = { bot: b, bare: c, botOverBare: Math.round(ratio * 100) / 100 };
          }
          out[mode] = figuresOfMode;
        }
      } finally {
        await app.close();
      }
      print('Zalo hands out one update per getUpdates call, so polling is bounded by round trips; the free plan allows 3,000 messages a month.');
      return out;
    } finally {
      fake.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
