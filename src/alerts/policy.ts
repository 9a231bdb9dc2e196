/**
 * The escalation policy (chính sách chuyển cấp): the working days overdue at which an
 * overdue dossier reaches each level. Level 1 goes to the commune and the department that
 * owns the dossier's sector, level 2 to the working group of the commune, level 3 to the
 * province's leaders. Each alert keeps the policy it fired under, so changing the policy
 * changes only the alerts that fire after it.
 */

/** Working days overdue at which levels 1, 2 and 3 start. */
export type Thresholds = readonly [number, number, number];

export const DEFAULT_THRESHOLDS: Thresholds = [1, 3, 7];

/** The highest threshold accepted (about three months of working days). */
export const MAX_THRESHOLD = 60;

/** Levels an alert may reach. */
export type Level = 0 | 1 | 2 | 3;

/** Who hears of a dossier at each level, by role. */
export const LEVEL_ROLES: Record<1 | 2 | 3, readonly string[]> = {
  1: ['commune', 'department'],
  2: ['working_group'],
  3: ['leader'],
};

/** The level of a dossier `daysOverdue` working days past its due date. */
export function levelFor(daysOverdue: number, t: Thresholds): Level {
  if (daysOverdue >= t[2]) return 3;
  if (daysOverdue >= t[1]) return 2;
  if (daysOverdue >= t[0]) return 1;
  return 0;
}

/** "1,3,7" as stored. */
export function encodeThresholds(t: Thresholds): string {
  return t.join(',');
}

/** Reads a stored policy; the defaults for anything unreadable. */
export function decodeThresholds(s: string | null | undefined): Thresholds {
  const parsed = s ? parseThresholds(s) : null;
  return parsed && 'thresholds' in parsed ? parsed.thresholds : DEFAULT_THRESHOLDS;
}

/** Why thresholds typed by an administrator were refused. */
export type ThresholdsError = 'count' | 'not_numbers' | 'not_increasing' | 'range';

/** Reads "1 3 7", "1,3,7" or "1-3-7": three increasing whole numbers from 1 to 60. */
export function parseThresholds(text: string): { thresholds: Thresholds } | { error: ThresholdsError } {
  const parts = text.trim().split(/[\s,;/-]+/).filter(Boolean);
  if (parts.length !== 3) return { error: 'count' };
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return { error: 'not_numbers' };
  const n = parts.map(Number) as [number, number, number];
  if (n.some((x) => x < 1 || x > MAX_THRESHOLD)) return { error: 'range' };
  if (!(n[0] < n[1] && n[1] < n[2])) return { error: 'not_increasing' };
  return { thresholds: n };
}
