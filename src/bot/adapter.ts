/**
 * The contract between the core and a chat adapter (console, Telegram, Zalo): what a
 * platform can show, and how a core `Reply` becomes that platform's outgoing messages.
 * One place knows each platform's limits: its `AdapterCapabilities`.
 */
import type { Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import type { MarkupKind } from '../delivery/message.js';
import type { Pacing } from '../delivery/pacer.js';
import { TEXT } from '../text/messages.js';

export type { MarkupKind } from '../delivery/message.js';

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
  markup: MarkupKind;
  /** Sending limits, or null where nothing limits the rate (the console). */
  pacing: Pacing | null;
}

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

/** One outgoing message as rendered, before its buttons get platform callback data. */
export interface RenderedMessage {
  /** Text in the adapter's markup (for an image: its caption). */
  text: string;
  /** The same visible text without markup. */
  plain: string;
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

/** The visible length of a message (what the platform's limit counts). */
export function visibleLength(m: RenderedMessage): number {
  return m.plain.length;
}

/**
 * The buttons of a reply on a platform with buttons: one row per choice ("2. Xã Yên Phú
 * (Phú Thọ)"), then the page row ‹ Trang 2/3 › whose arrows show the neighbouring pages.
 */
export function replyButtons(reply: Reply): RenderedButton[][] {
  const rows: RenderedButton[][] = [];
  reply.choices?.options.forEach((o, i) => rows.push([{ label: TEXT.choiceButton(i + 1, o.label), action: { kind: 'run', command: o.command } }]));
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
