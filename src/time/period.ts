/**
 * The one parser of report periods typed by users in Vietnamese ("tháng 7", "quý III/2025",
 * "từ 1/7 đến 28/7/2025", "hom nay" …). It returns inclusive `Day` ranges with a Vietnamese label,
 * or an error code that the messages file turns into a sentence.
 */
import { type Day, addDays, dayFromYmd, formatDay, isValidYmd, ymdOf } from './day.js';
import { type PeriodSpec, type SpecFailure, foldPeriodText, isSpecFailure, parseSpec } from './period-grammar.js';
import { type Span, monthSpan, quarterSpan, resolveRelative, spanText, yearSpan } from './period-spans.js';

/** An inclusive range of days with a label for replies, e.g. "tháng 7/2025". */
export interface Period {
  from: Day;
  to: Day;
  label: string;
}

/** Why a text is not a usable period; codes only, the wording lives with the other messages. */
export type PeriodErrorCode = 'unrecognised' | 'impossible_date' | 'bad_month' | 'bad_quarter' | 'too_many_days' | 'reversed' | 'future' | 'too_old';

/** A rejected period, with the offending fragment or date in `detail` when there is one. */
export interface PeriodError {
  code: PeriodErrorCode;
  detail?: string;
}

/** Result of `parsePeriod`. */
export type PeriodResult = { ok: true; period: Period } | { ok: false; error: PeriodError };

/** Options of `parsePeriod`. */
export interface ParsePeriodOptions {
  /** Periods ending before this day are `too_old`; defaults to `NEW_MODEL_START`. */
  earliest?: Day;
}

/** 01/07/2025: two-tier local government starts, and with it every figure the bot holds. */
export const NEW_MODEL_START: Day = dayFromYmd(2025, 7, 1);

/** Texts longer than this are not periods; checking first keeps pasted walls of text cheap. */
const MAX_PERIOD_TEXT = 100;

/** The period callers use when the user gives none: from 01/07/2025 to today. */
export function defaultPeriod(today: Day): Period {
  return { from: NEW_MODEL_START, to: today, label: `từ ${formatDay(NEW_MODEL_START)} đến nay` };
}

type Resolved = Span & { label: string };
type Step<T> = T | SpecFailure;

/** The (month, day) at which a spec without a year starts, to compare with a reference day. */
function startKey(spec: PeriodSpec): [number, number] {
  switch (spec.t) {
    case 'date':
      return [spec.m, spec.d];
    case 'month':
      return [spec.m, 1];
    case 'quarter':
      return [3 * spec.q - 2, 1];
    case 'half':
      return [spec.h === 1 ? 1 : 7, 1];
    default:
      return [1, 1];
  }
}

/** The latest year in which the spec starts on or before `ref` (so "tháng 12" in Nov 2026 → 2025). */
function latestYearNotAfter(spec: PeriodSpec, ref: Day): number {
  const r = ymdOf(ref);
  const [m, d] = startKey(spec);
  return m < r.month || (m === r.month && d <= r.day) ? r.year : r.year - 1;
}

/** The earliest year in which the spec starts on or after `ref` (for "từ 1/12/2025 đến 5/1"). */
function earliestYearNotBefore(spec: PeriodSpec, ref: Day): number {
  const r = ymdOf(ref);
  const [m, d] = startKey(spec);
  return m > r.month || (m === r.month && d >= r.day) ? r.year : r.year + 1;
}

/**
 * Resolves a spec to days. `year` is used when the spec has none; relative specs use `today`.
 */
