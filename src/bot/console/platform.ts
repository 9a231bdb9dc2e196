import type { ActAs } from '../../access/access.js';
import type { AdapterCapabilities, ChannelEvent, ChatPlatform, PlatformSender, UpdateIds } from '../../channel/platform.js';
import { PLAIN } from '../../channel/render/markup.js';
import { LayoutRenderer } from '../../channel/render/renderer.js';
import type { ChatRef, UserRef } from '../../core/request.js';
import type { DeliveryTarget, OutboundMessage, SentRef } from '../../delivery/message.js';
import { TEXT } from '../../text/messages.js';

/** Who the console user is and which chat they act in (`--chat`, `--as`). */
export interface ConsoleIdentity {
  chat: ChatRef;
  user: UserRef;
  /** `--as`: the role to act with instead of the chat's own. */
  actAs?: ActAs;
}

export const DEFAULT_CONSOLE_IDENTITY: ConsoleIdentity = {
  chat: { platform: 'console', id: 'console', kind: 'private', title: 'Bảng điều khiển' },
  user: { id: 'console', name: 'Quản trị viên' },
};

/**
 * The console shows replies as Zalo does: plain text, numbered choices, a line saying how
 * to reach the other pages. No buttons, no edits, no rate limit.
 */
const CONSOLE_CAPABILITIES: AdapterCapabilities = {
  platform: 'console',
  maxTextLength: 4096,
  maxCaptionLength: 4096,
  buttons: false,
  edits: false,
  callbackDataBytes: 0,
  markup: 'plain',
  pacing: null,
};

/** Replies as plain text, split on line boundaries at the console's limit. */
class ConsoleRenderer extends LayoutRenderer {
  constructor(capabilities: AdapterCapabilities = CONSOLE_CAPABILITIES) {
    super(capabilities, PLAIN);
  }
}

/** A line typed in the console, as the channel receives it. */
export interface ConsoleLine {
  /** The line's number in this session (its update id). */
  n: number;
  text: string;
}

/** A message the console printed: to which chat, its text, and whether anyone asked for it. */
export interface PrintedMessage {
  chatId: string;
  text: string;
  unasked: boolean;
}

/**
 * Prints what the bot sends: replies to the console's own chat as they are, messages
 * nobody asked for (notices, alerts) headed with the chat they are for.
 */
class ConsoleSender implements PlatformSender {
  private sent = 0;

  constructor(
    private readonly identity: ConsoleIdentity,
    private readonly print: (m: PrintedMessage) => void,
  ) {}

  async send(target: DeliveryTarget, m: OutboundMessage): Promise<SentRef> {
    const body = m.image ? TEXT.imageOnConsole(m.plain) : m.plain;
    const foreign = target.chatId !== this.identity.chat.id;
    const text = m.unasked || foreign ? `${TEXT.consoleNotice(`console:${target.chatId}`)}\n${body}` : body;
    this.print({ chatId: target.chatId, text, unasked: m.unasked === true || foreign });
    return { messageId: String(++this.sent) };
  }

  async typing(): Promise<void> {}
}

/**
 * The console as a chat platform: each line typed is a message from the console user in
 * the console chat (with `--as`, acting with that role), always addressed to the bot.
 */
export class ConsolePlatform implements ChatPlatform {
  readonly name = 'console' as const;
  readonly key = 'console';
  readonly renderer = new ConsoleRenderer();
  readonly sender: PlatformSender;

  constructor(
    private readonly identity: ConsoleIdentity,
    print: (m: PrintedMessage) => void,
  ) {
    this.sender = new ConsoleSender(identity, print);
  }

  async connect(): Promise<void> {}

  identify(raw: unknown): UpdateIds | null {
    const line = raw as Partial<ConsoleLine> | null;
    if (!line || typeof line.text !== 'string' || typeof line.n !== 'number') return null;
    return { key: `line-${line.n}`, chatId: this.identity.chat.id };
  }

  interpret(raw: unknown): ChannelEvent {
    const { text } = raw as ConsoleLine;
    const { chat, user, actAs } = this.identity;
    return { kind: 'message', message: { text, chat, user, addressed: true, ...(actAs ? { actAs } : {}) } };
  }
}
