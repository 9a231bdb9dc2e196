/**
 * `npm start`: opens the store (the embedded SQLite file by default, created, migrated and
 * filled with the demo dataset on first start) and serves the configured chats; with no
 * chat token configured, a console chat in this terminal.
 */
import { createApp } from './app.js';
import { createLogger } from './log.js';
import { CHANNELS, type Channel } from './bot/channels.js';
import { runConsoleChat } from './bot/console/interactive.js';
import { DEFAULT_CONSOLE_IDENTITY } from './bot/console/session.js';
import { ConfigError, parseEnv } from './config/env.js';
import { HttpServer } from './server/http-server.js';
import { ROUTE_PROVIDERS } from './server/routes.js';

async function main(): Promise<void> {
  const env = parseEnv();
  // The console chat shares the terminal with the logs: there, only warnings unless asked.
  const consoleOnly = !env.TELEGRAM_BOT_TOKEN && !env.ZALO_BOT_TOKEN;
  const level = consoleOnly && !process.env.LOG_LEVEL ? 'warn' : env.LOG_LEVEL;
  const app = await createApp({ env, log: createLogger(level) });
  app.log.info('store open', { location: app.store.location, dialect: app.store.dialect });
  const http = new HttpServer(app.log);
  for (const provide of ROUTE_PROVIDERS) await provide({ app, env, http });
  const channels: Channel[] = [];
  for (const start of CHANNELS) {
    const channel = await start({ app, env, http });
    if (channel) channels.push(channel);
  }
  if (channels.length > 0 || http.hasRoutesBeyondHealth) {
    const port = await http.listen(env.PORT);
    app.log.info('http listening', { port });
  }
  if (channels.length === 0) {
    await runConsoleChat(app, DEFAULT_CONSOLE_IDENTITY);
    await http.close();
    await app.close();
    return;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info('stopping', { signal });
    await Promise.allSettled(channels.map((c) => c.stop()));
    await http.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
