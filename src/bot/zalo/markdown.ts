/**
 * Zalo's markdown subset (2026 API, measured by zalo-bot-mcp): **bold**, *italic*,
 * ~~strike~~, `code`, # headings, and backslash escapes. Replies are laid out as styled
 * lines by src/bot/render/html.ts and split by visible length there; each chunk is then
 * written as markdown with every user- or data-provided character that markdown reads
 * escaped. Escapes and markers make the markdown longer than what shows, and Zalo's
 * 2,000-character limit may count either, so chunks are re-split until both fit.
 */
import { renderHtmlChunks, type Line } from '../render/html.js';

/** A message in markdown, and the same visible text without markup. */
export interface MarkdownChunk {
  markdown: string;
  plain: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** Escapes what Zalo's markdown would read as markup; '#' only where it starts a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`]/g, '\\$&').replace(/(^|\n)(\s*)#/g, '$1$2\\#');
}

/** Wraps text in a marker, keeping surrounding spaces outside (markdown ignores "** x**"). */
function wrap(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] === '' ? text : `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}

/** Turns one chunk of the HTML renderer (only <b>, <i> and four entities) into markdown. */
function htmlToMarkdown(html: string): string {
  let out = '';
  for (const part of html.split(/(<b>[\s\S]*?<\/b>|<i>[\s\S]*?<\/i>)/)) {
    if (part === '') continue;
    const tag = /^<(b|i)>([\s\S]*)<\/\1>$/.exec(part);
    const raw = (tag ? tag[2]! : part).replace(/&(amp|lt|gt|quot);/g, (e) => ENTITIES[e]!);
    // Escape line by line so that a '#' opening any line of the span is caught.
    const escaped = escapeMarkdown(raw);
    out += tag ? escaped.split('\n').map((l) => wrap(l, tag[1] === 'b' ? '**' : '*')).join('\n') : escaped;
  }
  return out;
}

/**
 * Splits styled lines into markdown messages whose markdown and visible text are both at
 * most `max` characters, cut on line boundaries as the plain renderer cuts them.
 */
export function renderMarkdownChunks(lines: readonly Line[], max: number): MarkdownChunk[] {
  let visible = max;
  for (;;) {
    const chunks = renderHtmlChunks(lines, visible).map((c) => ({ markdown: htmlToMarkdown(c.html), plain: c.plain }));
    const longest = Math.max(0, ...chunks.map((c) => c.markdown.length));
    if (longest <= max) return chunks;
    // Shrink the visible budget in proportion to the overshoot, and by at least one.
    visible = Math.max(1, Math.min(visible - 1, Math.floor((visible * max) / longest)));
  }
}
