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

/** Wait before retry `attempt` (1-based): 200 ms, 400 ms, 800 ms … 5 s, with jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(5_000, 200 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits `ms`, or less if `signal` is aborted meanwhile. */
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
