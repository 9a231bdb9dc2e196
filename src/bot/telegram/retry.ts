import type { Transformer } from 'grammy';
import { backoffMs, realSleep, sleepUnless } from '../../delivery/waits.js';
import type { Logger } from '../../log.js';

export interface RetryOptions {
  /** The longest total wait for one call; a longer wait is left to the outbox. */
  maxWaitMs: number;
  /** Most attempts of one call. */
  maxAttempts?: number;
  /** Waits (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Aborted when the bot starts to stop: a wait under way ends at once and no new one
   * begins, so shutdown is not held up; the outbox takes what could not go.
   */
  stopping?: AbortSignal;
  log: Logger;
}

/** Calls that are never retried: getUpdates retries itself (the runner), the typing action is cosmetic. */
const NOT_RETRIED = new Set(['getUpdates', 'sendChatAction']);

/**
 * An API transformer that retries a call answered 429 (after the `retry_after` Telegram
 * asks for) or 5xx, or failed on the network, as long as the total wait stays within
 * `maxWaitMs`. When the next wait would exceed it, the last answer (or error) is handed
 * back unchanged, so the sender can put the message in the persisted outbox instead.
 */
export function retryTransformer(opts: RetryOptions): Transformer {
  const sleep = opts.sleep ?? realSleep;
  const maxAttempts = opts.maxAttempts ?? 8;
  return async (prev, method, payload, signal) => {
    if (NOT_RETRIED.has(method)) return prev(method, payload, signal);
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown = null;
      let res: Awaited<ReturnType<typeof prev>> | null = null;
      try {
        res = await prev(method, payload, signal);
      } catch (err) {
        failure = err;
      }
      if (res && (res.ok || (res.error_code !== 429 && res.error_code < 500))) return res;
      const retryAfter = res && res.error_code === 429 ? res.parameters?.retry_after : undefined;
      const wait = retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempt);
      const giveUp = attempt >= maxAttempts || waited + wait > opts.maxWaitMs || signal?.aborted || opts.stopping?.aborted;
      opts.log.debug('telegram call failed', { method, attempt, code: res?.error_code ?? 'network', retry: !giveUp, waitMs: wait });
      if (giveUp) {
        if (res) return res;
        throw failure;
      }
      await sleepUnless(sleep, wait, opts.stopping);
      waited += wait;
      if (opts.stopping?.aborted) {
        if (res) return res;
        throw failure;
      }
    }
  };
}
