import type { Logger } from '../../log.js';
import type { ZaloBot } from './bot.js';
import { DEFAULT_POLL_SECONDS } from './client.js';
import { ZaloError } from './errors.js';
import { backoffMs, realSleep, sleepUnless } from '../../delivery/waits.js';

/** A running long-polling loop. */
export interface Polling {
  /** Stops fetching (after the poll under way), finishes the updates in flight, stops. */
  stop(): Promise<void>;
}

export interface PollingOptions {
  /** Seconds each getUpdates call may wait for an update (default 30, at least 1). */
  timeoutSeconds?: number;
  /** Waits between failed polls (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
}

/** After a refused token, wait longer: someone has to reset it in Bot Creator. */
const AUTH_BACKOFF_MS = 60_000;

/**
 * Receives updates by long polling. Zalo returns one update per getUpdates call and
 * forgets it once returned, so each is kept (the bot's inbox) before the next call, and
 * handled while the loop polls again. An empty wait ends with Zalo's 408, which is no
 * error. Failures back off and the loop goes on; the poll under way is never abandoned on
 * stop (an update Zalo returned to a closed connection would be lost), so stopping takes
 * at most one poll's wait. A webhook left from webhook mode is removed first (Zalo refuses
 * getUpdates while one is set).
 */
export async function startPolling(zb: ZaloBot, log: Logger, opts: PollingOptions = {}): Promise<Polling> {
  const seconds = Math.max(1, Math.round(opts.timeoutSeconds ?? DEFAULT_POLL_SECONDS));
  const sleep = opts.sleep ?? realSleep;
  const stopSignal = new AbortController();
  if (await zb.client.getWebhookInfo()) await zb.client.deleteWebhook();

  const loop = async () => {
    let failures = 0;
    while (!stopSignal.signal.aborted) {
      await zb.room();
      if (stopSignal.signal.aborted) break;
      try {
        const updates = await zb.client.getUpdates({ timeout: seconds });
        failures = 0;
        for (const u of updates) await zb.accept(u as unknown as Record<string, unknown>);
      } catch (err) {
        if (stopSignal.signal.aborted) break;
        failures++;
        const wait = await onPollFailure(zb, err, failures, log);
        await sleepUnless(sleep, wait, stopSignal.signal);
      }
    }
  };
  const running = loop().catch((err: unknown) => log.error('zalo polling loop failed', { error: err }));
  log.info('zalo polling started', { account: zb.info?.account_name, timeoutSeconds: seconds });
  return {
    async stop() {
      stopSignal.abort();
      // The poll under way is let finish: what it brings is answered before stopping.
      await running;
      await zb.finish();
      log.info('zalo polling stopped');
    },
  };
}

/** Logs a failed poll, repairs what it can, and says how long to wait before the next. */
async function onPollFailure(zb: ZaloBot, err: unknown, failures: number, log: Logger): Promise<number> {
  if (!(err instanceof ZaloError)) {
    // The store failed while keeping an update: Zalo has forgotten it already.
    log.error('zalo update could not be kept', { error: err });
    return backoffMs(failures);
  }
  if (err.errorCode === 409 || (err.code === 'bad_request' && /webhook/i.test(err.description))) {
    log.warn('zalo refused getUpdates while a webhook is set; removing it', { code: err.errorCode });
    await zb.client.deleteWebhook().catch((e: unknown) => log.warn('zalo webhook not removed', { error: e }));
    return backoffMs(failures);
  }
  if (err.code === 'auth') {
    log.error('zalo refused the bot token while polling', { code: err.errorCode });
    return AUTH_BACKOFF_MS;
  }
  log.warn('zalo poll failed', { code: err.code, errorCode: err.errorCode, failures });
  return backoffMs(Math.min(failures, 6));
}
