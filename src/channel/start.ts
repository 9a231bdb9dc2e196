import type { ChannelDeps, ChannelStarter } from '../bot/channels.js';
import { ConfigError, type Env } from '../config/env.js';
import type { PlatformBase, PlatformConfigResult, ReceiveMode } from '../config/receive-mode.js';
import type { HttpServer } from '../server/http-server.js';
import { ChatChannel, type ChatChannelDeps, type ChatChannelOptions } from './chat-channel.js';
import type { ChatPlatform } from './platform.js';
import { LeasedPolling, type PollingOptions, type PollSource } from './polling.js';
import { WebhookReceiver, type WebhookSpec } from './webhook.js';

/** How a platform receives, in each mode: its long poll, or its webhook at an address with a secret. */
export interface PlatformReceivers {
  poll: (timeoutSeconds: number | undefined) => PollSource;
  webhook: (settings: { url: string; path: string; secret: string }) => WebhookSpec;
}

/** The channel of a platform in its configured receive mode. */
export function receivingChannel<P extends ChatPlatform>(
  platform: P,
  deps: ChatChannelDeps,
  config: PlatformBase & ReceiveMode,
  http: HttpServer,
  receivers: PlatformReceivers,
  options: Partial<Omit<ChatChannelOptions, 'maxRetryWaitMs'>> & { polling?: PollingOptions & { timeoutSeconds?: number } } = {},
): ChatChannel<P> {
  const { polling, ...channelOptions } = options;
  return new ChatChannel(
    platform,
    deps,
    {
      maxRetryWaitMs: config.maxRetryWaitMs,
      ...channelOptions,
    },
    (ch) =>
      config.mode === 'polling'
        ? new LeasedPolling(ch, deps.store, receivers.poll(polling?.timeoutSeconds), deps.log, polling ?? {})
        : new WebhookReceiver(ch, http, receivers.webhook({ url: config.webhookUrl, path: config.webhookPath, secret: config.secret }), deps.log),
  );
}

/** Starts a channel and waits until it answers; a channel that cannot start is stopped and its reason thrown (tests, the benchmark). */
export async function startAndWait<C extends ChatChannel>(channel: C): Promise<C> {
  try {
    await channel.whenReady();
  } catch (err) {
    await channel.stop();
    throw err;
  }
  return channel;
}

/**
 * How `npm start` starts a platform: its variables are checked (each problem stops the
 * start with a Vietnamese line), nothing happens without a token, and the channel is
 * started in the background.
 */
export function channelStarter<C>(configOf: (env: Env) => PlatformConfigResult<C>, make: (deps: ChannelDeps, config: C) => ChatChannel): ChannelStarter {
  return (deps) => {
    const { config, problems } = configOf(deps.env);
    if (problems.length > 0) throw new ConfigError(problems);
    if (!config) return null;
    const channel = make(deps, config);
    channel.start();
    return channel;
  };
}
