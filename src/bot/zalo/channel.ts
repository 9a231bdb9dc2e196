import type { ChatChannel, ChatChannelDeps, ChatChannelOptions } from '../../channel/chat-channel.js';
import type { ReplyRenderer } from '../../channel/platform.js';
import type { PollingOptions } from '../../channel/polling.js';
import { receivingChannel } from '../../channel/start.js';
import type { AdminId } from '../../config/env-access.js';
import { channelStarter, startAndWait } from '../../channel/start.js';
import { zaloConfig, type ZaloConfig } from '../../config/env-zalo.js';
import { systemClock } from '../../core/clock.js';
import type { HttpServer } from '../../server/http-server.js';
import type { ZaloClientOptions } from './client.js';
import { ZaloPlatform } from './platform.js';
import { ZaloPollSource } from './polling.js';
import { zaloWebhook } from './webhook.js';

/** A message refused with "Quota exceeded" may wait into next month: keep trying for 40 days. */
const GIVE_UP_AFTER_MS = 40 * 24 * 3_600_000;

/** Tuning the tests and the benchmark use; production runs with the defaults. */
export type ZaloChannelOptions = Partial<Omit<ChatChannelOptions, 'maxRetryWaitMs'>> & {
  renderer?: ReplyRenderer;
  client?: Pick<ZaloClientOptions, 'timeouts' | 'dispatcher'>;
  polling?: PollingOptions & { timeoutSeconds?: number };
};

/** What the Zalo channel needs: the channel's own, and the administrators (told of the quota). */
export type ZaloChannelDeps = ChatChannelDeps & { admins: readonly AdminId[] };

/** The running Zalo channel. */
export type ZaloChannel = ChatChannel<ZaloPlatform> & { readonly mode: ZaloConfig['mode'] };

/**
 * The Zalo channel in the configured mode: the token checked in the background (getMe),
 * pictures served when PUBLIC_BASE_URL is set, then long polling or the webhook.
 * Returned at once; see `whenReady`.
 */
function zaloChannel(deps: ZaloChannelDeps, config: ZaloConfig, http: HttpServer, options: ZaloChannelOptions = {}): ZaloChannel {
  const { renderer, client, ...channelOptions } = options;
  const clock = options.clock ?? systemClock;
  const platform = new ZaloPlatform(
    {
      token: config.token,
      apiRoot: config.apiRoot,
      monthlyQuota: config.monthlyQuota,
      markdown: config.markdown,
      publicBaseUrl: config.publicBaseUrl,
      ...(renderer ? { renderer } : {}),
      ...(client ? { client } : {}),
    },
    { store: deps.store, log: deps.log, clock, admins: deps.admins, ...(deps.notices ? { notices: deps.notices } : {}) },
  );
  platform.images?.route(http);
  const channel = receivingChannel(
    platform,
    deps,
    config,
    http,
    { poll: (seconds) => new ZaloPollSource(platform, deps.log, seconds), webhook: (settings) => zaloWebhook(platform, settings, deps.log) },
    { ...channelOptions, outbox: { giveUpAfterMs: GIVE_UP_AFTER_MS, ...channelOptions.outbox } },
  );
  return Object.assign(channel, { mode: config.mode });
}

/** Starts the channel and waits until it answers (tests and the benchmark). */
export function startZaloChannel(deps: ZaloChannelDeps, config: ZaloConfig, http: HttpServer, options: ZaloChannelOptions = {}): Promise<ZaloChannel> {
  return startAndWait(zaloChannel(deps, config, http, options));
}

/** Starts Zalo when ZALO_BOT_TOKEN is set (see src/config/env-zalo.ts). */
export const startZalo = channelStarter(zaloConfig, ({ app, http }, config) =>
  zaloChannel({ router: app.router, store: app.store, log: app.log, notices: app.ctx.notices, instance: app.instance, admins: app.ctx.settings.admins }, config, http),
);
