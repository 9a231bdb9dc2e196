import { GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { PollSource } from '../../channel/polling.js';
import { backoffMs } from '../../delivery/retry.js';
import type { Logger } from '../../log.js';
import { ALLOWED_UPDATES, type TelegramPlatform } from './platform.js';

/** After a refused token, wait longer: someone has to fix it. */
const AUTH_BACKOFF_MS = 60_000;

/**
 * Telegram's long poll: getUpdates with the offset after the last update kept, so each
 * poll confirms the previous batch (Telegram forgets updates only then). A poll under way
 * may be abandoned on stop: what it would have brought comes again. A webhook left from
 * webhook mode is removed first (Telegram refuses getUpdates while one is set); pending
 * updates are kept.
 */
export class TelegramPollSource implements PollSource {
  readonly abandonOnStop = true;
  private offset = 0;

  constructor(
    private readonly platform: TelegramPlatform,
    private readonly log: Logger,
    /** Seconds each getUpdates call may wait for updates (default 30). */
    private readonly timeoutSeconds = 30,
  ) {}

  async prepare(): Promise<void> {
    await this.platform.api.deleteWebhook({ drop_pending_updates: false });
  }

  poll(signal: AbortSignal): Promise<Update[]> {
    // grammY types the signal as its polyfill's; Node's AbortSignal is what it uses at run time.
    return this.platform.api.getUpdates({ offset: this.offset, timeout: this.timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] }, signal as Parameters<typeof this.platform.api.getUpdates>[1]);
  }

  accepted(updates: readonly unknown[]): void {
    for (const u of updates as Update[]) if (u.update_id >= this.offset) this.offset = u.update_id + 1;
  }

  async failed(err: unknown, failures: number): Promise<number> {
    if (err instanceof GrammyError && err.error_code === 409) {
      this.log.warn('telegram refused getUpdates (a webhook or another poller); removing any webhook', { code: err.error_code });
      await this.prepare().catch((e: unknown) => this.log.warn('telegram webhook not removed', { error: e }));
      return backoffMs(failures);
    }
    if (err instanceof GrammyError && err.error_code === 401) {
      this.log.error('telegram refused the bot token while polling', { code: err.error_code });
      return AUTH_BACKOFF_MS;
    }
    this.log.warn('telegram poll failed', { failures, error: err });
    return backoffMs(Math.min(failures, 6));
  }

  /** Confirms the updates kept so far, so that a restart does not receive them again. */
  async finish(): Promise<void> {
    if (this.offset > 0) await this.platform.api.getUpdates({ offset: this.offset, limit: 1, timeout: 0 });
  }
}
