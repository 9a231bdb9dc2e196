import type { Reply } from '../../core/reply.js';
import type { AdapterCapabilities, RenderedMessage, ReplyRenderer } from '../platform.js';
import { renderChunks } from './chunks.js';
import { replyButtons, replyLines, styledLines } from './lines.js';
import type { Markup } from './markup.js';

/**
 * Renders replies for one platform from the shared layout: text split into messages
 * within the text limit (on line boundaries, nothing dropped), a picture with its caption
 * (an overlong caption continues in text messages after it), and, where the platform has
 * buttons, the choice and page buttons under the last message; without buttons, numbered
 * options and a line saying what to send. Only the markup differs between platforms.
 */
export class LayoutRenderer implements ReplyRenderer {
  constructor(
    readonly capabilities: AdapterCapabilities,
    private readonly markup: Markup,
    /** The markup of captions and of what continues them (Zalo: plain, whatever the text's markup). */
    private readonly captionMarkup: Markup = markup,
  ) {}

  render(reply: Reply): RenderedMessage[] {
    const cap = this.capabilities;
    const messages: RenderedMessage[] = renderChunks(replyLines(reply, cap.buttons), cap.maxTextLength, this.markup).map((c) => ({
      text: c.text,
      plain: c.plain,
      markup: this.markup.kind,
    }));
    if (reply.image) {
      const [caption, ...rest] = renderChunks(styledLines(reply.image.caption, null), cap.maxCaptionLength, this.captionMarkup);
      messages.push({ text: caption?.text ?? '', plain: caption?.plain ?? '', markup: this.captionMarkup.kind, image: { png: reply.image.png } });
      if (rest.length > 0) {
        const overflow = styledLines(rest.map((c) => c.plain).join('\n'), null);
        messages.push(...renderChunks(overflow, cap.maxTextLength, this.captionMarkup).map((c) => ({ text: c.text, plain: c.plain, markup: this.captionMarkup.kind })));
      }
    }
    if (cap.buttons) {
      const buttons = replyButtons(reply);
      const last = messages[messages.length - 1];
      if (last && buttons.length > 0) last.buttons = buttons;
    }
    return messages;
  }
}
