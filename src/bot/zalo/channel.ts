import type { ZaloConfig } from '../../config/env-zalo.js';
import type { HttpServer } from '../../server/http-server.js';
import { ZALO_TEXT } from '../../text/messages.js';
import type { Channel } from '../channels.js';
import { ZaloBot, type ZaloBotDeps, type ZaloBotOptions } from './bot.js';
import { ZaloError } from './errors.js';
import { startPolling, type PollingOptions } from './polling.js';
import type { ZaloBotInfo } from './types.js';
import { startWebhook } from './webhook.js';

/** Tuning the tests and the benchmark use; production runs with the defaults. */
export type ZaloChannelOptions = Partial<
  Pick<
    ZaloBotOptions,
    'typingAfterMs' | 'sleep' | 'clock' | 'renderer' | 'outbox' | 'onUpdateHandled' | 'quotaCheckMs' | 'quotaRetryMs' | 'recoverAfterMs' | 'maxInFlight' | 'client'
  >
> & { polling?: PollingOptions };

/** The running Zalo channel. */
export interface ZaloChannel extends Channel {
  readonly bot: ZaloBot;
  readonly me: ZaloBotInfo;
  readonly mode: ZaloConfig['mode'];
}

/**
 * Starts the Zalo bot in the configured mode: checks the token (getMe), serves pictures
 * when PUBLIC_BASE_URL is set, then long-polls or serves the webhook. `stop` stops taking
 * updates, finishes the ones in flight and lets the outbox finish the message it is sending.
 */
export async function startZaloChannel(deps: ZaloBotDeps, config: ZaloConfig, http: HttpServer, options: ZaloChannelOptions = {}): Promise<ZaloChannel> {
  const { polling: pollingOptions, ...botOptions } = options;
  const zb = new ZaloBot(deps, {
    token: config.token,
    apiRoot: config.apiRoot,
    maxRetryWaitMs: config.maxRetryWaitMs,
    monthlyQuota: config.monthlyQuota,
    markdown: config.markdown,
    publicBaseUrl: config.publicBaseUrl,
    // One getUpdates caller at a time: a claim left by another process is an orphan. Behind
    // a webhook several instances may share updates, so give the owner a minute.
    takeOver: config.mode === 'polling' ? { kind: 'other-owner' } : { kind: 'after', afterMs: 60_000 },
    ...botOptions,
  });
  zb.images?.route(http);
  let me: ZaloBotInfo;
  try {
    me = await zb.init();
  } catch (err) {
    await zb.finish().catch(() => undefined);
    if (err instanceof ZaloError && err.code === 'auth') throw new Error(ZALO_TEXT.tokenRefused(err.errorCode ?? 401));
    throw err;
  }
  const receiver =
    config.mode === 'polling'
      ? await startPolling(zb, deps.log, pollingOptions)
      : await startWebhook(zb, http, { url: config.webhookUrl, path: config.webhookPath, secret: config.secret }, deps.log);
  return { name: 'zalo', bot: zb, me, mode: config.mode, stop: () => receiver.stop() };
}