function resolve(spec: PeriodSpec, year: number, today: Day): Step<Resolved> {
  switch (spec.t) {
    case 'relative':
      return resolveRelative(spec.word, today);
    case 'last_months': {
      const { year: y, month: mo } = ymdOf(today);
      const back = mo - spec.n; // months before January count into earlier years
      const from = dayFromYmd(y + Math.floor(back / 12), ((back % 12) + 12) % 12 + 1, 1);
      return { from, to: today, label: `${spec.n} tháng gần nhất (${spanText(from, today)})` };
    }
    case 'last_days': {
      const from = addDays(today, 1 - spec.n);
      return { from, to: today, label: `${spec.n} ngày gần nhất (${spanText(from, today)})` };
    }
    case 'year':
      if (!isValidYmd(spec.y, 1, 1)) return { fail: 'impossible_date', detail: `năm ${spec.y}` };
      return { ...yearSpan(spec.y), label: `năm ${spec.y}` };
    case 'quarter': {
      const y = spec.y ?? yearFor(spec, year, today);
      if (!isValidYmd(y, 1, 1)) return { fail: 'impossible_date', detail: `quý ${spec.q}/${y}` };
      return { ...quarterSpan(y, spec.q), label: `quý ${spec.q}/${y}` };
    }
    case 'half': {
      const y = spec.y ?? yearFor(spec, year, today);
      if (!isValidYmd(y, 1, 1)) return { fail: 'impossible_date', detail: `năm ${y}` };
      const span = spec.h === 1 ? { from: monthSpan(y, 1).from, to: monthSpan(y, 6).to } : { from: monthSpan(y, 7).from, to: monthSpan(y, 12).to };
      return { ...span, label: `6 tháng ${spec.h === 1 ? 'đầu' : 'cuối'} năm ${y}` };
    }
    case 'month': {
      const y = spec.y ?? yearFor(spec, year, today);
      if (!isValidYmd(y, spec.m, 1)) return { fail: 'impossible_date', detail: `tháng ${spec.m}/${y}` };
      return { ...monthSpan(y, spec.m), label: `tháng ${spec.m}/${y}` };
    }
    case 'date': {
      const y = spec.y ?? year;
      if (!isValidYmd(y, spec.m, spec.d)) return { fail: 'impossible_date', detail: `${spec.d}/${spec.m}/${y}` };
      const day = dayFromYmd(y, spec.m, spec.d);
      return { from: day, to: day, label: `ngày ${formatDay(day)}` };
    }
  }
}

/** The year of a month or quarter typed without digits: "năm ngoái" counts back from today. */
function yearFor(spec: Extract<PeriodSpec, { t: 'month' | 'quarter' | 'half' }>, inferred: number, today: Day): number {
  return spec.yearsBack === undefined ? inferred : ymdOf(today).year - spec.yearsBack;
}

function hasYear(spec: PeriodSpec): boolean {
  if (spec.t === 'month' || spec.t === 'quarter' || spec.t === 'half') return spec.y !== undefined || spec.yearsBack !== undefined;
  return spec.t === 'date' ? spec.y !== undefined : true;
}

function fail(code: PeriodErrorCode, detail?: string): PeriodResult {
  return { ok: false, error: detail === undefined ? { code } : { code, detail } };
}

function fromFailure(f: SpecFailure): PeriodResult {
  return fail(f.fail, f.detail);
}

/** Applies the checks shared by all forms: future, too old, clipping to today. */
function finish(p: Resolved, today: Day, earliest: Day, clippedLabel: (to: Day) => string): PeriodResult {
  if (p.from > today) return fail('future', formatDay(p.from));
  const to = Math.min(p.to, today);
  if (to < earliest) return fail('too_old', formatDay(to));
  const label = to === p.to ? p.label : clippedLabel(to);
  return { ok: true, period: { from: p.from, to, label } };
}

function single(fragment: string, today: Day, earliest: Day): PeriodResult {
  const spec = parseSpec(fragment);
  if (isSpecFailure(spec)) return fromFailure(spec);
  const r = resolve(spec, latestYearNotAfter(spec, today), today);
  if (isSpecFailure(r)) return fromFailure(r);
  return finish(r, today, earliest, (to) => `${r.label} (đến ${formatDay(to)})`);
}

const NOW_RE = /^(?:het\s)?(?:nay|hom nay|hien nay|bay gio)$/;

