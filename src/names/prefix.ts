/**
 * Removal of a leading administrative type ("xã", "phường", "tỉnh", …) from a typed name.
 *
 * Prefix words are compared by {@link toneKey}, so only the exact word ("phường", any tone
 * placement, any case) or its diacritic-free form ("phuong") counts. A looser comparison would
 * eat real names: "Phương Mao", "Xà Phìn" and "Tịnh Biên" all start with a word that folds to a
 * unit type. The diacritic-free forms are still ambiguous ("phuong mao"), which is why the
 * resolver also tries the unstripped text.
 */
import { foldKey, hasLetterOrDigit, toneKey } from './keys.js';

/** Type of commune-level unit named by a prefix; thị trấn no longer exist but are still typed. */
export type UnitTypeHint = 'xa' | 'phuong' | 'dac_khu' | 'thi_tran';

/** Type of province-level unit named by a prefix. */
export type ProvinceTypeHint = 'tinh' | 'thanh_pho';

/** A name with its leading type word removed, and the type that word named, if any. */
export interface StrippedName<H extends string> {
  name: string;
  typeHint?: H;
}

interface PrefixRule<H extends string> {
  /** toneKeys of the prefix's words, in order. */
  words: readonly string[];
  hint: H;
  /** Single letters ("x", "p") are prefixes only with a dot: "P Rao" is a real old name. */
  needsDot?: boolean;
}

function rule<H extends string>(text: string, hint: H, needsDot = false): PrefixRule<H> {
  return { words: text.split(' ').map(toneKey), hint, needsDot };
}

// Two-word rules come first so that "thị trấn" is not read as something shorter.
const UNIT_RULES: readonly PrefixRule<UnitTypeHint>[] = [
  rule('đặc khu', 'dac_khu'),
  rule('dac khu', 'dac_khu'),
  rule('thị trấn', 'thi_tran'),
  rule('thi tran', 'thi_tran'),
  rule('xã', 'xa'),
  rule('xa', 'xa'),
  rule('x', 'xa', true),
  rule('phường', 'phuong'),
  rule('phuong', 'phuong'),
  rule('p', 'phuong', true),
  rule('tt', 'thi_tran'),
];

const PROVINCE_RULES: readonly PrefixRule<ProvinceTypeHint>[] = [
  rule('thành phố', 'thanh_pho'),
  rule('thanh pho', 'thanh_pho'),
  rule('tp', 'thanh_pho'),
  rule('tỉnh', 'tinh'),
  rule('tinh', 'tinh'),
];

/** Type words by foldKey; an explicit type string is not a name, so loose matching is safe. */
const TYPE_WORDS: ReadonlyMap<string, UnitTypeHint> = new Map([
  ['xa', 'xa'],
  ['phuong', 'phuong'],
  ['dac khu', 'dac_khu'],
  ['thi tran', 'thi_tran'],
]);

const HINT_VALUES: ReadonlySet<string> = new Set(TYPE_WORDS.values());

/** One word at the start of a string, followed by a separator (space, dot, colon, comma, dash). */
const LEADING_WORD = /^([\p{L}\p{M}]+)(\s*[.:,\-]\s*|\s+)/u;

interface LeadingWord {
  key: string;
  separator: string;
  /** Offset just after the separator, in the trimmed input. */
  end: number;
}

/** Reads up to `max` leading words; stops at the first word without a following separator. */
function leadingWords(s: string, max: number): LeadingWord[] {
  const words: LeadingWord[] = [];
  let pos = 0;
  while (words.length < max) {
    const m = LEADING_WORD.exec(s.slice(pos));
    if (!m || m[1] === undefined || m[2] === undefined) break;
    pos += m[0].length;
    words.push({ key: toneKey(m[1]), separator: m[2], end: pos });
  }
  return words;
}

/** Base letter (no marks, lower case) of the first character of `s`. */
function firstLetter(s: string): string {
  return s.charAt(0).normalize('NFD').charAt(0).toLowerCase();
}

/** First letters of a rule set's words: a cheap test that most names pass straight by. */
function firstLetters(rules: readonly PrefixRule<string>[]): ReadonlySet<string> {
  return new Set(rules.map((r) => firstLetter(r.words[0] ?? '')));
}

const UNIT_FIRST = firstLetters(UNIT_RULES);
const PROVINCE_FIRST = firstLetters(PROVINCE_RULES);

function stripBy<H extends string>(
  s: string,
  rules: readonly PrefixRule<H>[],
  first: ReadonlySet<string>,
): StrippedName<H> {
  const trimmed = s.trim();
  if (!first.has(firstLetter(trimmed))) return { name: trimmed };
  const words = leadingWords(trimmed, 2);
  for (const r of rules) {
    const last = words[r.words.length - 1];
    if (!last) continue;
    if (!r.words.every((w, i) => words[i]?.key === w)) continue;
    if (r.needsDot && !last.separator.includes('.')) continue;
    const rest = trimmed.slice(last.end).trim();
    // "Xã" alone is not a prefix of anything; leave it for the caller to judge.
    if (!hasLetterOrDigit(rest)) continue;
    return { name: rest, typeHint: r.hint };
  }
  return { name: trimmed };
}

/**
 * Removes an optional leading commune-level type: "xã"/"xa"/"x.", "phường"/"phuong"/"p.",
 * "đặc khu"/"dac khu", "thị trấn"/"thi tran"/"tt". Case and tone placement do not matter.
 * The prefix is kept when nothing would remain after it.
 *
 * @example stripUnitPrefix('Phường Bến Nghé') → { name: 'Bến Nghé', typeHint: 'phuong' }
 * @example stripUnitPrefix('Phương Mao') → { name: 'Phương Mao' } (a name, not a prefix)
 */
export function stripUnitPrefix(s: string): StrippedName<UnitTypeHint> {
  return stripBy(s, UNIT_RULES, UNIT_FIRST);
}

/**
 * Removes an optional leading province-level type: "tỉnh"/"tinh", "thành phố"/"thanh pho",
 * "tp"/"tp.".
 *
 * @example stripProvincePrefix('TP. Hải Phòng') → { name: 'Hải Phòng', typeHint: 'thanh_pho' }
 */
export function stripProvincePrefix(s: string): StrippedName<ProvinceTypeHint> {
  return stripBy(s, PROVINCE_RULES, PROVINCE_FIRST);
}

/**
 * Reads a free-text unit type ("xã", "Phường", "thi_tran", "dac khu") as a {@link UnitTypeHint}.
 * Used for the optional `type` of former names, which callers may give in either spelling.
 */
export function parseUnitType(type: string | undefined | null): UnitTypeHint | undefined {
  if (!type) return undefined;
  // Fast path for the hint spellings themselves, which is what loaders usually pass.
  if (HINT_VALUES.has(type)) return type as UnitTypeHint;
  return TYPE_WORDS.get(foldKey(type));
}
