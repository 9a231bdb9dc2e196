/**
 * The one retry policy of every platform's sends: retry_after honoured, capped
 * exponential back-off with jitter from about a second for 429/5xx/network failures,
 * Zalo's "Quota exceeded" steps (5 s, 30 s, 2 min, 10 min, then every 30 min), refusals
 * never retried, and a bounded wait for a reply someone is waiting for.
 */
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/delivery/message.js';
import { backoffMs, QUOTA_STEPS_MS, RetriesExhausted, retryDelayMs, withRetry } from '../../src/delivery/retry.js';
import { silentLogger } from '../../src/log.js';

type Answer = 'ok' | DeliveryError | Error;

/** A scripted send: answers the calls in order, records the waits between them. */
function harness(answers: Answer[], opts: { maxWaitMs?: number; stopping?: boolean } = {}) {
  const waits: number[] = [];
  let calls = 0;
  const stop = new AbortController();
  if (opts.stopping) stop.abort();
  const call = () =>
    withRetry(
      'send',
      async () => {
        calls++;
        const a = answers.shift() ?? 'ok';
        if (a !== 'ok') throw a;
        return calls;
      },
      { maxWaitMs: opts.maxWaitMs ?? 10_000, log: silentLogger, sleep: async (ms) => void waits.push(ms), stopping: stop.signal },
    );
  return { call, waits, calls: () => calls };
}

const tooMany = (s: number) => new DeliveryError('rate_limited', '429', s * 1000);
const down = () => new DeliveryError('unavailable', '502');
const quota = () => new DeliveryError('quota_exceeded', 'Quota exceeded');

describe('the retry policy', () => {
  it('waits retry_after on 429 and tries again', async () => {
    const h = harness([tooMany(3)]);
    expect(await h.call()).toBe(2);
    expect(h.waits).toEqual([3000]);
  });

  it('hands a 429 back at once when its wait is longer than the cap (the outbox takes it), with the attempts made', async () => {
    const h = harness([tooMany(30)], { maxWaitMs: 10_000 });
    const err = await h.call().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhausted);
    expect(err).toMatchObject({ code: 'rate_limited', attempts: 1 });
    expect(h.waits).toEqual([]);
  });

  it('backs off from about a second on 5xx and network errors, within the cap', async () => {
    const h = harness([down(), new Error('socket hang up')]);
    expect(await h.call()).toBe(3);
    expect(h.waits).toHaveLength(2);
    expect(h.waits[0]!).toBeGreaterThanOrEqual(750);
    expect(h.waits[0]!).toBeLessThanOrEqual(1250);
    expect(h.waits[1]!).toBeGreaterThan(h.waits[0]! * 1.1);
    for (let n = 1; n <= 30; n++) expect(backoffMs(n)).toBeLessThanOrEqual(15 * 60_000 * 1.25);
  });

  it('gives up when the total wait would pass the cap', async () => {
    const h = harness(Array.from({ length: 20 }, down), { maxWaitMs: 3_000 });
    await expect(h.call()).rejects.toBeInstanceOf(RetriesExhausted);
    expect(h.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3_000);
  });

  it('does not retry refusals, nor wait while stopping', async () => {
    const bad = harness([new DeliveryError('rejected', '400')]);
    await expect(bad.call()).rejects.toMatchObject({ code: 'rejected' });
    expect(bad.calls()).toBe(1);
    const stopping = harness([tooMany(1)], { stopping: true });
    await expect(stopping.call()).rejects.toBeInstanceOf(RetriesExhausted);
    expect(stopping.waits).toEqual([]);
  });

  it('retries Zalo\'s "Quota exceeded" after 5 s, then 30 s, 2 min, 10 min, then every 30 min', async () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(quota(), n))).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 1_800_000, 1_800_000]);
    expect(QUOTA_STEPS_MS[0]).toBe(5_000);
    // A reply that Zalo accepts on the next attempt goes within seconds.
    const h = harness([quota()]);
    expect(await h.call()).toBe(2);
    expect(h.waits).toEqual([5_000]);
  });
});
