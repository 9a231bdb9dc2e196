import { backoffMs, realSleep, sleepUnless } from '../../delivery/waits.js';
import type { Logger } from '../../log.js';
import { ZaloError } from './errors.js';

export interface RetryOptions {
  /** The longest total wait for one call; past it the failure is handed back (the outbox takes over). */
  maxWaitMs: number;
  /** Most attempts of one call (default 6). */
  maxAttempts?: number;
  /** Waits (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  /** Aborted when the bot starts to stop: a wait under way ends at once and no new one begins. */
  stopping?: AbortSignal;
  log: Logger;
}

/**
 * Runs a Zalo call, retrying it after a transient failure (the network, a timeout, a 5xx)
 * while the total wait stays within `maxWaitMs`. A quota, auth or bad-request error is
 * handed back at once: waiting seconds cannot fix it. When the next wait would pass the
 * limit, or the bot is stopping, the last failure is handed back unchanged.
 */
export async function withRetry<T>(method: string, call: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? realSleep;
  const maxAttempts = opts.maxAttempts ?? 6;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const transient = err instanceof ZaloError && err.transient;
      const wait = backoffMs(attempt);
      const giveUp = !transient || attempt >= maxAttempts || waited + wait > opts.maxWaitMs || opts.stopping?.aborted === true;
      opts.log.debug('zalo call failed', { method, attempt, code: err instanceof ZaloError ? err.code : 'unknown', retry: !giveUp, waitMs: wait });
      if (giveUp) throw err;
      await sleepUnless(sleep, wait, opts.stopping);
      waited += wait;
      if (opts.stopping?.aborted) throw err;
    }
  }
}
