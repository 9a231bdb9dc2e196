/**
 * A message as words: invisible and direction characters removed, mentions dropped, each word
 * with its folded form, chat abbreviations expanded ("bn" → "bao nhiêu", "nn&mt" →
 * "Nông nghiệp và Môi trường").
 */
import { stripDiacritics } from '../names/keys.js';
import { ABBREVIATIONS } from './lexicon.js';

/** One word of the message. */
export interface Token {
  /** As typed, or the expansion of an abbreviation (with diacritics). */
  surface: string;
  /** Lower case, no diacritics, no apostrophes: what tables are matched on. */
  fold: string;
}

/** Longest message read; a longer one is answered with "too long" without being read. */
export const MAX_MESSAGE_LENGTH = 1000;

// Zero-width joiners, direction marks and embeddings, the BOM, soft hyphen, variation selectors.
const INVISIBLE = /[\u00AD\u034F\u061C\u180E\u200C-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/gu;

// A word: letters and digits, joined inside by "/", ".", "-", "&" or an apostrophe ("1/7/2025",
// "nn&mt", "H'Leo"); or a standalone dash (a range "1/7 - 28/7"); or "%".
const WORD = /[\p{L}\p{M}\p{N}]+(?:[/.\-&'’][\p{L}\p{M}\p{N}]+)*|[-–—]|%/gu;

/** The folded form of one word. */
export function foldWord(s: string): string {
  return stripDiacritics(s).replace(/['’]/g, '');
}

/** Removes characters that cannot be seen or that reorder text; NFC. */
export function cleanText(text: string): string {
  // A zero-width space separates words, so it becomes a space.
  return text.normalize('NFC').replace(/\u200B/g, ' ').replace(INVISIBLE, '');
}

/**
 * Splits a message into tokens. `@mentions` are dropped (the platform already removed this
 * bot's own); an abbreviation becomes the words it stands for.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const cleaned = cleanText(text).replace(/(^|\s)@\S+/gu, '$1 ');
  for (const m of cleaned.matchAll(WORD)) {
    const surface = m[0];
    const fold = foldWord(surface);
    const expansion = ABBREVIATIONS.get(fold);
    if (expansion) {
      for (const w of expansion.split(' ')) out.push({ surface: w, fold: foldWord(w) });
      continue;
    }
    out.push({ surface, fold });
  }
  return out;
}
