import type { Router } from '../../core/router.js';
import type { Reply } from '../../core/reply.js';
import { TEXT } from '../../text/messages.js';
import type { AdapterCapabilities, RenderedMessage, ReplyRenderer } from '../adapter.js';
import { renderPlain } from '../render/plain.js';
import { splitText } from '../render/split.js';
import { askConsole, type ConsoleIdentity } from './session.js';

/**
 * The console shows replies as the Zalo adapter will: plain text, numbered choices, a line
 * saying how to reach the other pages. No buttons, no edits, no rate limit.
 */
export const CONSOLE_CAPABILITIES: AdapterCapabilities = {
  platform: 'console',
  maxTextLength: 4096,
  maxCaptionLength: 4096,
  buttons: false,
  edits: false,
  callbackDataBytes: 0,
  markup: 'plain',
  pacing: null,
};

/** Renders replies as plain text, split on line boundaries at the console's limit. */
export class ConsoleRenderer implements ReplyRenderer {
  constructor(readonly capabilities: AdapterCapabilities = CONSOLE_CAPABILITIES) {}

  render(reply: Reply): RenderedMessage[] {
    const text = [renderPlain(reply), ...(reply.image ? [TEXT.imageOnConsole(reply.image.caption)] : [])].filter((t) => t !== '').join('\n\n');
    if (text.trim() === '') return [];
    return splitText(text, this.capabilities.maxTextLength).map((t) => ({ text: t, plain: t }));
  }
}

/** The console adapter: one line in, the rendered messages out (none when the bot stays quiet). */
export class ConsoleAdapter {
  constructor(
    private readonly router: Router,
    readonly renderer: ReplyRenderer = new ConsoleRenderer(),
  ) {}

  async handle(identity: ConsoleIdentity, text: string): Promise<RenderedMessage[]> {
    const reply = await askConsole(this.router, identity, text);
    return reply ? this.renderer.render(reply) : [];
  }
}

/** Messages as the terminal prints them: one blank line between messages. */
export function consoleText(messages: readonly RenderedMessage[]): string {
  return messages.map((m) => m.text).join('\n\n');
}
