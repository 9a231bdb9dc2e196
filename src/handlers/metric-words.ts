/** The metric words of commands that rank or chart communes (/xephang, /bieudo). */
import { foldKey } from '../names/keys.js';
import type { Metric } from '../reports/ranking.js';

/** Typed metric words, without diacritics, to metrics. */
export const METRIC_WORDS: [string, Metric][] = [
  ['truc tuyen', 'online'],
  ['online', 'online'],
  ['tt', 'online'],
  ['dung han', 'on_time'],
  ['dh', 'on_time'],
  ['qua han', 'overdue'],
  ['qh', 'overdue'],
];

export const METRIC_TITLE: Record<Metric, string> = {
  online: 'tỷ lệ tiếp nhận trực tuyến',
  on_time: 'tỷ lệ giải quyết đúng hạn',
  overdue: 'số hồ sơ đang quá hạn (nhiều nhất trước)',
};

/** Reads a leading metric word; returns the metric and what follows it. */
export function parseMetric(subject: string): { metric: Metric; rest: string } {
  const folded = foldKey(subject);
  for (const [word, metric] of METRIC_WORDS) {
    if (folded === word || folded.startsWith(`${word} `)) {
      const words = word.split(' ').length;
      return { metric, rest: subject.trim().split(/\s+/).slice(words).join(' ') };
    }
  }
  return { metric: 'online', rest: subject };
}

/** The word a command uses for a metric ("trực tuyến"). */
export function metricWord(m: Metric): string {
  return m === 'online' ? 'trực tuyến' : m === 'on_time' ? 'đúng hạn' : 'quá hạn';
}
