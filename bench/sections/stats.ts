/** p50/p99/max of a list of durations in milliseconds. */
export function percentiles(ms: number[]): { p50: number; p99: number; max: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(s[s.length - 1] ?? 0), n: s.length };
}

/** Samples this process's resident set size and keeps the peak. */
export class RssSampler {
  private peak = process.memoryUsage().rss;

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  peakMb(): number {
    this.sample();
    return Math.round(this.peak / 1024 / 1024);
  }
}
