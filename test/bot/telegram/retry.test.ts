import type { ApiCallFn } from 'grammy';
import { HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { retryTransformer } from '../../../src/bot/telegram/retry.js';
import { silentLogger } from '../../../src/log.js';

type Answer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } } | Error;

/** A scripted API: answers the calls in order, records them. */
function scripted(answers: Answer[]) {
  const calls: string[] = [];
  const prev = (async (method: string) => {
    calls.push(method);
    const a = answers.shift() ?? { ok: true, result: true };
    if (a instanceof Error) throw a;
    return a;
  }) as unknown as ApiCallFn;
  return { prev, calls };
}

function harness(answers: Answer[], opts: { maxWaitMs?: number; stopping?: boolean } = {}) {
  const { prev, calls } = scripted(answers);
  const waits: number[] = [];
  const stop = new AbortController();
  if (opts.stopping) stop.abort();
  const t = retryTransformer({ maxWaitMs: opts.maxWaitMs ?? 10_000, log: silentLogger, sleep: async (ms) => void waits.push(ms), stopping: stop.signal });
  return { call: (method: string) => t(prev, method as 'sendMessage', {} as never), calls, waits };
}

const tooMany = (s: number) => ({ ok: false as const, error_code: 429, description: `Too Many Requests: retry after ${s}`, parameters: { retry_after: s } });
const down = { ok: false as const, error_code: 502, description: 'Bad Gateway' };

describe('retryTransformer', () => {
  it('waits retry_after on 429 and tries again', async () => {
    const h = harness([tooMany(3), { ok: true, result: 1 }]);
    expect(await h.call('sendMessage')).toEqual({ ok: true, result: 1 });
    expect(h.waits).toEqual([3000]);
  });

  it('hands a 429 back at once when its wait is longer than the cap (the outbox takes it)', async () => {
    const h = harness([tooMany(30)], { maxWaitMs: 10_000 });
    expect(await h.call('sendMessage')).toMatchObject({ ok: false, error_code: 429 });
    expect(h.waits).toEqual([]);
  });

  it('backs off on 5xx and network errors within the cap', async () => {
    const h = harness([down, new HttpError('Network request failed', new Error('socket hang up')), { ok: true, result: 2 }]);
    expect(await h.call('sendMessage')).toEqual({ ok: true, result: 2 });
    expect(h.waits).toHaveLength(2);
    expect(h.waits[1]!).toBeGreaterThan(h.waits[0]! * 1.1);
  });

  it('gives up when the total wait would pass the cap, returning the last answer or error', async () => {
    const h = harness(Array.from({ length: 20 }, () => down), { maxWaitMs: 1_000 });
    expect(await h.call('sendMessage')).toMatchObject({ error_code: 502 });
    expect(h.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1_000);
    const n = harness(Array.from({ length: 20 }, () => new HttpError('down', new Error('ECONNRESET'))), { maxWaitMs: 1_000 });
    await expect(n.call('sendMessage')).rejects.toBeInstanceOf(HttpError);
  });

  it('does not retry refusals (4xx), long polls or the typing action, nor wait while stopping', async () => {
    const bad = harness([{ ok: false, error_code: 400, description: 'Bad Request' }]);
    expect(await bad.call('sendMessage')).toMatchObject({ error_code: 400 });
    expect(bad.calls).toHaveLength(1);
    for (const method of ['getUpdates', 'sendChatAction']) {
      const h = harness([down]);
      expect(await h.call(method)).toMatchObject({ error_code: 502 });
      expect(h.calls).toHaveLength(1);
    }
    const stopping = harness([tooMany(1)], { stopping: true });
    expect(await stopping.call('sendMessage')).toMatchObject({ error_code: 429 });
    expect(stopping.waits).toEqual([]);
  });

  it('ends a wait under way when the bot begins to stop, handing back the last answer', async () => {
    const { prev } = scripted([tooMany(5), { ok: true, result: 'too late' }]);
    const stop = new AbortController();
    const t = retryTransformer({ maxWaitMs: 10_000, log: silentLogger, sleep: () => new Promise(() => undefined), stopping: stop.signal });
    const pending = t(prev, 'sendMessage', {} as never);
    await new Promise((r) => setImmediate(r));
    stop.abort();
    expect(await pending).toMatchObject({ ok: false, error_code: 429 });
  });
});
