/**
 * The words and number patterns of Vietnamese period expressions, turned into unresolved
 * specifications. Missing years, "today" and clipping are decided later in `period.ts`, so this file
 * stays a pure function of the text.
 */
import { stripDiacritics } from '../names/keys.js';
import { daysInMonth } from './day.js';

/** A period as typed, before the year is inferred. Months are 1–12, quarters 1–4. */
export type PeriodSpec =
  | { t: 'date'; d: number; m: number; y?: number }
  | { t: 'month'; m: number; y?: number; yearsBack?: YearsBack }
  | { t: 'quarter'; q: number; y?: number; yearsBack?: YearsBack }
  /** "6 tháng đầu năm" (h 1, January–June) or "6 tháng cuối năm" (h 2, July–December). */
  | { t: 'half'; h: 1 | 2; y?: number; yearsBack?: YearsBack }
  | { t: 'year'; y: number }
  | { t: 'relative'; word: RelativeWord }
  | { t: 'last_days'; n: number }
  /** The running month and the N − 1 before it ("3 tháng gần đây"). */
  | { t: 'last_months'; n: number };

/** A year named relative to today's: 0 "năm nay", 1 "năm ngoái" / "năm trước". */
export type YearsBack = 0 | 1;

/** Periods named relative to today. */
export type RelativeWord =
  | 'today'
  | 'yesterday'
  | 'this_week'
  | 'last_week'
  | 'this_month'
  | 'last_month'
  | 'this_quarter'
  | 'last_quarter'
  | 'this_year'
  | 'last_year';

/**
 * Why a fragment is not a spec: not a period at all, a date that does not exist, a month or
 * quarter number out of range ("tháng 13", "quý 5"), or more days back than the bot counts.
 */
export type SpecFailure = { fail: 'unrecognised' | 'impossible_date' | 'bad_month' | 'bad_quarter' | 'too_many_days'; detail?: string };

/** Longest "last N days" accepted: ten years is already far more than the data holds. */
export const MAX_LAST_DAYS = 3660;

/**
 * Folds user text for matching: lower case, no diacritics (đ → d), one space between words,
 * all dash variants as "-", no spaces around "/", no trailing punctuation. Users type with or
 * without diacritics, and Telegram clients often turn "-" into an en dash.
 * @example foldPeriodText('  Từ 1 / 7  –  28/7/2025. ') === 'tu 1/7 - 28/7/2025'
 */
export function foldPeriodText(text: string): string {
  return stripDiacritics(text)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim()
    .replace(/[.,;:!?…]+$/, '')
    .trim();
}

// "từ đầu năm đến nay" says twice that the running year is meant.
const TO_NOW = String.raw`(?: (?:den|toi) (?:nay|hom nay|hien nay|bay gio))?`;

const RELATIVE: ReadonlyArray<[RegExp, RelativeWord]> = [
  [/^(?:ngay )?(?:hom nay|hnay)$/, 'today'],
  [/^(?:ngay )?(?:hom qua|hqua)$/, 'yesterday'],
  // "từ đầu tháng" is the running month: from its first day to today.
  [new RegExp(`^(?:(?:tu )?dau )?tuan nay${TO_NOW}$|^(?:tu )?dau tuan${TO_NOW}$`), 'this_week'],
  [/^tuan (?:truoc|roi|vua qua|qua)$/, 'last_week'],
  [new RegExp(`^(?:(?:tu )?dau )?thang nay${TO_NOW}$|^(?:tu )?dau thang${TO_NOW}$`), 'this_month'],
  [/^thang (?:truoc|roi|vua qua|qua)$/, 'last_month'],
  [new RegExp(`^(?:(?:tu )?dau )?quy nay${TO_NOW}$|^(?:tu )?dau quy${TO_NOW}$`), 'this_quarter'],
  [/^quy (?:truoc|roi|vua qua|qua)$/, 'last_quarter'],
  [new RegExp(`^(?:(?:tu )?dau )?nam nay${TO_NOW}$|^(?:tu )?dau nam${TO_NOW}$`), 'this_year'],
  [/^nam (?:truoc|ngoai|roi|vua qua|qua)$/, 'last_year'],
];

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

