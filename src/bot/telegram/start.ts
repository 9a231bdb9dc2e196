import { ConfigError } from '../../config/env.js';
import { telegramConfig } from '../../config/env-telegram.js';
import type { ChannelStarter } from '../channels.js';
import { startTelegramChannel } from './channel.js';

/** Starts Telegram when TELEGRAM_BOT_TOKEN is set (see src/config/env-telegram.ts). */
export const startTelegram: ChannelStarter = async ({ app, env, http }) => {
  const { config, problems } = telegramConfig(env);
  if (problems.length > 0) throw new ConfigError(problems);
  if (!config) return null;
  return startTelegramChannel({ router: app.router, settings: app.ctx.settings, store: app.store, log: app.log, notices: app.ctx.notices }, config, http);
};
