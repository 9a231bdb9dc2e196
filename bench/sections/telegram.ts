/**
 * The Telegram benchmark: the real channel (the one chat channel over grammY's Bot API
 * client, the update log and outbox on the demo SQLite store) answering /xa against the
 * fake Bot API over loopback, with 1, 10 and 100 chats writing at once; beside a bare
 * grammY bot with its runner that answers a constant string (the framework's ceiling) and
 * the core alone (the router without Telegram). Then the latency at the load officials
 * make (100 updates/s over 1,000 chats) and the outbox's own rate with the pacing off.
 *
 * The fake server runs in a child process, as Telegram's servers are elsewhere, and does
 * the measuring: latency runs from an update being available (pushed to the long poll)
 * to the bot's sendMessage for it arriving. Each chat sends its next message as soon as
 * the previous one is answered (a closed loop), so N chats keep N updates in flight.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { createApp } from '../../src/app.js';
import { startTelegramChannel } from '../../src/bot/telegram/channel.js';
import { TelegramPlatform } from '../../src/bot/telegram/platform.js';
import { systemClock } from '../../src/core/clock.js';
import type { Store } from '../../src/data/store.js';
import type { MessageSender } from '../../src/delivery/message.js';
import { BULK, Outbox } from '../../src/delivery/outbox.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { parseEnv } from '../../src/config/env.js';
import { openStore, parseDatabaseUrl } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';
import { FakeTelegramServer } from '../../test/fakes/telegram-server.js';
import type { BenchSection } from './index.js';
import { ANSWER_GRACE_MS, closedLoop, type LoadTarget, type RunResult } from './load-loop.js';
import { percentiles } from './stats.js';

/** The fake Bot API as a load target: private chats whose id is the user's. */
export function telegramTarget(server: FakeTelegramServer): LoadTarget {
  return {
    send: (chat, text) => void server.sendText({ id: Number(chat), type: 'private' }, { id: Number(chat), first_name: 'Bench' }, text),
    onSend: (listener) => server.onCall((call) => {
      if (call.method === 'sendMessage') listener(String(call.payload.chat_id), call.at);
    }),
    reset: () => server.reset(),
  };
}

const CHAT_COUNTS = [1, 10, 100];
/** The steady load of the goal (500 updates/s), spread over this many chats. */
const STEADY_RATE = 500;
const STEADY_CHATS = [10, 100];
/** The load officials make: 100 updates/s spread over 1,000 chats (goal: p99 ≤ 50 ms). */
const SPREAD = { rate: 100, chats: 1_000 };
/** Messages the outbox sends to the fake Bot API with the pacing off, over this many chats. */
const OUTBOX_MESSAGES = 6_000;
const OUTBOX_CHATS = 600;
const WARMUP_MS = 1_500;
/** How long after a run's end its last answers may take before they count as missing. */
const MEASURE_MS = 5_000;
const TEXTS = ['/xa Thượng Cốc', '/xa Yên Phú', '/xa Quyết Thắng', '/xa Thanh Ba', '/xa 05293'];


type ToChild =
  | { type: 'start' }
  | { type: 'run'; chats: number; warmupMs: number; measureMs: number; texts: string[]; ratePerSecond?: number }
  | { type: 'stop' };
type FromChild = { type: 'ready'; apiRoot: string; token: string } | { type: 'result'; result: RunResult } | { type: 'error'; message: string };

/** The fake server and load generator, in the child process. */
async function childMain(): Promise<void> {
  let server: FakeTelegramServer | null = null;
  const send = (m: FromChild) => process.send!(m);
  process.on('message', (m: ToChild) => {
    void (async () => {
      try {
        if (m.type === 'start') {
          await server?.close();
          server = await FakeTelegramServer.start();
          send({ type: 'ready', apiRoot: server.apiRoot, token: server.token });
        } else if (m.type === 'run') {
          const result = m.ratePerSecond
            ? await openLoop(server!, m.chats, m.ratePerSecond, m.warmupMs, m.measureMs, m.texts)
            : await closedLoop(telegramTarget(server!), Array.from({ length: m.chats }, (_, i) => String(1001 + i)), m.warmupMs, m.measureMs, m.texts);
          send({ type: 'result', result });
        } else {
          await server?.close();
          process.exit(0);
        }
      } catch (err) {
        send({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
      }
    })();
  });
}


/**
 * Updates arriving at a steady `ratePerSecond`, spread over `chats` chats, whatever the
 * bot's pace (an open loop): the latency the bot gives at that load.
 */
function openLoop(server: FakeTelegramServer, chats: number, ratePerSecond: number, warmupMs: number, measureMs: number, texts: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const waiting = new Map<number, number[]>();
    const latencies: number[] = [];
    const start = performance.now();
    const measureFrom = start + warmupMs;
    const measureTo = measureFrom + measureMs;
    let pushed = 0;
    let outstanding = 0;
    let finished = false;
    const end = () => {
      stop();
      clearTimeout(guard);
      server.reset();
      resolve({ latencies, seconds: measureMs / 1000, unanswered: outstanding });
    };
    const stop = server.onCall((call) => {
      if (call.method !== 'sendMessage') return;
      const chat = Number(call.payload.chat_id);
      const at = waiting.get(chat)?.shift();
      if (at === undefined) return;
      outstanding--;
      if (at >= measureFrom && at <= measureTo) latencies.push(call.at - at);
      if (finished && outstanding === 0) end();
    });
    // Never wait forever for a reply that does not come: report it as unanswered.
    const guard = setTimeout(end, warmupMs + measureMs + ANSWER_GRACE_MS);
    const timer = setInterval(() => {
      const now = performance.now();
      if (now >= measureTo) {
        clearInterval(timer);
        finished = true;
        if (outstanding === 0) end();
        return;
      }
      // Catch up to the schedule: the timer fires about every millisecond at best.
      const due = Math.floor(((now - start) / 1000) * ratePerSecond);
      for (; pushed < due; pushed++) {
        const chat = 1000 + (pushed % chats) + 1;
        waiting.set(chat, [...(waiting.get(chat) ?? []), performance.now()]);
        outstanding++;
        server.sendText({ id: chat, type: 'private' }, { id: chat, first_name: 'Bench' }, texts[pushed % texts.length]!);
      }
    }, 1);
  });
}

