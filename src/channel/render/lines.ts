/**
 * The one layout of replies: blocks become lines of styled spans (titles and list headings
 * bold, notes italic, one figure per line, sub-rows indented with a bullet), and the
 * choices and pages of a reply become either button rows (platforms with buttons) or
 * numbered lines and a line saying what to send (platforms without). Every renderer
 * (HTML, Zalo markdown, plain text) only escapes and marks up these lines.
 */
import type { Block, Reply } from '../../core/reply.js';
import { TEXT, ZALO_TEXT } from '../../text/messages.js';

/** How a span looks: bold, italic or plain. */
export type SpanStyle = 'b' | 'i' | null;

export interface Span {
  text: string;
  style: SpanStyle;
}

/** One line of text; never contains a line break. */
export type Line = Span[];

/**
 * What pressing a button does. `run` sends a command as if the presser had typed it
 * (picking a choice); `page` shows page `page` of a paginated command in place; `noop`
 * is a label-only button (the "Trang 2/3" between the arrows).
 */
export type ButtonAction = { kind: 'run'; command: string } | { kind: 'page'; command: string; page: number } | { kind: 'noop' };

export interface RenderedButton {
  label: string;
  action: ButtonAction;
}

/** Lines of one style from text that may contain line breaks. */
export function styledLines(text: string, style: SpanStyle): Line[] {
  return text.split('\n').map((t) => (t === '' ? [] : [{ text: t, style }]));
}

/** The lines of one block. */
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
      return [...(b.heading ? styledLines(b.heading, 'b') : []), ...b.items.flatMap((i) => styledLines(b.numbered ? i : `• ${i}`, null))];
  }
}

/** Lines of several sections (blocks, or groups of lines), one empty line between them. */
function joinSections(sections: readonly Line[][]): Line[] {
  const out: Line[] = [];
  for (const lines of sections) {
    if (lines.length === 0) continue;
    if (out.length > 0) out.push([]);
    out.push(...lines);
  }
  return out;
}

/** Lines of several blocks, one empty line between blocks. */
export function blocksLines(blocks: readonly Block[]): Line[] {
  return joinSections(blocks.map(blockLines));
}

/** "Trang 1/3 · gửi /quahan 2 để xem trang 2". */
export function pageHint(page: number, pageCount: number, command: string): string {
  const next = page < pageCount ? page + 1 : page - 1;
  return `Trang ${page}/${pageCount} · gửi ${command} ${next} để xem trang ${next}`;
}

/** Whether a prompt is only the generic "pick a number" sentence, which the numbered layout's own line replaces. */
function isGenericPrompt(prompt: string, count: number): boolean {
  for (let n = 1; n <= Math.max(count, 10); n++) if (prompt === TEXT.pickNumber(n)) return true;
  return false;
}

/**
 * The lines of a whole reply. With buttons, the choices' prompt follows the blocks in
 * italics (the options and pages are buttons, see `replyButtons`). Without, the options
 * are numbered ("1. Xã Cẩm Giàng (Hải Phòng)"), the prompt follows when it says more than
 * "pick one", then "Trả lời 1, 2 hoặc 3 để chọn." (a bare number picks against the last
 * offer), then how to reach the other pages ("gửi /quahan 2 để xem trang 2").
 */
export function replyLines(reply: Reply, buttons: boolean): Line[] {
  const sections: Line[][] = [blocksLines(reply.blocks)];
  const c = reply.choices;
  if (buttons) {
    if (c) sections.push(styledLines(c.prompt, 'i'));
    return joinSections(sections);
  }
  if (c && c.options.length > 0) {
    const own = c.options.flatMap((o, i) => styledLines(TEXT.choiceButton(i + 1, o.label), null));
    if (!isGenericPrompt(c.prompt, c.options.length)) own.push(...styledLines(c.prompt, null));
    own.push(...styledLines(ZALO_TEXT.replyWithNumber(c.options.length), 'i'));
    sections.push(own);
  }
  const p = reply.pagination;
  if (p && p.pageCount > 1) sections.push(styledLines(pageHint(p.page, p.pageCount, p.command), 'i'));
  return joinSections(sections);
}

/** The visible text of lines. */
export function linesText(lines: readonly Line[]): string {
  return lines.map((l) => l.map((s) => s.text).join('')).join('\n');
}

/** A reply as plain text without buttons, as the console and Zalo show it. */
export function plainText(reply: Reply): string {
  return linesText(replyLines(reply, false));
}

/**
 * The buttons of a reply on a platform with buttons: one row per choice ("2. Xã Yên Phú
 * (Phú Thọ)"), one per shortcut, then the page row ‹ Trang 2/3 › whose arrows show the
 * neighbouring pages.
 */
export function replyButtons(reply: Reply): RenderedButton[][] {
  const rows: RenderedButton[][] = [];
  reply.choices?.options.forEach((o, i) => rows.push([{ label: TEXT.choiceButton(i + 1, o.label), action: { kind: 'run', command: o.command } }]));
  for (const a of reply.actions ?? []) rows.push([{ label: a.label, action: { kind: 'run', command: a.command } }]);
  const p = reply.pagination;
  if (p && p.pageCount > 1) {
    const row: RenderedButton[] = [];
    if (p.page > 1) row.push({ label: TEXT.pagePrevious, action: { kind: 'page', command: p.command, page: p.page - 1 } });
    row.push({ label: TEXT.pageLabel(p.page, p.pageCount), action: { kind: 'noop' } });
    if (p.page < p.pageCount) row.push({ label: TEXT.pageNext, action: { kind: 'page', command: p.command, page: p.page + 1 } });
    rows.push(row);
  }
  return rows;
}
