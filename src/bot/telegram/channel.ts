import type { ChatChannel, ChatChannelDeps, ChatChannelOptions } from '../../channel/chat-channel.js';
import type { ReplyRenderer } from '../../channel/platform.js';
import type { PollingOptions } from '../../channel/polling.js';
import { channelStarter, receivingChannel, startAndWait } from '../../channel/start.js';
import { telegramConfig, type TelegramConfig } from '../../config/env-telegram.js';
import type { HttpServer } from '../../server/http-server.js';
import { TelegramPlatform } from './platform.js';
import { TelegramPollSource } from './polling.js';
import { telegramWebhook } from './webhook.js';

/** Tuning the tests and the benchmark use; production runs with the defaults. */
export type TelegramChannelOptions = Partial<Omit<ChatChannelOptions, 'maxRetryWaitMs'>> & {
  renderer?: ReplyRenderer;
  /** Longest time one Bot API request may take (default 60 s). */
  timeoutSeconds?: number;
  /** Longest wait for getMe at start before it is tried again (default 10 s). */
  connectTimeoutMs?: number;
  polling?: PollingOptions & { timeoutSeconds?: number };
};

/** The running Telegram channel. */
export type TelegramChannel = ChatChannel<TelegramPlatform> & { readonly mode: TelegramConfig['mode'] };

/**
 * The Telegram channel in the configured mode: the Bot API reached in the background
 * (getMe, the command menu), then long polling or the webhook. Returned at once; see
 * `whenReady`.
 */
export function telegramChannel(deps: ChatChannelDeps, config: TelegramConfig, http: HttpServer, options: TelegramChannelOptions = {}): TelegramChannel {
  const { renderer, timeoutSeconds, connectTimeoutMs, ...channelOptions } = options;
  const platform = new TelegramPlatform(
    {
      token: config.token,
      apiRoot: config.apiRoot,
      commands: deps.router.commands,
      ...(renderer ? { renderer } : {}),
      ...(timeoutSeconds ? { timeoutSeconds } : {}),
      ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
    },
    deps.log,
  );
  const channel = receivingChannel(platform, deps, config, http, {
    poll: (seconds) => new TelegramPollSource(platform, deps.log, seconds),
    webhook: (settings) => telegramWebhook(platform, settings),
  }, channelOptions);
  return Object.assign(channel, { mode: config.mode });
}

/** Starts the channel and waits until it answers (tests and the benchmark). */
export function startTelegramChannel(deps: ChatChannelDeps, config: TelegramConfig, http: HttpServer, options: TelegramChannelOptions = {}): Promise<TelegramChannel> {
  return startAndWait(telegramChannel(deps, config, http, options));
}

/** Starts Telegram when TELEGRAM_BOT_TOKEN is set (see src/config/env-telegram.ts). */
export const startTelegram = channelStarter(telegramConfig, ({ app, http }, config) =>
  telegramChannel({ router: app.router, store: app.store, log: app.log, notices: app.ctx.notices, instance: app.instance }, config, http),
);
