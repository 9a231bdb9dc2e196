import type { PollSource } from '../../channel/polling.js';
import { backoffMs } from '../../delivery/retry.js';
import type { Logger } from '../../log.js';
import { DEFAULT_POLL_SECONDS } from './client.js';
import { ZaloError } from './errors.js';
import type { ZaloPlatform } from './platform.js';

/** After a refused token, wait longer: someone has to reset it in Bot Creator. */
const AUTH_BACKOFF_MS = 60_000;

/**
 * Zalo's long poll: one update per getUpdates call, forgotten by Zalo once returned, so the
 * poll under way is let finish on stop, within a grace period (see PollingOptions). An
 * empty wait ends with Zalo's 408, which is no error. A webhook left from webhook mode is
 * removed first (Zalo refuses getUpdates while one is set).
 */
export class ZaloPollSource implements PollSource {
  readonly abandonOnStop = false;
  private readonly seconds: number;

  constructor(
    private readonly platform: ZaloPlatform,
    private readonly log: Logger,
    /** Seconds each getUpdates call may wait for an update (default 30, at least 1: 0 hangs). */
    timeoutSeconds?: number,
  ) {
    this.seconds = Math.max(1, Math.round(timeoutSeconds ?? DEFAULT_POLL_SECONDS));
  }

  async prepare(): Promise<void> {
    if (await this.platform.client.getWebhookInfo()) await this.platform.client.deleteWebhook();
  }

  async poll(signal: AbortSignal): Promise<unknown[]> {
    return this.platform.client.getUpdates({ timeout: this.seconds }, { signal });
  }

  async failed(err: unknown, failures: number): Promise<number> {
    if (!(err instanceof ZaloError)) {
      // The store failed while keeping an update: Zalo has forgotten it already.
      this.log.error('zalo update could not be kept', { error: err });
      return backoffMs(failures);
    }
    if (err.errorCode === 409 || (err.code === 'bad_request' && /webhook/i.test(err.description))) {
      this.log.warn('zalo refused getUpdates while a webhook is set; removing it', { code: err.errorCode });
      await this.platform.client.deleteWebhook().catch((e: unknown) => this.log.warn('zalo webhook not removed', { error: e }));
      return backoffMs(failures);
    }
    if (err.code === 'auth') {
      this.log.error('zalo refused the bot token while polling', { code: err.errorCode });
      return AUTH_BACKOFF_MS;
    }
    this.log.warn('zalo poll failed', { code: err.code, errorCode: err.errorCode, failures });
    return backoffMs(Math.min(failures, 6));
  }
}
