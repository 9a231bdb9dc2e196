/**
 * `npm start`: opens the store (the embedded SQLite file by default, created, migrated and
 * filled with the demo dataset on first start) and serves the configured chats; with no
 * chat token configured, a console chat in this terminal.
 */
import { createApp } from './app.js';
import { ConfigError, parseEnv } from './config/env.js';
import { runConsoleChat } from './bot/console/interactive.js';
import { DEFAULT_CONSOLE_IDENTITY } from './bot/console/session.js';

async function main(): Promise<void> {
  const env = parseEnv();
  const app = await createApp({ env });
  app.log.info('store open', { location: app.store.location, dialect: app.store.dialect });
  await runConsoleChat(app, DEFAULT_CONSOLE_IDENTITY);
  await app.close();
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
