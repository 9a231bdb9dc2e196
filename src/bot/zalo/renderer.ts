import type { Reply } from '../../core/reply.js';
import { TEXT, ZALO_TEXT } from '../../text/messages.js';
import type { AdapterCapabilities, RenderedMessage, ReplyRenderer } from '../adapter.js';
import { blocksLines, styledLines, type Line } from '../render/html.js';
import { pageHint } from '../render/plain.js';
import { splitText } from '../render/split.js';
import { ZALO_CAPABILITIES } from './capabilities.js';
import { renderMarkdownChunks } from './markdown.js';

export interface ZaloRendererOptions {
  /** Write titles bold and notes italic in Zalo's markdown subset (ZALO_MARKDOWN). */
  markdown: boolean;
}

/** Whether a prompt is only the generic "pick a number" sentence, which Zalo's own line replaces. */
function isGenericPrompt(prompt: string, count: number): boolean {
  for (let n = 1; n <= Math.max(count, 10); n++) if (prompt === TEXT.pickNumber(n)) return true;
  return false;
}

/**
 * The lines of a reply on a platform without buttons: the blocks; then the options
 * numbered ("1. Xã Cẩm Giàng (Hải Phòng)"), the handler's prompt when it says more than
 * "pick one", and "Trả lời 1, 2 hoặc 3 để chọn." (the router reads a bare number against
 * the last offer); then how to reach the other pages ("gửi /quahan 2 để xem trang 2").
 */
export function zaloLines(reply: Reply): Line[] {
  const lines = blocksLines(reply.blocks);
  const section = (more: Line[]) => {
    if (more.length === 0) return;
    if (lines.length > 0) lines.push([]);
    lines.push(...more);
  };
  const c = reply.choices;
  if (c && c.options.length > 0) {
    const own = c.options.flatMap((o, i) => styledLines(TEXT.choiceButton(i + 1, o.label), null));
    if (!isGenericPrompt(c.prompt, c.options.length)) own.push(...styledLines(c.prompt, null));
    own.push(...styledLines(ZALO_TEXT.replyWithNumber(c.options.length), 'i'));
    section(own);
  }
  const p = reply.pagination;
  if (p && p.pageCount > 1) section(styledLines(pageHint(p.page, p.pageCount, p.command), 'i'));
  return lines;
}

/**
 * Renders replies for Zalo: plain text by default, or the markdown subset; every message
 * within 2,000 characters, split on line boundaries; a picture with its caption (an
 * overlong caption continues in text messages after it). No buttons: choices and pages
 * become numbered options and a line saying what to send.
 */
export class ZaloRenderer implements ReplyRenderer {
  constructor(
    private readonly opts: ZaloRendererOptions = { markdown: false },
    readonly capabilities: AdapterCapabilities = ZALO_CAPABILITIES,
  ) {}

  private chunks(lines: readonly Line[], max: number): RenderedMessage[] {
    if (this.opts.markdown) return renderMarkdownChunks(lines, max).map((c) => ({ text: c.markdown, plain: c.plain }));
    const plain = lines.map((l) => l.map((s) => s.text).join('')).join('\n');
    if (plain.trim() === '') return [];
    return splitText(plain, max).map((t) => ({ text: t, plain: t }));
  }

  render(reply: Reply): RenderedMessage[] {
    const messages = this.chunks(zaloLines(reply), this.capabilities.maxTextLength);
    if (reply.image) {
      // Captions go plain: whether Zalo reads markdown in a caption is unknown.
      const plain = new ZaloRenderer({ markdown: false }, this.capabilities);
      const [caption, ...rest] = plain.chunks(styledLines(reply.image.caption, null), this.capabilities.maxCaptionLength);
      messages.push({ text: caption?.plain ?? '', plain: caption?.plain ?? '', image: { png: reply.image.png } });
      if (rest.length > 0) messages.push(...plain.chunks(styledLines(rest.map((c) => c.plain).join('\n'), null), this.capabilities.maxTextLength));
    }
    return messages;
  }
}
