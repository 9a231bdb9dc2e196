/**
 * Whether a group message calls the bot by name ("bot ơi, …", "HaicapBot cho hỏi …"), and the
 * text without that call. Platforms use it to decide what is addressed to the bot; the
 * understanding reads the rest.
 */
import { foldKey } from '../names/keys.js';

/** Folded words that call any bot. */
const CALL_WORDS = ['bot'];

function callAt(text: string, names: readonly string[]): number {
  const trimmed = text.trimStart();
  const offset = text.length - trimmed.length;
  const candidates = [...CALL_WORDS, ...names.map((n) => foldKey(n.replace(/^@/, '')))].filter(Boolean);
  for (const name of candidates.sort((a, b) => b.length - a.length)) {
    const words = name.split(' ').length;
    const m = new RegExp(String.raw`^@?((?:\S+\s+){${words - 1}}\S+?)(?=$|[\s,:;.!?])`, 'u').exec(trimmed);
    if (m && foldKey(m[1]!) === name) return offset + m[0].length;
  }
  return -1;
}

/** True when the text starts with "bot" or one of the bot's names (any case, with or without diacritics or "@"). */
export function callsBot(text: string, names: readonly string[] = []): boolean {
  return callAt(text, names) >= 0;
}

/** The text after a leading call of the bot ("bot ơi" stays for the reader: "ơi" is a filler). */
export function withoutCall(text: string, names: readonly string[] = []): string {
  const at = callAt(text, names);
  return at < 0 ? text : text.slice(at).replace(/^[\s,:;.!?]+/u, '');
}