/** Resolves both ends of "từ A đến B"; `endText` undefined means open-ended ("từ A"). */
function range(startText: string | undefined, endText: string | undefined, today: Day, earliest: Day): PeriodResult {
  const toNow = endText === undefined || NOW_RE.test(endText);
  let end: Resolved | undefined;
  let endSpec: PeriodSpec | undefined;
  if (!toNow) {
    const s = parseSpec(endText.replace(/^het\s/, ''));
    if (isSpecFailure(s)) return fromFailure(s);
    endSpec = s;
  }
  let startSpec: PeriodSpec | undefined;
  if (startText !== undefined) {
    // "từ đầu tháng 7/2025 đến …": a range starts at the first day anyway.
    const s = parseSpec(startText.replace(/^dau (?=(?:thang|quy|nam)\s?\d)/, ''));
    if (isSpecFailure(s)) return fromFailure(s);
    startSpec = s;
  }

  // A year given on one side completes the other: "từ 1/7 đến 28/7/2025", "từ 1/12/2025 đến 5/1".
  if (endSpec) {
    let endYear = latestYearNotAfter(endSpec, today);
    if (!hasYear(endSpec) && startSpec && hasYear(startSpec)) {
      const s = resolve(startSpec, 0, today);
      if (isSpecFailure(s)) return fromFailure(s);
      endYear = earliestYearNotBefore(endSpec, s.from);
    }
    const e = resolve(endSpec, endYear, today);
    if (isSpecFailure(e)) return fromFailure(e);
    end = e;
  }
  const endDay = end ? end.to : today;

  let from: Day;
  if (startSpec) {
    const s = resolve(startSpec, latestYearNotAfter(startSpec, endDay), today);
    if (isSpecFailure(s)) return fromFailure(s);
    from = s.from;
  } else {
    // "đến 28/7/2025" alone: everything since the new model started.
    from = NEW_MODEL_START;
    if (endDay < NEW_MODEL_START) return fail('too_old', formatDay(endDay));
  }
  // An open end is today, so a start after it is a future period rather than a reversed one.
  if (toNow && from > today) return fail('future', formatDay(from));
  if (from > endDay) return fail('reversed', `${formatDay(from)} > ${formatDay(endDay)}`);

  const label = (to: Day): string => `từ ${formatDay(from)} đến ${toNow ? 'nay' : formatDay(to)}`;
  return finish({ from, to: endDay, label: label(endDay) }, today, earliest, label);
}

// Range separators, tried in order; words first so that "tháng 7-2025 đến tháng 9-2025" splits on "đến".
const SEPARATORS: readonly RegExp[] = [/ (?:den|toi) /g, / ?- ?/g];

function splitRange(s: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const re of SEPARATORS) {
    for (const m of s.matchAll(re)) {
      const left = s.slice(0, m.index).trim();
      const right = s.slice(m.index + m[0].length).trim();
      if (left && right) out.push([left, right]);
    }
  }
  return out;
}

/**
 * Parses a period typed by a user, relative to `today` (a `Day` in Vietnam).
 *
 * Accepted, with or without diacritics, any case and spacing: hôm nay, hôm qua, tuần này/trước/rồi,
 * tháng này/trước, quý này/trước, năm nay/trước/ngoái, "từ đầu tháng|quý|năm" (the running one),
 * "7 ngày [qua]" (last 7 days including today), "3 tháng gần đây" (the running month and the two
 * before it), "6 tháng đầu|cuối năm [2025]", months and quarters in words ("tháng bảy", "quý ba"), "tháng 7[/2025]" (also "t7/2025", "tháng 7 năm
 * 2025", "tháng 7 năm ngoái"), "quý 3|III[/2025]", "năm 2025", a date "28/7[/2025]", and ranges
 * "[từ] A đến|-|– B", "từ A" (to today), "đến B" (from 01/07/2025), where A and B are dates,
 * months, quarters or years.
 *
 * A period without a year is the latest one that has started by today; in a range the missing
 * year comes from the other end. Weeks start on Monday. A period ending after today ends today;
 * one starting after today is `future`.
 *
 * @example parsePeriod('thang 7', dayFromYmd(2026, 11, 22)) // ok: 01/07/2026–31/07/2026, "tháng 7/2026"
 * @example parsePeriod('31/2/2025', today) // { ok: false, error: { code: 'impossible_date', detail: '31/2/2025' } }
 */
