/**
 * Splits styled lines into messages. Text is split by visible length first (on line
 * boundaries, with split.ts), and only then serialised in the platform's markup, so a
 * split can never fall inside a tag, an entity or an escape.
 */
import type { Line, SpanStyle } from './lines.js';
import type { Markup } from './markup.js';
import { splitText } from './split.js';

/** A message's text in its markup, and the same visible text without markup. */
export interface Chunk {
  text: string;
  plain: string;
}

const STYLE_CODE: Record<string, number> = { b: 1, i: 2 };
const CODE_STYLE: SpanStyle[] = [null, 'b', 'i'];

/** Serialises plain[from, to) line by line, rebuilding each line's spans from the styles. */
function serialise(plain: string, styles: readonly number[], from: number, to: number, markup: Markup): string {
  const out: string[] = [];
  let lineStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && plain[i] !== '\n') continue;
    const spans: Line = [];
    let j = lineStart;
    while (j < i) {
      const code = styles[j]!;
      let k = j + 1;
      while (k < i && styles[k] === code) k++;
      spans.push({ text: plain.slice(j, k), style: CODE_STYLE[code] ?? null });
      j = k;
    }
    out.push(markup.line(spans));
    lineStart = i + 1;
  }
  return out.join('\n');
}

function split(lines: readonly Line[], maxVisible: number, markup: Markup): Chunk[] {
  let plain = '';
  const styles: number[] = [];
  lines.forEach((line, n) => {
    if (n > 0) {
      plain += '\n';
      styles.push(0);
    }
    for (const span of line) {
      plain += span.text;
      for (let k = 0; k < span.text.length; k++) styles.push(span.style ? STYLE_CODE[span.style]! : 0);
    }
  });
  if (plain.trim() === '') return [];
  const chunks: Chunk[] = [];
  let at = 0;
  for (const part of splitText(plain, maxVisible)) {
    // Every part is a substring of `plain`, in order; only line breaks and the one space
    // at a forced cut lie between two parts.
    let start = at;
    while (start < plain.length && !plain.startsWith(part, start) && (plain[start] === '\n' || plain[start] === ' ')) start++;
    if (!plain.startsWith(part, start)) throw new Error('split text does not match its source');
    chunks.push({ text: serialise(plain, styles, start, start + part.length, markup), plain: part });
    at = start + part.length;
  }
  return chunks;
}

/**
 * Messages of at most `max` visible characters, cut on line boundaries (an overlong line
 * at a space), in `markup`. Where the platform may count the markup too, chunks are
 * re-split until the marked-up text also fits.
 */
export function renderChunks(lines: readonly Line[], max: number, markup: Markup): Chunk[] {
  let visible = max;
  for (;;) {
    const chunks = split(lines, visible, markup);
    if (!markup.countsMarkup) return chunks;
    const longest = Math.max(0, ...chunks.map((c) => c.text.length));
    if (longest <= max) return chunks;
    // Shrink the visible budget in proportion to the overshoot, and by at least one.
    visible = Math.max(1, Math.min(visible - 1, Math.floor((visible * max) / longest)));
  }
}
