/**
 * Calendar spans (month, quarter, year, week) and the periods named relative to today, shared by
 * the period parser.
 */
import { type Day, dayFromYmd, daysInMonth, formatDay, weekdayOf, ymdOf } from './day.js';
import type { RelativeWord } from './period-grammar.js';

/** An inclusive range of days. */
export type Span = { from: Day; to: Day };

/** "dd/MM/yyyy – dd/MM/yyyy", or one date when the span is a single day. */
export function spanText(from: Day, to: Day): string {
  return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
}

/** All days of month `m` of year `y`. */
export function monthSpan(y: number, m: number): Span {
  return { from: dayFromYmd(y, m, 1), to: dayFromYmd(y, m, daysInMonth(y, m)) };
}

/** All days of quarter `q` (1–4) of year `y`. */
export function quarterSpan(y: number, q: number): Span {
  return { from: monthSpan(y, 3 * q - 2).from, to: monthSpan(y, 3 * q).to };
}

/** All days of year `y`. */
export function yearSpan(y: number): Span {
  return { from: dayFromYmd(y, 1, 1), to: dayFromYmd(y, 12, 31) };
}

/** The Monday of the week of `day`: Vietnamese weeks start on Monday (thứ Hai). */
export function mondayOf(day: Day): Day {
  return day - ((weekdayOf(day) + 6) % 7);
}

function quarterOfMonth(m: number): number {
  return Math.ceil(m / 3);
}

/**
 * The days and label of a period named relative to `today`. Periods still running end today;
 * finished ones are labelled with their name ("tháng trước (tháng 10/2026)").
 */
export function resolveRelative(word: RelativeWord, today: Day): Span & { label: string } {
  const { year, month } = ymdOf(today);
  const q = quarterOfMonth(month);
  switch (word) {
    case 'today':
      return { from: today, to: today, label: `hôm nay (${formatDay(today)})` };
    case 'yesterday':
      return { from: today - 1, to: today - 1, label: `hôm qua (${formatDay(today - 1)})` };
    case 'this_week':
      return { from: mondayOf(today), to: today, label: `tuần này (${spanText(mondayOf(today), today)})` };
    case 'last_week': {
      const from = mondayOf(today) - 7;
      return { from, to: from + 6, label: `tuần trước (${spanText(from, from + 6)})` };
    }
    case 'this_month': {
      const from = dayFromYmd(year, month, 1);
      return { from, to: today, label: `tháng này (${spanText(from, today)})` };
    }
    case 'last_month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { ...monthSpan(y, m), label: `tháng trước (tháng ${m}/${y})` };
    }
    case 'this_quarter': {
      const from = quarterSpan(year, q).from;
      return { from, to: today, label: `quý này (${spanText(from, today)})` };
    }
    case 'last_quarter': {
      const [y, lq] = q === 1 ? [year - 1, 4] : [year, q - 1];
      return { ...quarterSpan(y, lq), label: `quý trước (quý ${lq}/${y})` };
    }
    case 'this_year': {
      const from = dayFromYmd(year, 1, 1);
      return { from, to: today, label: `năm nay (${spanText(from, today)})` };
    }
    case 'last_year':
      return { ...yearSpan(year - 1), label: `năm trước (năm ${year - 1})` };
  }
}

