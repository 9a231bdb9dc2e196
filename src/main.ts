/**
 * `npm start`: opens the store (the embedded SQLite file by default, created, migrated and
 * filled with the demo dataset on first start) and serves the configured chats; with no
 * chat token configured, a console chat in this terminal, which takes the options of
 * `npm run ask` (--as, --chat, --now).
 */
import { createApp } from './app.js';
import { createLogger } from './log.js';
import { CHANNELS, type Channel } from './bot/channels.js';
import { parseConsoleArgs, UsageError, USAGE } from './bot/console/args.js';
import { consoleIdentity } from './bot/console/identity.js';
import { runConsoleChat } from './bot/console/interactive.js';
import { ConfigError, parseEnv } from './config/env.js';
import { httpLimits } from './config/env-http.js';
import { fixedClock, runningClock } from './core/clock.js';
import { consoleAlertChat } from './alerts/console-chat.js';
import { startAlerts } from './alerts/start.js';
import { HttpServer } from './server/http-server.js';
import { healthRoutes } from './server/health.js';
import { ROUTE_PROVIDERS } from './server/routes.js';

/** How long a stop may take before the process exits anyway (supervisors give 10 s). */
const DRAIN_MS = 9_500;

async function main(): Promise<number> {
  const args = parseConsoleArgs(process.argv.slice(2));
  if (args.message !== null || args.json) throw new UsageError(`npm start chỉ nhận --as, --chat và --now.\n${USAGE}`);
  const env = parseEnv();
  // The console chat shares the terminal with the logs: there, only warnings unless asked.
  const consoleOnly = !env.TELEGRAM_BOT_TOKEN && !env.ZALO_BOT_TOKEN;
  const level = consoleOnly && !process.env.LOG_LEVEL ? 'warn' : env.LOG_LEVEL;
  // --now stops the clock at a day's end; CLOCK_START starts it at an instant and lets it run.
  const clock = args.now ? fixedClock(args.now) : env.CLOCK_START ? runningClock(env.CLOCK_START) : undefined;
  const app = await createApp({ env, log: createLogger(level), ...(clock ? { clock } : {}) });
  app.log.info('store open', { location: app.store.location, dialect: app.store.dialect });
  const http = new HttpServer(app.log, httpLimits(env));
  for (const provide of ROUTE_PROVIDERS) await provide({ app, env, http });
  const channels: Channel[] = [];
  for (const start of CHANNELS) {
    const channel = start({ app, env, http });
    if (channel) channels.push(channel);
  }
  const state = { draining: false };
  healthRoutes(http, channels, app.store, state);
  // The HTTP server never waits on a chat platform: health checks, the push API and
  // webhooks answer while a channel is still reaching its platform.
  if (channels.length > 0 || http.hasRoutesBeyondHealth) {
    const port = await http.listen(env.PORT);
    app.log.info('http listening', { port });
  }
  if (channels.length === 0) {
    // The console chat acting with --as is a registered chat: it gets its role's digests.
    const identity = await consoleIdentity(app.ctx, args);
    const alerts = await startAlerts(app, env, consoleAlertChat(identity));
    await runConsoleChat(app, identity);
    await alerts.stop();
    await http.close();
    await app.close();
    return 0;
  }
  const alerts = await startAlerts(app, env);
  // Draining: /readyz answers 503 at once, channels stop taking updates and finish those in
  // flight, the outbox finishes the message it is sending, the leases are released (another
  // instance takes over at once), and the process exits within 10 s whatever happens.
  const stop = async (signal: string) => {
    if (state.draining) return;
    state.draining = true;
    app.log.info('draining', { signal });
    const deadline = setTimeout(() => {
      app.log.error('drain took longer than 10 s; exiting');
      process.exit(0);
    }, DRAIN_MS);
    deadline.unref();
    await alerts.stop();
    await Promise.allSettled(channels.map((c) => c.stop()));
    // The HTTP server closes before the store: a webhook that arrives while the channels
    // stop is still kept for another instance, never answered 500 by a closed store (Zalo
    // does not send a refused update again).
    await http.close();
    await app.close();
    app.log.info('stopped', { signal });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof UsageError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
