/**
 * The one retry policy of every platform's sends: how long to wait after a failure, and
 * the bounded retry of a call made while someone waits for the answer (an interactive
 * reply); what cannot go within that wait goes to the outbox, which follows the same
 * schedule. Rate limits (429) and the platform or the network failing (5xx, time-outs,
 * dropped connections) are retried with capped exponential back-off and jitter, starting at
 * about a second, or after the platform's own retry_after; Zalo's "Quota exceeded" follows
 * its own steps (5 s, 30 s, 2 min, 10 min, then every 30 min): a transient 429 and an
 * exhausted monthly quota cannot be told apart from the answer, so the first retries come
 * soon and the later ones rarely.
 */
import type { Logger } from '../log.js';
import { sendFailures, sendRetries } from '../metrics.js';
import { DeliveryError } from './message.js';

/** Steps after "Quota exceeded", by the number of failures so far; the last repeats. */
export const QUOTA_STEPS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * How long to wait after the `failures`-th failed attempt (1-based) of a send that failed
 * with `err`, before trying again. Only transient errors are retried at all.
 */
export function retryDelayMs(err: DeliveryError, failures: number, random: () => number = Math.random): number {
  if (err.code === 'quota_exceeded') return QUOTA_STEPS_MS[Math.min(Math.max(failures, 1), QUOTA_STEPS_MS.length) - 1]!;
  if (err.retryAfterMs !== undefined) return err.retryAfterMs;
  return backoffMs(failures, random);
}

/** Capped exponential back-off with jitter: about 1 s, 2 s, 4 s … 15 min. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (Math.max(1, failures) - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits `ms`, or less if `signal` is aborted meanwhile (shutdown never waits out a retry). */
export function sleepUnless(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void sleep(ms).then(done);
  });
}

/** Turns anything a sender threw into a DeliveryError (an unexpected throw counts as the platform failing). */
export function asDeliveryError(err: unknown): DeliveryError {
  return err instanceof DeliveryError ? err : new DeliveryError('unavailable', err instanceof Error ? err.name : 'unknown');
}

export interface RetryOptions {
  /** The longest total wait; when the next wait would pass it, the failure is handed back. */
  maxWaitMs: number;
  /** Most attempts (default 8). */
  maxAttempts?: number;
  /** Waits (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  /** Aborted when the channel begins to stop: a wait under way ends and no new one begins. */
  stopping?: AbortSignal;
  /** The platform key the failures are counted under (metrics). */
  platform?: string;
  log: Logger;
}

/** A send that failed for good within the wait allowed, with how many attempts it took. */
export class RetriesExhausted extends DeliveryError {
  constructor(
    readonly last: DeliveryError,
    readonly attempts: number,
  ) {
    super(last.code, last.detail, last.retryAfterMs);
    this.name = 'RetriesExhausted';
  }
}

/**
 * Runs `call`, retrying transient failures by the policy while the total wait stays within
 * `maxWaitMs`. A permanent failure is thrown at once; when retries run out, the last
 * failure is thrown as RetriesExhausted (with the attempts made), so the caller can hand
 * the message to the outbox, which continues the schedule.
 */
export async function withRetry<T>(what: string, call: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? realSleep;
  const maxAttempts = opts.maxAttempts ?? 8;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (thrown) {
      const err = asDeliveryError(thrown);
      if (!err.transient) throw err;
      sendFailures.inc({ platform: opts.platform ?? 'unknown', code: err.code });
      const wait = retryDelayMs(err, attempt);
      const giveUp = attempt >= maxAttempts || waited + wait > opts.maxWaitMs || opts.stopping?.aborted === true;
      opts.log.debug('send failed', { what, attempt, code: err.code, retry: !giveUp, waitMs: wait });
      if (giveUp) throw new RetriesExhausted(err, attempt);
      await sleepUnless(sleep, wait, opts.stopping);
      waited += wait;
      if (opts.stopping?.aborted) throw new RetriesExhausted(err, attempt);
      sendRetries.inc({ platform: opts.platform ?? 'unknown' });
    }
  }
}
