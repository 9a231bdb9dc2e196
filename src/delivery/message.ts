/**
 * What the delivery layer moves: a message ready for one platform's send call, and the
 * errors a platform sender reports. Platform-neutral: each platform's sender maps its own
 * errors onto these.
 */
import type { MarkupKind } from '../channel/render/markup.js';
import { pngFromBase64, pngToBase64 } from '../core/reply.js';

export type { MarkupKind } from '../channel/render/markup.js';

/** One button as sent: a label and the short callback data it carries (never raw names). */
export interface KeyboardButton {
  label: string;
  data: string;
}

/** A message ready to send: text in its markup, the same text plain (the fallback), buttons. */
export interface OutboundMessage {
  /** The text in `markup` (for an image: its caption). */
  text: string;
  /** The same visible text without markup, sent when the platform rejects the markup. */
  plain: string;
  markup: MarkupKind;
  /** Rows of buttons under the message. */
  keyboard?: KeyboardButton[][];
  /** A picture sent with `text` as its caption. */
  image?: { png: Uint8Array };
  /** The platform id of the message this one answers (groups: whom the bot replies to). */
  replyTo?: string;
  /** A message nobody asked for (a notice, an alert); the console heads it so. */
  unasked?: boolean;
}

/** Where a message goes. */
export interface DeliveryTarget {
  chatId: string;
  /** Groups have their own pacing limits (Telegram: 20 messages a minute). */
  isGroup: boolean;
}

/** The platform's id of a message it accepted. */
export interface SentRef {
  messageId: string;
}

/** Why a send failed, as a code the delivery layer decides on. */
export type DeliveryErrorCode =
  /** Too many messages: try again after `retryAfterMs`. */
  | 'rate_limited'
  /** Zalo's "Quota exceeded" (429): a passing limit or the month's quota, retried by its own steps. */
  | 'quota_exceeded'
  /** The platform or the network failed (5xx, timeout, dropped connection): try again later. */
  | 'unavailable'
  /** The platform refused this message for good (400): retrying cannot help. */
  | 'rejected'
  /** The bot may not write to this chat (blocked, removed from the group). */
  | 'forbidden';

/**
 * A failed send, mapped from the platform's own error by its adapter. `detail` is the
 * platform's description with any quoted text removed: safe to log, never message text.
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    readonly detail: string,
    /** For rate_limited (and unavailable, when known): how long to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DeliveryError';
  }

  /** Whether sending the same message later may succeed. */
  get transient(): boolean {
    return this.code === 'rate_limited' || this.code === 'quota_exceeded' || this.code === 'unavailable';
  }
}

/** A platform's send operation, as the outbox and the deliverer use it. */
export interface MessageSender {
  /** Sends one message; throws DeliveryError. Falls back to `plain` on rejected markup itself. */
  send(target: DeliveryTarget, message: OutboundMessage): Promise<SentRef>;
}

/** Serialises a message for the outbox (images as base64). */
export function encodeMessage(m: OutboundMessage): string {
  const { image, ...rest } = m;
  return JSON.stringify(image ? { ...rest, imageBase64: pngToBase64(image.png) } : rest);
}

/** Reads a message written by encodeMessage. */
export function decodeMessage(json: string): OutboundMessage {
  const raw = JSON.parse(json) as OutboundMessage & { imageBase64?: string };
  const { imageBase64, ...rest } = raw;
  return imageBase64 ? { ...rest, image: { png: pngFromBase64(imageBase64) } } : rest;
}

/** Removes quoted fragments from a platform error description before it is logged. */
export function safeDetail(description: string): string {
  // Platforms quote fragments of the message in double quotes ("Unsupported start tag "x"").
  return description.replace(/"[^"]*"/g, '"…"').slice(0, 200);
}
