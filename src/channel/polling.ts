import { BOOT_ID } from '../cluster/instance.js';
import { Lease } from '../cluster/lease.js';
import type { Store } from '../data/store.js';
import { realSleep, sleepUnless } from '../delivery/retry.js';
import type { Logger } from '../log.js';
import type { ChatChannel, Receiver } from './chat-channel.js';

/** A platform's long poll. */
export interface PollSource {
  /** Before the first poll: removes a webhook left from webhook mode (platforms refuse polls while one is set). */
  prepare(): Promise<void>;
  /** One long poll: the updates it brought, in order (possibly none). */
  poll(signal: AbortSignal): Promise<unknown[]>;
  /**
   * Whether a poll under way may be abandoned on stop. Telegram forgets updates only when a
   * later poll confirms them; Zalo forgets an update once it has returned it, so its poll
   * is let finish (what it brings is kept and answered).
   */
  readonly abandonOnStop: boolean;
  /** The updates of the last poll are kept (Telegram: the next poll confirms them). */
  accepted?(updates: readonly unknown[]): void;
  /** Logs a failed poll, repairs what it can, and says how long to wait before the next. */
  failed(err: unknown, failures: number): Promise<number>;
  /** After the last poll, on stop (Telegram: confirm what was kept, so it is not sent again). */
  finish?(): Promise<void>;
}

export interface PollingOptions {
  /** Waits between failed polls (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * On stop, how long a poll that may not be abandoned is let finish before it is
   * abandoned anyway (default 7 s), so a stop completes within the 10 s a supervisor gives.
   */
  stopGraceMs?: number;
}

/**
 * Receives by long polling: waits for room in the channel, polls, hands every update to
 * the channel (which keeps it before anything else), and polls again while they are
 * answered. Failures back off and the loop goes on.
 */
class PollingReceiver implements Receiver {
  private stopped = false;
  /** Aborts a poll under way (only where the source may abandon one). */
  private readonly polls = new AbortController();
  /** Ends a wait between failed polls. */
  private readonly waits = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    private readonly channel: ChatChannel,
    private readonly source: PollSource,
    private readonly log: Logger,
    private readonly opts: PollingOptions = {},
  ) {}

  async start(): Promise<void> {
    await this.source.prepare();
    this.running = this.loop().catch((err: unknown) => this.log.error('polling loop failed', { platform: this.channel.name, error: err }));
    this.log.info('polling started', { platform: this.channel.name });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      await this.channel.room();
      if (this.stopped) break;
      try {
        const updates = await this.source.poll(this.polls.signal);
        failures = 0;
        for (const u of updates) await this.channel.accept(u);
        this.source.accepted?.(updates);
      } catch (err) {
        if (this.stopped) break;
        failures++;
        const wait = await this.source.failed(err, failures);
        await sleepUnless(this.opts.sleep ?? realSleep, wait, this.waits.signal);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waits.abort();
    // A poll that may not be abandoned is given a grace period: an update it brings in that
    // time is kept; past it, what it might still bring is a risk worth a bounded stop.
    const grace = this.source.abandonOnStop ? null : setTimeout(() => this.polls.abort(), this.opts.stopGraceMs ?? 7_000);
    if (this.source.abandonOnStop) this.polls.abort();
    await this.running;
    if (grace) clearTimeout(grace);
    await this.source.finish?.().catch((err: unknown) => this.log.debug('could not confirm the last updates', { platform: this.channel.name, error: err }));
    this.log.info('polling stopped', { platform: this.channel.name });
  }
}

/**
 * Polling by whichever instance holds the platform's poll lease ("poll:<bot key>"): a
 * platform's long poll allows one caller (Telegram refuses a second getUpdates; Zalo's hands
 * each update to one caller), so of several instances on one store exactly one polls, and
 * another takes over within seconds of its death, first answering what it had kept. The
 * others serve the outbox and webhooks.
 */
export class LeasedPolling implements Receiver {
  private readonly lease: Lease;
  private polling: PollingReceiver | null = null;

  constructor(
    private readonly channel: ChatChannel,
    store: Store,
    private readonly source: PollSource,
    private readonly log: Logger,
    private readonly opts: PollingOptions = {},
  ) {
    this.lease = new Lease(store, `poll:${channel.platform.key}`, BOOT_ID, log, {
      onAcquired: async () => {
        // What the previous poller kept and did not answer goes first.
        await this.channel.recover(new Date(this.channel.clock.now().getTime() + 1));
        const polling = new PollingReceiver(this.channel, this.source, this.log, this.opts);
        await polling.start();
        this.polling = polling;
      },
      onLost: async () => {
        const polling = this.polling;
        this.polling = null;
        await polling?.stop();
      },
    });
  }

  /** Whether this instance polls now. */
  get active(): boolean {
    return this.lease.held;
  }

  start(): Promise<void> {
    return this.lease.start();
  }

  stop(): Promise<void> {
    return this.lease.stop();
  }
}
