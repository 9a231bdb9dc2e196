import { GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { TelegramConfig } from '../../config/env-telegram.js';
import type { HttpServer } from '../../server/http-server.js';
import type { Channel } from '../channels.js';
import { TelegramBot, type TelegramBotDeps, type TelegramBotOptions } from './bot.js';
import { startPolling, type PollingOptions } from './polling.js';
import { startWebhook } from './webhook.js';

/** Tuning the tests and the benchmark use; production runs with the defaults. */
export type TelegramChannelOptions = Partial<
  Pick<TelegramBotOptions, 'typingAfterMs' | 'sleep' | 'clock' | 'renderer' | 'outbox' | 'onUpdateHandled' | 'timeoutSeconds'>
> & { polling?: PollingOptions };

/** The running Telegram channel. */
export interface TelegramChannel extends Channel {
  readonly bot: TelegramBot;
  readonly me: UserFromGetMe;
  readonly mode: TelegramConfig['mode'];
}

/**
 * Starts the bot in the configured mode: checks the token (getMe), publishes the command
 * menu, then long-polls or serves the webhook. `stop` stops taking updates, finishes the
 * ones in flight and lets the outbox finish the message it is sending.
 */
export async function startTelegramChannel(
  deps: TelegramBotDeps,
  config: TelegramConfig,
  http: HttpServer,
  options: TelegramChannelOptions = {},
): Promise<TelegramChannel> {
  const { polling: pollingOptions, ...botOptions } = options;
  const tb = new TelegramBot(deps, {
    token: config.token,
    apiRoot: config.apiRoot,
    maxRetryWaitMs: config.maxRetryWaitMs,
    // One getUpdates caller at a time: a claim left by another process is an orphan. Behind
    // a webhook several instances may share updates, so give the owner a minute.
    takeOver: config.mode === 'polling' ? { kind: 'other-owner' } : { kind: 'after', afterMs: 60_000 },
    ...botOptions,
  });
  let me: UserFromGetMe;
  try {
    me = await tb.init();
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new Error(`Telegram không chấp nhận TELEGRAM_BOT_TOKEN (${err.error_code}); hãy kiểm tra lại mã do @BotFather cấp.`);
    }
    throw err;
  }
  const receiver =
    config.mode === 'polling'
      ? await startPolling(tb, deps.log, pollingOptions)
      : await startWebhook(tb, http, { url: config.webhookUrl, path: config.webhookPath, secret: config.secret }, deps.log);
  return {
    name: 'telegram',
    bot: tb,
    me,
    mode: config.mode,
    stop: () => receiver.stop(),
  };
}
