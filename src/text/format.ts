import { dayOf, formatDay, startOfDayInstant } from '../time/day.js';

/**
 * The one place that formats numbers, rates and dates for Vietnamese readers:
 * 156.230 · 58,72 % · 28/07/2025 · 28/07/2025 09:15 (Asia/Ho_Chi_Minh).
 */
const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const DECIMAL2 = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** An integer with dot thousands separators: 156230 → "156.230". */
export function formatNumber(n: number): string {
  return INTEGER.format(n);
}

/** A decimal with a comma and at most two decimals: 71.11 → "71,11". */
export function formatDecimal(n: number): string {
  return DECIMAL2.format(n);
}

/** A ratio as a percentage with two decimals at most: 229/390 → "58,72 %". */
export function formatPercent(ratio: number): string {
  return `${DECIMAL2.format(Math.round(ratio * 10_000) / 100)} %`;
}

/** A percentage value already in percent: 71.11 → "71,11 %". */
export function formatPercentValue(pct: number): string {
  return `${DECIMAL2.format(Math.round(pct * 100) / 100)} %`;
}

/** part/whole as a percentage, or "—" when there is nothing to divide by. */
export function formatRate(part: number, whole: number): string {
  return whole > 0 ? formatPercent(part / whole) : '—';
}

/** The Vietnamese date of an instant: dd/MM/yyyy. */
export function formatDate(instant: Date): string {
  return formatDay(dayOf(instant));
}

/** The Vietnamese date and time of an instant: dd/MM/yyyy HH:mm. */
export function formatDateTime(instant: Date): string {
  const day = dayOf(instant);
  const minutes = Math.floor((instant.getTime() - startOfDayInstant(day).getTime()) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${formatDay(day)} ${hh}:${mm}`;
}

/** An ISO date ('2025-08-15') or month ('2025-08') from a report, in Vietnamese form. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${m[3]}/${m[2]}/${m[1]}` : `tháng ${m[2]}/${m[1]}`;
}
