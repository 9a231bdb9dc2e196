/**
 * What a chat platform contributes to the one chat channel (src/channel/chat-channel.ts):
 * its capabilities and limits, a renderer (markup only), a sender that maps the
 * platform's errors onto the shared delivery errors, and how its updates read. Everything
 * else (receiving once, per-chat order, typing, routing, pacing, retries, the outbox,
 * housekeeping, shutdown) is the channel's. A third platform is a folder of these parts.
 */
import type { ChatKey } from '../access/bindings.js';
import type { Reply } from '../core/reply.js';
import type { ChatRef, Platform, UserRef } from '../core/request.js';
import type { IncomingMessage } from '../core/router.js';
import type { DeliveryTarget, OutboundMessage, SentRef } from '../delivery/message.js';
import type { Pacing } from '../delivery/pacer.js';
import type { RenderedButton } from './render/lines.js';
import type { MarkupKind } from './render/markup.js';

export type { ButtonAction, RenderedButton } from './render/lines.js';
export type { MarkupKind } from './render/markup.js';

/** What a platform can show and how fast it may be written to. */
export interface AdapterCapabilities {
  platform: Platform;
  /** Longest message text, in visible characters (UTF-16 units, after markup is parsed). */
  maxTextLength: number;
  /** Longest caption of a picture. */
  maxCaptionLength: number;
  /** Whether messages can carry buttons (else choices are numbered and picked by number). */
  buttons: boolean;
  /** Whether a sent message can be edited (pagination in place). */
  edits: boolean;
  /** Most bytes of data a button carries back (0 without buttons). */
  callbackDataBytes: number;
  /** The markup of message texts. */
  markup: MarkupKind;
  /** Sending limits, or null where nothing limits the rate (the console). */
  pacing: Pacing | null;
}

/** One outgoing message as rendered, before its buttons get platform callback data. */
export interface RenderedMessage {
  /** Text in `markup` (for an image: its caption). */
  text: string;
  /** The same visible text without markup. */
  plain: string;
  markup: MarkupKind;
  /** Rows of buttons (only where the platform has buttons). */
  buttons?: RenderedButton[][];
  image?: { png: Uint8Array };
}

/**
 * Turns a core reply into the platform's messages: every message within
 * `capabilities.maxTextLength` (captions within `maxCaptionLength`), split on line
 * boundaries, never inside a figure or a markup tag, nothing dropped or truncated;
 * every user- or data-provided string escaped for the markup.
 */
export interface ReplyRenderer {
  readonly capabilities: AdapterCapabilities;
  render(reply: Reply): RenderedMessage[];
}

/**
 * A platform's send operations. Each throws a DeliveryError (src/delivery/message.ts) on
 * failure and never retries itself: the channel's one retry policy decides.
 */
export interface PlatformSender {
  /** Sends one message; falls back to its plain text on rejected markup itself. */
  send(target: DeliveryTarget, message: OutboundMessage): Promise<SentRef>;
  /** Replaces the text and buttons of a message the bot sent (platforms with edits). */
  edit?(target: DeliveryTarget, messageId: string, message: OutboundMessage): Promise<'edited' | 'unchanged'>;
  /** Shows "typing…" in a chat (best effort). */
  typing(chatId: string): Promise<void>;
  /** Stops a pressed button's spinner, with a short notice (platforms with buttons). */
  answerButton?(queryId: string, text?: string): Promise<void>;
  /**
   * Whether messages nobody asked for must wait now (Zalo: the month's quota is used up);
   * replies to people still go.
   */
  holdsBulk?(): Promise<boolean>;
}

/** What an update means to the channel. */
export type ChannelEvent =
  /** A message for the router. `quote` is the platform id of the message the reply should quote. */
  | { kind: 'message'; message: IncomingMessage; quote?: string }
  /** A button pressed under the bot's message `messageId` (chat null: the message is gone). */
  | { kind: 'button'; chat: ChatRef | null; user: UserRef; data: string; messageId: string; queryId: string }
  /** The bot was removed from a chat (or blocked in a private one). */
  | { kind: 'chat_left'; chat: ChatKey }
  /** A chat got a new id (a Telegram group upgraded to a supergroup). */
  | { kind: 'chat_moved'; chat: ChatKey; to: string }
  /** Something the bot answers without the router (a sticker in a private chat: "the bot reads text"). */
  | { kind: 'hint'; chat: ChatRef; reply: Reply }
  /** Nothing to do (group chatter, other bots, unknown events). */
  | { kind: 'ignore'; reason: string };

/** Where an update belongs: its platform id (for receiving it once) and its chat. */
export interface UpdateIds {
  /** The platform's id of the update (Telegram update_id, Zalo message_id). */
  key: string;
  /** The chat it belongs to (updates of one chat are answered in order); null for none. */
  chatId: string | null;
}

/**
 * One chat platform as the channel sees it. `connect` learns who the bot is on the
 * platform (getMe) and may fail; the channel retries it with back-off and interprets
 * updates only once it has succeeded.
 */
export interface ChatPlatform {
  readonly name: Platform;
  /** "telegram:<bot id>": the key of this bot's rows in the shared tables. */
  readonly key: string;
  readonly renderer: ReplyRenderer;
  readonly sender: PlatformSender;
  /** Learns the bot's own identity; throws PlatformAuthError when the platform refuses the token. */
  connect(): Promise<void>;
  /** The ids of an update as the receiver got it (the platform's own JSON); null when it is not one. */
  identify(raw: unknown): UpdateIds | null;
  /** What an update means (after `connect`: mentions need the bot's own name). */
  interpret(raw: unknown): ChannelEvent;
  /** Called once connected, before updates flow (publishing a command menu…); failures are only logged. */
  onReady?(): Promise<void>;
  /** The platform's own periodic clean-up (expired pictures…). */
  housekeeping?(): Promise<void>;
  /** Releases the platform's connections. */
  close?(): Promise<void>;
}

/**
 * The platform refused the bot's token: retrying cannot help. `message` is one Vietnamese
 * line for the administrator.
 */
export class PlatformAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformAuthError';
  }
}