// A year after "/" or "-" may have two digits (7/25); after a space it must have four, so that
// "tháng 7 30" is not read as July 2030.
// "năm nay" / "năm ngoái" after a month or quarter names its year relative to today's.
const YEAR_TAIL = String.raw`(?:[/-](\d{4}|\d{2})|\s(?:nam\s)?(\d{4})|\snam\s(nay|ngoai|truoc))?`;
// "t7/2025", "th 7", "thg 7" are the short forms of "tháng 7" in chats.
const MONTH_RE = new RegExp(String.raw`^(?:thang|thg|th|t)\s?(\d{1,2})${YEAR_TAIL}$`);
const QUARTER_RE = new RegExp(String.raw`^(?:quy\s?|q)(\d{1,2}|iv|i{1,3})${YEAR_TAIL}$`);
const BARE_MONTH_RE = /^(\d{1,2})[/-](\d{4})$/;
const DATE_RE = /^(?:ngay\s)?(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?$/;
const WORDY_DATE_RE = /^(?:ngay\s)?(\d{1,2})\sthang\s(\d{1,2})(?:\snam\s(\d{4}))?$/;
const YEAR_RE = /^nam\s(\d{4})$/;
const HALF_RE = new RegExp(String.raw`^6 thang (dau|cuoi) nam(?:\s(\d{4})|\s(nay|ngoai|truoc))?$`);

/** Month and quarter numbers written as words ("tháng bảy", "quý ba", "tháng giêng"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1, gieng: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, 'muoi mot': 11, 'muoi hai': 12, chap: 12,
};
// "tháng tư" is left out: "tháng từ …" folds the same. "quý tư" has no such twin.
const NUMBER_WORD_RE = /^(?:thang (muoi hai|muoi mot|gieng|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|chap)|quy (mot|hai|ba|tu|bon))(?=$|[\s/-])/;
const LAST_MONTHS_RE = /^(?:trong\s)?(\d{1,3})\sthang\s(?:qua|gan nhat|gan day|vua qua)$/;
/** Longest "last N months" accepted. */
export const MAX_LAST_MONTHS = 120;
const LAST_DAYS_RE = /^(?:trong\s)?(\d{1,12})\sngay(?:\s(?:qua|gan nhat|gan day|vua qua|gan nhat qua))?$/;

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  // Two-digit years are this century's: nobody reports on 1925.
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function yearsBackOf(text: string | undefined): YearsBack | undefined {
  if (text === undefined) return undefined;
  return text === 'nay' ? 0 : 1;
}

/** A month or quarter spec with whichever year form was typed. */
function withYear<T extends { t: 'month' | 'quarter' | 'half' }>(spec: T, y: number | undefined, back: YearsBack | undefined): T & { y?: number; yearsBack?: YearsBack } {
  if (y !== undefined) return { ...spec, y };
  if (back !== undefined) return { ...spec, yearsBack: back };
  return spec;
}

function failure(fail: SpecFailure['fail'], detail?: string): SpecFailure {
  return detail === undefined ? { fail } : { fail, detail };
}

function dateSpec(d: number, m: number, y: number | undefined, typed: string): PeriodSpec | SpecFailure {
  // Dates impossible in every year (31/2, 31/4, 32/1) fail here with the text as typed; 29/2 waits
  // for the year to be known. 2000 is a leap year, so it gives each month's longest length.
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(2000, m)) return failure('impossible_date', typed);
  return y === undefined ? { t: 'date', d, m } : { t: 'date', d, m, y };
}

/**
 * Parses one folded fragment ("thang 7/2025", "quy iii", "28/7", "hom nay", "30 ngay") into a spec.
 * Ranges ("tu … den …") are split by the caller.
 */
export function parseSpec(text: string): PeriodSpec | SpecFailure {
  for (const [re, word] of RELATIVE) if (re.test(text)) return { t: 'relative', word };
  const s = text.replace(NUMBER_WORD_RE, (_, month: string | undefined, quarter: string | undefined) =>
    month ? `thang ${NUMBER_WORDS[month]}` : `quy ${NUMBER_WORDS[quarter!]}`,
  );

  let m = LAST_DAYS_RE.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n === 0) return failure('unrecognised');
    return n <= MAX_LAST_DAYS ? { t: 'last_days', n } : failure('too_many_days', `${m[1]} ngày`);
  }

  m = LAST_MONTHS_RE.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n === 0) return failure('unrecognised');
    return n <= MAX_LAST_MONTHS ? { t: 'last_months', n } : failure('too_many_days', `${m[1]} tháng`);
  }

  m = YEAR_RE.exec(s);
  if (m) return { t: 'year', y: Number(m[1]) };

  m = HALF_RE.exec(s);
  if (m) return withYear({ t: 'half', h: m[1] === 'dau' ? 1 : 2 } as const, yearOf(m[2]), yearsBackOf(m[3]));

  m = MONTH_RE.exec(s) ?? BARE_MONTH_RE.exec(s);
  if (m) {
    const month = Number(m[1]);
    const y = yearOf(m[2] ?? m[3]);
    if (month < 1 || month > 12) return failure('bad_month', `tháng ${month}`);
    return withYear({ t: 'month', m: month }, y, yearsBackOf(m[4]));
  }

  m = QUARTER_RE.exec(s);
  if (m) {
    const q = ROMAN_QUARTERS[m[1]!] ?? Number(m[1]);
    const y = yearOf(m[2] ?? m[3]);
    if (!(q >= 1 && q <= 4)) return failure('bad_quarter', `quý ${m[1]!.toUpperCase()}`);
    return withYear({ t: 'quarter', q }, y, yearsBackOf(m[4]));
  }

  m = DATE_RE.exec(s) ?? WORDY_DATE_RE.exec(s);
  if (m) {
    const y = yearOf(m[3]);
    const typed = [m[1], m[2], m[3]].filter((x) => x !== undefined).join('/');
    return dateSpec(Number(m[1]), Number(m[2]), y, typed);
  }

  return failure('unrecognised');
}

/** Type guard separating a failure from a spec or a resolved value. */
export function isSpecFailure<T extends object>(x: T | SpecFailure): x is SpecFailure {
  return 'fail' in x;
}
