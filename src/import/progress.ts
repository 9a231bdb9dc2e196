import { formatDecimal, formatNumber } from '../text/format.js';
import { IMPORT_TEXT as T } from '../text/messages.js';
import type { Progress } from './result.js';

const BAR_WIDTH = 24;

function eta(seconds: number): string {
  return seconds < 90 ? T.etaSeconds(Math.max(1, Math.round(seconds))) : T.etaMinutes(Math.round(seconds / 60));
}

/**
 * One line of progress: a bar when the total size is known, rows read, rows per second and
 * the time left (estimated from the bytes read, as rows vary in length).
 */
export function progressLine(p: Progress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  let bar = '';
  let left: string | null = null;
  if (p.totalBytes && p.totalBytes > 0) {
    const f = Math.min(1, p.bytes / p.totalBytes);
    const filled = Math.round(f * BAR_WIDTH);
    bar = `[${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${Math.floor(f * 100)} %`;
    if (f > 0.01 && f < 1) left = eta((seconds / f) * (1 - f));
  }
  return T.progress(bar, formatNumber(p.rows), formatNumber(Math.round(rate)), left).replace(/^ · /, '');
}

/** Redraws the progress line on a terminal, at most a few times a second. */
export class ProgressBar {
  private last = 0;
  private drawn = false;

  constructor(private readonly out: NodeJS.WriteStream) {}

  update(p: Progress): void {
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    this.out.write(`\r${progressLine(p)}\x1b[K`);
    this.drawn = true;
  }

  /** Clears the line before the summary is printed. */
  done(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** "112,7 MB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatDecimal(i === 0 ? v : Math.round(v * 10) / 10)} ${units[i]}`;
}
