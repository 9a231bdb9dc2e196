/**
 * Comparison keys for Vietnamese place names.
 *
 * Two keys exist because people type names in two ways: with full diacritics (where the tone
 * must count, "Cẩm Giang" is not "Cẩm Giàng") and without any (where it cannot). Both keys are
 * built in one pass over the NFD form because the index computes them for ~14,000 names at start.
 */

/** Tone number of a Vietnamese tone mark in NFD (sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5), else 0. */
function toneNumber(code: number): number {
  switch (code) {
    case 0x0301:
      return 1; // acute: sắc
    case 0x0300:
      return 2; // grave: huyền
    case 0x0309:
      return 3; // hook above: hỏi
    case 0x0303:
      return 4; // tilde: ngã
    case 0x0323:
      return 5; // dot below: nặng
    default:
      return 0;
  }
}

/**
 * Apostrophe-like characters are dropped rather than turned into spaces, so that the
 * Central Highlands names "Ea H'Leo" and "M'Drắk" match the common spellings "Ea Hleo", "Mdrak".
 */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x60 || code === 0xb4 || code === 0x2bc || code === 0x2018 || code === 0x2019;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;

/** Character classes the key builders distinguish. */
const enum Kind {
  Letter,
  Mark,
  Skip,
  Gap,
}

/**
 * Classifies one UTF-16 unit of lower-cased NFD text. The loops work on code units for speed
 * (the index builds keys for ~14,000 names at start); after NFD, Vietnamese text is ASCII plus
 * marks and đ, so the Unicode regexes only run for foreign letters and symbols.
 */
function classify(s: string, i: number, code: number): Kind {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return Kind.Letter;
    return code === 0x27 || code === 0x60 ? Kind.Skip : Kind.Gap;
  }
  if (code >= 0x300 && code <= 0x36f) return Kind.Mark;
  if (isApostrophe(code)) return Kind.Skip;
  // Both halves of a surrogate pair are judged by the whole character, so they stay together.
  let ch = s[i]!;
  if (code >= 0xd800 && code <= 0xdbff) ch = s.slice(i, i + 2);
  else if (code >= 0xdc00 && code <= 0xdfff && i > 0) ch = s.slice(i - 1, i + 1);
  if (LETTER_OR_DIGIT.test(ch)) return Kind.Letter;
  return COMBINING_MARK.test(ch) ? Kind.Mark : Kind.Gap;
}

// Keys are written into two reusable buffers, both filled in one pass: the index builds keys
// for thousands of names at start-up, and this keeps it free of per-character string building.
let toneBuffer = new Uint16Array(256);
let foldBuffer = new Uint16Array(256);

function bufferText(buffer: Uint16Array, n: number): string {
  return String.fromCharCode.apply(null, buffer.subarray(0, n) as unknown as number[]);
}

/** Both comparison keys of one name. */
export interface NameKeys {
  /** See {@link toneKey}. */
  tone: string;
  /** See {@link foldKey}. */
  fold: string;
}

/**
 * Computes {@link toneKey} and {@link foldKey} of `s` together (one normalisation, one pass).
 */
export function nameKeys(s: string): NameKeys {
  const d = s.normalize('NFD').toLowerCase();
  if (toneBuffer.length < 2 * d.length + 1) {
    toneBuffer = new Uint16Array(4 * d.length + 2);
    foldBuffer = new Uint16Array(4 * d.length + 2);
  }
  const tb = toneBuffer;
  const fb = foldBuffer;
  let t = 0;
  let f = 0;
  let inWord = false;
  let tones = 0; // bit k set when the current syllable carries tone k
  for (let i = 0; i <= d.length; i++) {
    const code = i < d.length ? d.charCodeAt(i) : 0x20;
    const kind = classify(d, i, code);
    if (kind === Kind.Letter) {
      if (!inWord && f > 0) {
        tb[t++] = 0x20;
        fb[f++] = 0x20;
      }
      inWord = true;
      tb[t++] = code;
      // đ has no decomposition, so NFD leaves it alone; fold it by hand.
      fb[f++] = code === 0x111 ? 0x64 : code;
    } else if (kind === Kind.Mark) {
      if (!inWord) continue;
      // Quality marks (circumflex, breve, horn) stay on their letter in the tone key; a tone
      // moves to the end of the syllable, once even if a mistyped syllable carries it twice.
      const tone = toneNumber(code);
      if (tone === 0) tb[t++] = code;
      else tones |= 1 << tone;
    } else if (kind === Kind.Gap && inWord) {
      for (let k = 1; k <= 5; k++) if (tones & (1 << k)) tb[t++] = 0x30 + k;
      inWord = false;
      tones = 0;
    }
  }
  // Digits are starters, so composing the whole tone key at once recombines each letter.
  return { tone: bufferText(tb, t).normalize('NFC'), fold: bufferText(fb, f) };
}

/**
 * The loosest comparison key: no diacritics at all, đ → d, lower case, and every run of
 * whitespace or punctuation collapsed to one space (apostrophes removed).
 *
 * @example foldKey('Thượng  Cốc') === 'thuong coc'; foldKey('Hòa') === foldKey('Hoà') === 'hoa'
 */
export function foldKey(s: string): string {
  return nameKeys(s).fold;
}

/**
 * A key that keeps vowel quality (â ê ô ơ ư ă) and đ, and keeps each syllable's tone but not
 * where the mark sits: the tone is removed from the letters and appended to the syllable as a
 * digit. So "Hòa" and "Hoà" both give "hoa2", while "Cẩm Giang" ("câm3 giang") and
 * "Cẩm Giàng" ("câm3 giang2") differ. Whitespace and punctuation are collapsed as in
 * {@link foldKey}.
 *
 * @example toneKey('Thủy') === toneKey('Thuỷ') === 'thuy3'
 */
export function toneKey(s: string): string {
  return nameKeys(s).tone;
}

/**
 * True when `s` contains at least one letter or digit (so there is something to look up).
 */
export function hasLetterOrDigit(s: string): boolean {
  return LETTER_OR_DIGIT.test(s);
}

/**
 * True when `s` carries any Vietnamese diacritic (a combining mark after NFD, or đ). A query
 * without any was typed without diacritics, so an exact match on {@link toneKey} would be a
 * coincidence, not evidence.
 */
export function hasDiacritics(s: string): boolean {
  const d = s.normalize('NFD');
  for (let i = 0; i < d.length; i++) {
    const code = d.charCodeAt(i);
    if (code === 0x110 || code === 0x111 || (code >= 0x300 && code <= 0x36f)) return true;
  }
  return false;
}

/**
 * Lower case without any diacritics (đ → d), spacing and punctuation kept: for texts that
 * are not names but are typed with or without diacritics too (periods, role words).
 * @example stripDiacritics('Từ 1/7') === 'tu 1/7'
 */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
