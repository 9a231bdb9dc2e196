/**
 * One scheduler pass over the alerts bench store, in a process of its own so that its peak
 * RSS is the pass's and not the store building's (run by bench/sections/alerts.ts, as an
 * esbuild bundle like `npm start`'s):
 * `node build/bin/alerts-pass.js <store file> <ISO instant> [--leaders-daily] [--zalo]`
 * (--zalo: the registered chats are Zalo groups instead of Telegram ones).
 * The application is warmed first (directory, calendar, chats), as in a bot that has been
 * running; then one pass, timed. Prints one JSON line with the figures.
 */
import { saveSchedule } from '../../src/alerts/alert-store.js';
import { alertChats } from '../../src/alerts/chats.js';
import { chatsWithSchedules } from '../../src/alerts/chat-schedules.js';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { openStore } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';

/** What the parent reads from the child's last line. */
export interface PassFigures {
  passMs: number;
  sent: number;
  empty: number;
  rssBeforeMb: number;
  peakRssMb: number;
  heapUsedMb: number;
}

async function main(): Promise<void> {
  const [file, instant] = process.argv.slice(2);
  if (!file || !instant) throw new Error('usage: alerts-pass.ts <store file> <ISO instant> [--leaders-daily] [--zalo]');
  const now = new Date(instant);
  const store = await openStore({ dialect: 'sqlite', file });
  const app = await createApp({ env: parseEnv({ DEMO_DATA: 'false' }), store, clock: fixedClock(now), log: silentLogger });
  try {
    if (process.argv.includes('--zalo')) await store.sql.run("UPDATE chat_binding SET platform = 'zalo'");
    // A leaders' chat that asked for a digest every working day (`/lichbao 08:00` after
    // `/lichbao bật`): so that on a Tuesday every chat's digest is due, without the weekly report.
    if (process.argv.includes('--leaders-daily')) {
      for (const c of await alertChats(store)) {
        if (c.role === 'leader') await saveSchedule(store, c.key, { times: ['08:00'], weekday: null, enabled: true, allClear: false, custom: true }, 'bench', now);
      }
    }
    await Promise.all([app.ctx.directory.get(), app.ctx.calendar.get(), chatsWithSchedules(store)]);
    const rssBefore = process.memoryUsage().rss;
    const scheduler = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
    const started = performance.now();
    const r = await scheduler.tick(now);
    const passMs = performance.now() - started;
    const figures: PassFigures = {
      passMs: Math.round(passMs),
      sent: r.sent,
      empty: r.empty,
      rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await app.instance.stop();
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
