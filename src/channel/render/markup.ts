/**
 * The markups a platform writes messages in. Each only escapes and marks up the lines of
 * src/channel/render/lines.ts: no markup ever reads another's output, and no user- or
 * data-provided character can add markup of its own.
 */
import type { Line } from './lines.js';

/** The markup an outbound message's `text` is written in. */
export type MarkupKind = 'plain' | 'html' | 'markdown';

export interface Markup {
  readonly kind: MarkupKind;
  /** One line of spans, escaped and marked up. */
  line(spans: Line): string;
  /**
   * Whether the platform may count the markup itself against its length limit (Zalo's
   * markdown: unknown, so both the markup and the visible text must fit); Telegram counts
   * characters after parsing its HTML.
   */
  readonly countsMarkup: boolean;
}

/** Escapes text for Telegram HTML: &, <, > and " (the entities Telegram knows). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Escapes the characters Zalo's markdown reads as markup anywhere in a line. */
const escapeMarkdownChars = (text: string) => text.replace(/[\\*_~`]/g, '\\$&');

/** Escapes what Zalo's markdown would read as markup; '#' only where it starts a line. */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownChars(text).replace(/(^|\n)(\s*)#/g, '$1$2\\#');
}

const HTML_TAG: Record<'b' | 'i', string> = { b: 'b', i: 'i' };
const MARKDOWN_MARKER: Record<'b' | 'i', string> = { b: '**', i: '*' };

/** Wraps text in a marker, keeping surrounding spaces outside (markdown ignores "** x**"). */
function wrapMarker(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] === '' ? text : `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}

/** Telegram HTML: <b>, <i> and the four entities. */
export const HTML: Markup = {
  kind: 'html',
  countsMarkup: false,
  line: (spans) => spans.map((s) => (s.style ? `<${HTML_TAG[s.style]}>${escapeHtml(s.text)}</${HTML_TAG[s.style]}>` : escapeHtml(s.text))).join(''),
};

/**
 * Zalo's markdown subset (2026 API, measured by zalo-bot-mcp): **bold**, *italic*,
 * ~~strike~~, `code`, # headings, and backslash escapes.
 */
export const MARKDOWN: Markup = {
  kind: 'markdown',
  countsMarkup: true,
  line: (spans) =>
    spans
      .map((s, i) => {
        // Only the start of a line can open a heading.
        const escaped = i === 0 ? escapeMarkdown(s.text) : escapeMarkdownChars(s.text);
        return s.style ? wrapMarker(escaped, MARKDOWN_MARKER[s.style]) : escaped;
      })
      .join(''),
};

/** Plain text: the spans as they are. */
export const PLAIN: Markup = {
  kind: 'plain',
  countsMarkup: false,
  line: (spans) => spans.map((s) => s.text).join(''),
};
