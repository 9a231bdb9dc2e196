/**
 * Telegram's HTML parse mode, as the fake Bot API server checks it: the supported tags,
 * the four named entities and numeric ones, every tag closed in order. What it accepts
 * comes back as plain text and entities (offsets in UTF-16 units, as Telegram counts).
 */

export interface ParsedEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export type HtmlParse = { ok: true; text: string; entities: ParsedEntity[] } | { ok: false; error: string };

const TAG_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function byteOffset(s: string, i: number): number {
  return Buffer.byteLength(s.slice(0, i), 'utf8');
}

function parseAttributes(src: string): Record<string, string> | null {
  const attrs: Record<string, string> = {};
  const re = /\s*([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) return null;
    attrs[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    at = re.lastIndex;
  }
  return attrs;
}

/** Parses text in Telegram's HTML parse mode; errors read like Telegram's own. */
export function parseTelegramHtml(html: string): HtmlParse {
  let text = '';
  const entities: ParsedEntity[] = [];
  const open: { name: string; type: string; start: number; url?: string }[] = [];
  const fail = (what: string): HtmlParse => ({ ok: false, error: `Bad Request: can't parse entities: ${what}` });
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return fail(`unclosed start tag at byte offset ${byteOffset(html, i)}`);
      const inner = html.slice(i + 1, end);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const top = open.pop();
        if (!top) return fail(`unexpected end tag at byte offset ${byteOffset(html, i)}`);
        if (top.name !== name) return fail(`unmatched end tag at byte offset ${byteOffset(html, i)}, expected "</${top.name}>", found "</${name}>"`);
        if (text.length > top.start) entities.push({ type: top.type, offset: top.start, length: text.length - top.start, ...(top.url ? { url: top.url } : {}) });
      } else {
        const m = /^([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*)$/.exec(inner);
        const name = m?.[1]?.toLowerCase() ?? '';
        const type = TAG_TYPES[name];
        if (!m || !type) return fail(`unsupported start tag "${name || inner}" at byte offset ${byteOffset(html, i)}`);
        const attrs = parseAttributes(m[2]!);
        if (!attrs) return fail(`bad attributes of tag "${name}" at byte offset ${byteOffset(html, i)}`);
        if (name === 'span' && attrs.class !== 'tg-spoiler') return fail(`unsupported start tag "span" at byte offset ${byteOffset(html, i)}`);
        if (name === 'a' && !attrs.href) return fail(`can't find the link of tag "a" at byte offset ${byteOffset(html, i)}`);
        open.push({ name, type, start: text.length, ...(name === 'a' ? { url: attrs.href! } : {}) });
      }
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(?:([a-z]+)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/.exec(html.slice(i, i + 12));
      let ch: string | undefined;
      if (m?.[1]) ch = NAMED[m[1]];
      else if (m?.[2]) ch = String.fromCodePoint(Number(m[2]));
      else if (m?.[3]) ch = String.fromCodePoint(parseInt(m[3], 16));
      if (!m || ch === undefined) return fail(`unsupported HTML entity at byte offset ${byteOffset(html, i)}`);
      text += ch;
      i += m[0].length;
    } else if (c === '>') {
      return fail(`character ">" is reserved and must be escaped at byte offset ${byteOffset(html, i)}`);
    } else {
      text += c;
      i++;
    }
  }
  const unclosed = open.pop();
  if (unclosed) return fail(`can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset);
  return { ok: true, text, entities };
}
