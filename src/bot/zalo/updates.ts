import { ZALO_EVENTS, type ZaloEventName, type ZaloMessage } from './types.js';

/** An update the bot can act on: a known event with a well-formed message. */
export interface ReceivedUpdate {
  event: ZaloEventName;
  message: ZaloMessage;
}

/** What a body or a getUpdates result turned out to be. */
export type ParsedUpdate =
  | { kind: 'update'; update: ReceivedUpdate }
  /** Well-formed but nothing to do: an unknown event, or no usable message. */
  | { kind: 'ignored'; reason: 'unknown_event' | 'no_message'; event?: string; messageId?: string };

const KNOWN = new Set<string>(ZALO_EVENTS);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isId = (v: unknown): v is string | number => (typeof v === 'string' && v.trim() !== '' && v.length <= 128) || (typeof v === 'number' && Number.isSafeInteger(v));

/**
 * The update inside a body: the documented envelope `{ok: true, result: {…}}` or the flat
 * `{event_name, message}` that real traffic has also shown.
 */
function unwrapUpdate(body: Record<string, unknown>): Record<string, unknown> {
  return body.ok === true && isObject(body.result) ? body.result : body;
}

/**
 * Reads an update (already unwrapped or not). Ids may come as numbers: they are turned
 * into strings, as everything downstream keys on text. Optional text fields of the wrong
 * type are dropped rather than trusted.
 */
export function parseUpdate(value: Record<string, unknown>): ParsedUpdate {
  const u = unwrapUpdate(value);
  const event = typeof u.event_name === 'string' ? u.event_name : undefined;
  const m = isObject(u.message) ? u.message : null;
  const messageId = m && isId(m.message_id) ? String(m.message_id) : undefined;
  if (!event || !KNOWN.has(event)) return { kind: 'ignored', reason: 'unknown_event', ...(event ? { event } : {}), ...(messageId ? { messageId } : {}) };
  const from = m && isObject(m.from) ? m.from : null;
  const chat = m && isObject(m.chat) ? m.chat : null;
  if (!m || !messageId || !from || !isId(from.id) || !chat || !isId(chat.id)) {
    return { kind: 'ignored', reason: 'no_message', event, ...(messageId ? { messageId } : {}) };
  }
  const text = (k: string) => (typeof m[k] === 'string' ? { [k]: m[k] as string } : {});
  const message: ZaloMessage = {
    message_id: messageId,
    ...(typeof m.date === 'number' ? { date: m.date } : {}),
    from: {
      id: String(from.id),
      ...(typeof from.display_name === 'string' ? { display_name: from.display_name } : {}),
      ...(typeof from.name === 'string' ? { name: from.name } : {}),
      ...(typeof from.is_bot === 'boolean' ? { is_bot: from.is_bot } : {}),
    },
    chat: { id: String(chat.id), ...(typeof chat.chat_type === 'string' ? { chat_type: chat.chat_type } : {}) },
    ...text('text'),
    ...text('photo'),
    ...text('photo_url'),
    ...text('caption'),
    ...text('sticker'),
    ...text('url'),
    ...text('voice_url'),
    ...text('message_type'),
  };
  return { kind: 'update', update: { event: event as ZaloEventName, message } };
}
