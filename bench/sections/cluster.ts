/**
 * Webhook throughput of one, two and three bot instances on one PostgreSQL: real bot
 * processes (`src/main.ts`) behind the fake Bot API, which delivers each update by webhook
 * to the instances in turn; 200 private chats in a closed loop (each sends its next
 * command as soon as the previous one is answered). The platforms' own limit is quoted
 * beside it: Telegram lets a bot send about 30 messages a second in all.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL, else the machine's local server; skipped with the
 * reason when neither answers.
 */
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { openStore, parseDatabaseUrl } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { BotProcess } from '../../test/cluster/bot-process.js';
import { FakeTelegramServer } from '../../test/fakes/telegram-server.js';
import type { BenchSection } from './index.js';
import { closedLoop } from './load-loop.js';
import { percentiles } from './stats.js';
import { telegramTarget } from './telegram.js';

const CHATS = 200;
const WARMUP_MS = 3_000;
const MEASURE_MS = 15_000;
const SECRET = 'bench-cluster-secret-0123456789';
const TELEGRAM_LIMIT_PER_SECOND = 30;

export const clusterSection: BenchSection = {
  name: 'cluster',
  title: 'webhook throughput of 1, 2 and 3 instances on one PostgreSQL (demo store, 200 chats in a closed loop)',
  async run(print) {
    const base = process.env.BENCH_DATABASE_URL?.trim() || 'postgresql://postgres@127.0.0.1:5432/test';
    const schema = `bench_cluster_${process.pid}`;
    const u = new URL(base);
    u.searchParams.set('schema', schema);
    const url = u.toString();
    let store;
    try {
      store = await openStore(parseDatabaseUrl(url));
    } catch (err) {
      print(`skipped: PostgreSQL does not answer at ${new URL(base).host} (${err instanceof Error ? err.message : String(err)})`);
      return { skipped: 'no PostgreSQL' };
    }
    const app = await createApp({ env: parseEnv({ DEMO_DATA: 'true', LOG_LEVEL: 'silent' }), store, log: silentLogger });
    await app.instance.stop();
    const server = await FakeTelegramServer.start();
    const results: Record<string, unknown> = { platformLimitPerSecond: TELEGRAM_LIMIT_PER_SECOND };
    try {
      for (const n of [1, 2, 3]) {
        const bots: BotProcess[] = [];
        for (let i = 0; i < n; i++) {
          bots.push(
            await BotProcess.start(`bench-${n}-${i}`, {
              DATABASE_URL: url,
              DEMO_DATA: 'false',
              PUBLIC_AGGREGATES: 'true',
              LOG_LEVEL: 'error',
              TELEGRAM_BOT_TOKEN: server.token,
              TELEGRAM_API_ROOT: server.apiRoot,
              TELEGRAM_MODE: 'webhook',
              TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook',
              TELEGRAM_WEBHOOK_SECRET: SECRET,
            }),
          );
        }
        server.deliverWebhooksTo(bots.map((b) => `${b.base}/telegram/webhook`));
        const chats = Array.from({ length: CHATS }, (_, i) => String(800_000 + n * 10_000 + i));
        const run = await closedLoop(telegramTarget(server), chats, WARMUP_MS, MEASURE_MS, ['/xa Thượng Cốc', '/xa Yên Phú', '/tongquan', '/xa 05293 tháng 7/2025']);
        const perSecond = run.latencies.length / run.seconds;
        const p = percentiles(run.latencies);
        print(`${n} instance${n > 1 ? 's' : ' '}: ${perSecond.toFixed(0)} replies/s  p50 ${p.p50.toFixed(0)} ms  p99 ${p.p99.toFixed(0)} ms  unanswered ${run.unanswered}  (Telegram allows ${TELEGRAM_LIMIT_PER_SECOND}/s)`);
        results[`instances${n}`] = { repliesPerSecond: Math.round(perSecond), latencyMs: p, unanswered: run.unanswered };
        for (const b of bots) await b.stop();
        server.deliverWebhooksTo(null);
      }
    } finally {
      await server.close();
      await store.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await store.close();
    }
    return results;
  },
};
