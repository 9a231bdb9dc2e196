import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActAs } from '../../access/access.js';
import type { AdapterCapabilities, ChannelEvent, ChatPlatform, PlatformSender, UpdateIds } from '../../channel/platform.js';
import { PLAIN } from '../../channel/render/markup.js';
import { LayoutRenderer } from '../../channel/render/renderer.js';
import type { ChatRef, UserRef } from '../../core/request.js';
import type { DeliveryTarget, OutboundMessage, SentRef } from '../../delivery/message.js';
import { CHART_TEXT } from '../../text/charts-messages.js';
import { TEXT } from '../../text/messages.js';

/** Where the console writes the pictures it is sent (their paths are printed). */
export const CONSOLE_CHART_DIR = join(tmpdir(), 'haicap-bot-charts');

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
    private readonly chartDir: string,
  ) {}

  async send(target: DeliveryTarget, m: OutboundMessage): Promise<SentRef> {
    const body = m.image ? CHART_TEXT.consoleImage(this.writePicture(m.image.png), m.plain) : m.plain;
    const foreign = target.chatId !== this.identity.chat.id;
    const text = m.unasked || foreign ? `${TEXT.consoleNotice(`console:${target.chatId}`)}\n${body}` : body;
    this.print({ chatId: target.chatId, text, unasked: m.unasked === true || foreign });
    return { messageId: String(++this.sent) };
  }

  /** Writes a picture as a PNG file under an unguessable name; returns its path. */
  private writePicture(png: Uint8Array): string {
    mkdirSync(this.chartDir, { recursive: true });
    const path = join(this.chartDir, `${randomBytes(12).toString('base64url')}.png`);
    writeFileSync(path, png);
    return path;
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
    chartDir: string = CONSOLE_CHART_DIR,
  ) {
    this.sender = new ConsoleSender(identity, print, chartDir);
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
