import type { Reply } from '../../core/reply.js';
import { replyButtons, type AdapterCapabilities, type RenderedMessage, type ReplyRenderer } from '../adapter.js';
import { blocksLines, renderHtmlChunks, styledLines } from '../render/html.js';
import { TELEGRAM_CAPABILITIES } from './capabilities.js';

/**
 * Renders replies as Telegram HTML: text split into messages within the text limit, a
 * picture with its caption (an overlong caption continues in text messages after it),
 * and the choice and page buttons under the last message.
 */
export class TelegramRenderer implements ReplyRenderer {
  constructor(readonly capabilities: AdapterCapabilities = TELEGRAM_CAPABILITIES) {}

  render(reply: Reply): RenderedMessage[] {
    const lines = blocksLines(reply.blocks);
    if (reply.choices) {
      if (lines.length > 0) lines.push([]);
      lines.push(...styledLines(reply.choices.prompt, 'i'));
    }
    const messages: RenderedMessage[] = renderHtmlChunks(lines, this.capabilities.maxTextLength).map((c) => ({ text: c.html, plain: c.plain }));
    if (reply.image) {
      const [caption, ...rest] = renderHtmlChunks(styledLines(reply.image.caption, null), this.capabilities.maxCaptionLength);
      messages.push({ text: caption?.html ?? '', plain: caption?.plain ?? '', image: { png: reply.image.png } });
      if (rest.length > 0) {
        const overflow = rest.map((c) => c.plain).join('\n');
        messages.push(...renderHtmlChunks(styledLines(overflow, null), this.capabilities.maxTextLength).map((c) => ({ text: c.html, plain: c.plain })));
      }
    }
    const buttons = replyButtons(reply);
    const last = messages[messages.length - 1];
    if (last && buttons.length > 0) last.buttons = buttons;
    return messages;
  }
}
