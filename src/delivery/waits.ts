/** Waits shared by the platform clients' retries and polling loops. */

/** Wait before retry `attempt` (1-based) of a transient failure: 200 ms, 400 ms, 800 ms … 5 s, with jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(5_000, 200 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
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
