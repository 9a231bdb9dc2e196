import { isValidYmd, VN_UTC_OFFSET_MINUTES } from '../time/day.js';

/**
 * The date-time forms found in one-stop exports, read as instants. A time without a zone
 * is Vietnam time (UTC+7, no daylight saving):
 * - 28/07/2025 09:15[:30], 28/07/2025, 28-07-2025, also "09:15 28/07/2025";
 * - 2025-07-28, 2025-07-28 09:15:30, 2025-07-28T09:15:30(.123)(Z|+07:00);
 * - 20250728091530 / 202507280915 / 20250728 (the national sync schema's compact form);
 * - an Excel serial day number (45866.39), as spreadsheets store dates.
 * Impossible dates (31/02) are refused rather than rolled over.
 */

const OFFSET_MS = VN_UTC_OFFSET_MINUTES * 60_000;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;
const TIME_FIRST = /^(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** Excel's day 0 is 30/12/1899 (it counts the nonexistent 29/02/1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers accepted as dates: 1954 to 2119, so a plain count is never mistaken for one. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMs: number): number | null {
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  return wall - offsetMs;
}

function zoneOffset(z: string | undefined): number {
  if (!z) return OFFSET_MS;
  if (z.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

const digit = (t: string, i: number) => t.charCodeAt(i) - 48;
const isDigit = (t: string, i: number) => t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57;

/** "dd/MM/yyyy HH:mm", the form of nearly every export, read without a regex (a million rows carry four each). */
function fastDmyHm(t: string): number | null | undefined {
  if (t.length !== 16 || t.charCodeAt(2) !== 47 || t.charCodeAt(5) !== 47 || t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58) return undefined;
  for (const i of [0, 1, 3, 4, 6, 7, 8, 9, 11, 12, 14, 15]) if (!isDigit(t, i)) return undefined;
  const d = digit(t, 0) * 10 + digit(t, 1);
  const mo = digit(t, 3) * 10 + digit(t, 4);
  const y = digit(t, 6) * 1000 + digit(t, 7) * 100 + digit(t, 8) * 10 + digit(t, 9);
  return instant(y, mo, d, digit(t, 11) * 10 + digit(t, 12), digit(t, 14) * 10 + digit(t, 15), 0, 0, OFFSET_MS);
}

/** Parses one cell: the instant in epoch milliseconds, or null when the text is no date. */
export function parseInstant(text: string): number | null {
  const fast = fastDmyHm(text);
  if (fast !== undefined) return fast;
  const t = text.trim();
  let m = DMY.exec(t);
  if (m) return instant(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, OFFSET_MS);
  m = ISO.exec(t);
  if (m) return instant(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), +(m[7] ?? '0').padEnd(3, '0'), zoneOffset(m[8]));
  m = COMPACT.exec(t);
  if (m) return instant(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, OFFSET_MS);
  m = TIME_FIRST.exec(t);
  if (m) return instant(+m[6]!, +m[5]!, +m[4]!, +m[1]!, +m[2]!, +(m[3] ?? 0), 0, OFFSET_MS);
  if (SERIAL.test(t)) {
    const serial = Number(t);
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
    // Rounded to the second: spreadsheets store times as binary fractions of a day.
    const wall = EXCEL_EPOCH_MS + Math.round(serial * 86_400) * 1000;
    return wall - OFFSET_MS;
  }
  return null;
}

/**
 * Whether a text is written in one of the date forms (dd/MM/yyyy, yyyy-MM-dd, compact…),
 * whatever its numbers: when parseInstant refused such a text, the date itself does not
 * exist (31/02/2025, month 13, 25:00), and the message says so rather than how to write it.
 */
export function isDateShaped(text: string): boolean {
  const t = text.trim();
  return DMY.test(t) || ISO.test(t) || TIME_FIRST.test(t) || (t.length >= 8 && COMPACT.test(t));
}

/**
 * Parses a calendar date (holidays, report periods) to ISO 'yyyy-MM-dd', accepting the
 * same forms without a time; null when it is not one.
 */
export function parseIsoDate(text: string): string | null {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) [y, mo, d] = [+m[3]!, +m[2]!, +m[1]!];
  else if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2}) 00:00:00$/.exec(t))) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else return null;
  if (!isValidYmd(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