/** Starts the fake-server process and talks to it. */
class FakeProcess {
  private readonly child: ChildProcess;
  private waiting: ((m: FromChild) => void) | null = null;

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), ['--fake-telegram-server'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: FromChild) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
    this.child.on('exit', (code) => {
      const w = this.waiting;
      this.waiting = null;
      w?.({ type: 'error', message: `the fake server process exited (${code})` });
    });
  }

  private ask(m: ToChild): Promise<FromChild> {
    return new Promise((resolve, reject) => {
      this.waiting = (answer) => (answer.type === 'error' ? reject(new Error(answer.message)) : resolve(answer));
      this.child.send(m);
    });
  }

  async start(): Promise<{ apiRoot: string; token: string }> {
    const m = await this.ask({ type: 'start' });
    if (m.type !== 'ready') throw new Error('fake server did not start');
    return m;
  }

  async run(chats: number, ratePerSecond?: number): Promise<RunResult> {
    const m = await this.ask({ type: 'run', chats, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, texts: TEXTS, ...(ratePerSecond ? { ratePerSecond } : {}) });
    if (m.type !== 'result') throw new Error('no result');
    return m.result;
  }

  stop(): void {
    this.child.send({ type: 'stop' } satisfies ToChild);
  }
}

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

export const telegramSection: BenchSection = {
  name: 'telegram',
  title: '/xa through the Telegram adapter against the fake Bot API (loopback), 1/10/100 chats',
  async run(print) {
    const dir = mkdtempSync(join(tmpdir(), 'haicap-bench-tg-'));
    const fake = new FakeProcess();
    const out: Record<string, unknown> = { store: 'demo data, SQLite', measureSeconds: MEASURE_MS / 1000 };
    try {
      const env = parseEnv({ DEMO_DATA: 'true', LOG_LEVEL: 'silent', PUBLIC_AGGREGATES: 'true' });
      const store = await openStore(parseDatabaseUrl(`file:${join(dir, 'bench.db')}`));
      const app = await createApp({ env, store, log: silentLogger });

      // The framework's ceiling: grammY and the runner answering a constant string.
      const bareFake = await fake.start();
      const bare = new Bot(bareFake.token, { client: { apiRoot: bareFake.apiRoot } });
      bare.on('message:text', (ctx) => ctx.reply('Xin chào'));
      await bare.init();
      const bareRunner = run(bare, { runner: { silent: true } });
      const bareFigures: Record<number, Figures> = {};
      for (const n of CHAT_COUNTS) bareFigures[n] = figures(await fake.run(n));
      await bareRunner.stop();

      // The core alone: the router answering /xa, N requests at a time, no Telegram.
      const coreFigures: Record<number, Figures> = {};
      for (const n of CHAT_COUNTS) coreFigures[n] = await coreLoop(app.router, n);

      // The real bot.
      const botFake = await fake.start();
      const http = new HttpServer(silentLogger);
      const channel = await startTelegramChannel(
        { router: app.router, store: app.store, log: silentLogger },
        { mode: 'polling', token: botFake.token, apiRoot: botFake.apiRoot, maxRetryWaitMs: 10_000 },
        http,
      );
      const botFigures: Record<number, Figures> = {};
      for (const n of CHAT_COUNTS) botFigures[n] = figures(await fake.run(n));
      const steady: Record<number, Figures> = {};
      for (const n of STEADY_CHATS) steady[n] = figures(await fake.run(n, STEADY_RATE));
      const spread = figures(await fake.run(SPREAD.chats, SPREAD.rate));
      await channel.stop();

      // The outbox alone, pacing off: how fast a fan-out could go if the platform let it.
      const outboxFake = await fake.start();
      const api = new TelegramPlatform({ token: outboxFake.token, apiRoot: outboxFake.apiRoot, commands: [] }, silentLogger);
      const outboxRates = {
        toBotApi: await outboxRate(app.store, 'bench-outbox-api', api.sender, OUTBOX_MESSAGES, OUTBOX_CHATS),
        toNullSender: await outboxRate(app.store, 'bench-outbox-null', { send: async () => ({ messageId: '1' }) }, OUTBOX_MESSAGES * 4, OUTBOX_CHATS),
      };
      await app.close();

      print('chats  bot upd/s  p50 ms  p99 ms | bare upd/s  p50 ms  p99 ms | core upd/s | bot/bare');
      for (const n of CHAT_COUNTS) {
        const b = botFigures[n]!;
        const c = bareFigures[n]!;
        const k = coreFigures[n]!;
        const ratio = b.updatesPerSecond / Math.max(1, c.updatesPerSecond);
        print(
          `${String(n).padStart(5)}  ${String(b.updatesPerSecond).padStart(9)}  ${b.p50Ms.toFixed(2).padStart(6)}  ${b.p99Ms.toFixed(2).padStart(6)} | ` +
            `${String(c.updatesPerSecond).padStart(10)}  ${c.p50Ms.toFixed(2).padStart(6)}  ${c.p99Ms.toFixed(2).padStart(6)} | ` +
            `${String(k.updatesPerSecond).padStart(10)} | ${ratio.toFixed(2)}`,
        );
        out[`chats${n}`] = { bot: b, bareGrammy: c, coreOnly: k, botOverBare: Math.round(ratio * 100) / 100 };
      }
      print(`steady load of ${STEADY_RATE} updates/s (open loop): latency of the real bot`);
      for (const n of STEADY_CHATS) {
        const s = steady[n]!;
        print(`${String(n).padStart(5)} chats: ${s.updatesPerSecond} upd/s answered, p50 ${s.p50Ms.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms, unanswered ${s.unanswered}`);
        out[`steady${STEADY_RATE}PerSecond${n}Chats`] = s;
      }
      print(`${SPREAD.rate} updates/s over ${SPREAD.chats} chats: p50 ${spread.p50Ms.toFixed(2)} ms, p99 ${spread.p99Ms.toFixed(2)} ms, unanswered ${spread.unanswered} (goal: p99 ≤ 50 ms)`);
      out[`steady${SPREAD.rate}PerSecond${SPREAD.chats}Chats`] = spread;
      print(
        `outbox, pacing off, one message at a time: ${outboxRates.toBotApi.perSecond} messages/s to the fake Bot API, ` +
          `${outboxRates.toNullSender.perSecond} messages/s to a sender that does nothing (goal: ≥ 2,000 messages/s)`,
      );
      out.outbox = outboxRates;
      print('goal: ≥ 500 updates/s, p99 ≤ 50 ms, at least half the bare ceiling');
      return out;
    } finally {
      fake.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * The outbox's own rate: `count` messages to `chats` chats enqueued as a fan-out is, then
 * sent by the worker with no pacing, one at a time (as it always sends), until none is left.
 */
async function outboxRate(store: Store, key: string, sender: MessageSender, count: number, chats: number): Promise<{ messages: number; seconds: number; perSecond: number }> {
  const outbox = new Outbox(store);
  const now = new Date();
  const message = { text: 'Bản tin sáng: 3 hồ sơ quá hạn', plain: 'Bản tin sáng: 3 hồ sơ quá hạn', markup: 'plain' as const };
  for (let i = 0; i < count; i++) await outbox.enqueue(key, { chatId: String(100_000 + (i % chats)), isGroup: false }, `${key}:${i}`, message, now, now, { priority: BULK });
  const worker = new OutboxWorker(outbox, key, sender, null, systemClock, silentLogger, { batch: 500 });
  const started = performance.now();
  let sent = 0;
  for (;;) {
    const n = await worker.drainOnce();
    if (n === 0) break;
    sent += n;
  }
  const seconds = (performance.now() - started) / 1000;
  return { messages: sent, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(sent / seconds) };
}

/** The router answering /xa with `n` requests in flight, for MEASURE_MS. */
async function coreLoop(router: Awaited<ReturnType<typeof createApp>>['router'], n: number): Promise<Figures> {
  const latencies: number[] = [];
  const end = performance.now() + MEASURE_MS;
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async (_, c) => {
      while (performance.now() < end) {
        const t = performance.now();
        await router.handle({ text: TEXTS[i++ % TEXTS.length]!, chat: { platform: 'telegram', id: String(c), kind: 'private' }, user: { id: String(c) }, addressed: true });
        latencies.push(performance.now() - t);
      }
    }),
  );
  return figures({ latencies, seconds: MEASURE_MS / 1000, unanswered: 0 });
}

if (process.argv.includes('--fake-telegram-server')) void childMain();