export function parsePeriod(text: string, today: Day, opts: ParsePeriodOptions = {}): PeriodResult {
  const earliest = opts.earliest ?? NEW_MODEL_START;
  // Raw text may carry extra spaces and combining marks, so allow it some slack before folding.
  if (typeof text !== 'string' || text.length > MAX_PERIOD_TEXT * 4) return fail('unrecognised');
  const s = foldPeriodText(text);
  if (s.length === 0 || s.length > MAX_PERIOD_TEXT) return fail('unrecognised');

  const direct = single(s, today, earliest);
  if (direct.ok || direct.error.code !== 'unrecognised') return direct;

  const body = s.replace(/^tu\s/, '');
  const hasFrom = body !== s;
  for (const [left, right] of splitRange(body)) {
    const r = range(left, right, today, earliest);
    if (r.ok || r.error.code !== 'unrecognised') return r;
  }
  if (hasFrom) {
    // "từ A" alone runs to today ("từ A đến nay" was handled as a range above).
    const r = range(body, undefined, today, earliest);
    if (r.ok || r.error.code !== 'unrecognised') return r;
  }
  const onlyTo = /^(?:den|toi)\s(.+)$/.exec(s);
  if (onlyTo) return range(undefined, onlyTo[1]!, today, earliest);
  return fail('unrecognised');
}

const PERIOD_START_WORDS = /^(?:thang|quy|nam|tu|den|toi|tuan|ngay|hom|trong)\b/;
const PERIOD_HINT = /\d|\b(?:nay|qua|truoc|roi|ngoai)\b/;
const DATE_LIKE = /^\d{1,2}[/.-]\d/;
/** Longest period expression in words ("từ ngày 1 tháng 7 năm 2025 đến ngày 28 tháng 7 năm 2025"). */
const MAX_PERIOD_TOKENS = 16;

/** Whether a failed tail still reads as a period attempt rather than the end of a name ("Năm Căn"). */
function looksLikePeriod(tail: string): boolean {
  const s = foldPeriodText(tail);
  return DATE_LIKE.test(s) || (PERIOD_START_WORDS.test(s) && PERIOD_HINT.test(s));
}

/**
 * Separates a trailing period from a command's free-text arguments.
 *
 * The longest trailing run of words that parses (or fails with a specific error such as
 * `impossible_date`) wins. A tail that only looks like a period attempt (a date, or "tháng/quý/năm/
 * từ/đến/tuần …" with a number or a relative word) yields `unrecognised`; anything else is left in
 * `rest` as part of a name.
 *
 * @example splitTrailingPeriod('Thượng Cốc từ 1/7/2025 đến 28/7/2025', today)
 *   // { rest: 'Thượng Cốc', period: { from: 01/07/2025, to: 28/07/2025, … } }
 * @example splitTrailingPeriod('Thượng Cốc', today) // { rest: 'Thượng Cốc' }
 */
export function splitTrailingPeriod(
  args: string,
  today: Day,
  opts: ParsePeriodOptions = {},
): { rest: string; period?: Period; error?: PeriodError } {
  const starts = [...args.matchAll(/\S+/g)].map((m) => m.index);
  const candidates = starts.slice(-MAX_PERIOD_TOKENS);
  for (const start of candidates) {
    const r = parsePeriod(args.slice(start), today, opts);
    const rest = args.slice(0, start).trim();
    if (r.ok) return { rest, period: r.period };
    if (r.error.code !== 'unrecognised') return { rest, error: r.error };
  }
  for (const start of candidates) {
    const tail = args.slice(start);
    if (looksLikePeriod(tail)) return { rest: args.slice(0, start).trim(), error: { code: 'unrecognised' } };
  }
  return { rest: args };
}
