/**
 * Telegram HTML rendering of reply blocks. Text is first laid out as lines of styled
 * spans, split into messages by visible length (Telegram counts characters after parsing
 * the markup), and only then serialised to HTML, with every string escaped. So a split
 * can never fall inside a tag or an entity, and no user- or data-provided text can ever
 * add markup of its own.
 */
import type { Block } from '../../core/reply.js';
import { splitText } from './split.js';

/** How a span looks: bold, italic or plain. */
export type SpanStyle = 'b' | 'i' | null;

export interface Span {
  text: string;
  style: SpanStyle;
}

/** One line of text; never contains a line break. */
export type Line = Span[];

/** A message's text as HTML, and the same visible text without markup. */
export interface HtmlChunk {
  html: string;
  plain: string;
}

/** Escapes text for Telegram HTML: &, <, > and " (the entities Telegram knows). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Lines of one style from text that may contain line breaks. */
export function styledLines(text: string, style: SpanStyle): Line[] {
  return text.split('\n').map((t) => (t === '' ? [] : [{ text: t, style }]));
}

/** The lines of one block: titles and list headings bold, notes italic, figures one per line. */
export function blockLines(b: Block): Line[] {
  switch (b.kind) {
    case 'title':
      return styledLines(b.text, 'b');
    case 'text':
      return styledLines(b.text, null);
    case 'note':
      return styledLines(b.text, 'i');
    case 'fields':
      return b.rows.flatMap((r) => styledLines(`${r.indent ? '  • ' : ''}${r.label}: ${r.value}`, null));
    case 'list':
      return [
        ...(b.heading ? styledLines(b.heading, 'b') : []),
        ...b.items.flatMap((i) => styledLines(b.numbered ? i : `• ${i}`, null)),
      ];
  }
}

/** Lines of several blocks, one empty line between blocks. */
export function blocksLines(blocks: readonly Block[]): Line[] {
  const out: Line[] = [];
  for (const b of blocks) {
    const lines = blockLines(b);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push([]);
    out.push(...lines);
  }
  return out;
}

const STYLE_CODE: Record<string, number> = { b: 1, i: 2 };
const CODE_STYLE: SpanStyle[] = [null, 'b', 'i'];

/**
 * Splits lines into messages of at most `maxVisible` visible characters (on line
 * boundaries, with src/bot/render/split.ts) and serialises each to HTML.
 */
export function renderHtmlChunks(lines: readonly Line[], maxVisible: number): HtmlChunk[] {
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
  const chunks: HtmlChunk[] = [];
  let at = 0;
  for (const part of splitText(plain, maxVisible)) {
    // Every part is a substring of `plain`, in order; only line breaks and the one space
    // at a forced cut lie between two parts.
    let start = at;
    while (start < plain.length && !plain.startsWith(part, start) && (plain[start] === '\n' || plain[start] === ' ')) start++;
    if (!plain.startsWith(part, start)) throw new Error('split text does not match its source');
    chunks.push({ html: toHtml(plain, styles, start, start + part.length), plain: part });
    at = start + part.length;
  }
  return chunks;
}

/** Serialises plain[from, to) with its styles; tags open and close within the range. */
function toHtml(plain: string, styles: readonly number[], from: number, to: number): string {
  let html = '';
  let i = from;
  while (i < to) {
    const code = styles[i]!;
    let j = i + 1;
    while (j < to && styles[j] === code) j++;
    const text = escapeHtml(plain.slice(i, j));
    const style = CODE_STYLE[code];
    html += style ? `<${style}>${text}</${style}>` : text;
    i = j;
  }
  return html;
}
