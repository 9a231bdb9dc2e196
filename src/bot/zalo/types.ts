/**
 * The Zalo Bot API's objects as they travel on the wire (snake_case), from
 * ../shared/zalo-bot-api.md §3–4. Fields Zalo may omit are optional; the parser in
 * updates.ts checks what the bot relies on before anything reads it.
 */

/** The bot itself (getMe). */
export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
  display_name?: string;
}

/** The sender of a message. */
export interface ZaloUser {
  id: string;
  display_name?: string;
  /** Some payloads name the sender here instead of display_name. */
  name?: string;
  is_bot?: boolean;
}

/** A conversation: a person (PRIVATE, chat id = user id) or a group (GROUP, beta). */
export interface ZaloChat {
  id: string;
  chat_type?: 'PRIVATE' | 'GROUP' | string;
}

/** A message in an update. Real traffic sends `photo_url`; the docs say `photo`. */
export interface ZaloMessage {
  message_id: string;
  /** Epoch milliseconds. */
  date?: number;
  from: ZaloUser;
  chat: ZaloChat;
  text?: string;
  photo?: string;
  photo_url?: string;
  caption?: string;
  sticker?: string;
  url?: string;
  voice_url?: string;
  message_type?: string;
}

/** The events Zalo sends; any other name is ignored (future events must not break the bot). */
export const ZALO_EVENTS = [
  'message.text.received',
  'message.image.received',
  'message.sticker.received',
  'message.voice.received',
  'message.unsupported.received',
] as const;

export type ZaloEventName = (typeof ZALO_EVENTS)[number];

/** One update: the same object in a getUpdates `result` and in a webhook body. */
export interface ZaloUpdate {
  event_name: string;
  message?: ZaloMessage;
}

/** A message Zalo accepted (sendMessage, sendPhoto, sendSticker). */
export interface ZaloSentMessage {
  message_id: string;
  date?: number;
}

/** The webhook as Zalo keeps it (setWebhook, deleteWebhook, getWebhookInfo). */
export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
  /** 2026 API: the probe Zalo made when the webhook was set (the URL is saved either way). */
  verification?: { ok?: boolean; status_code?: number; outcome?: string; latency_ms?: number; hint?: string };
}

/** sendMessage parameters. `text` is 1–2,000 characters. */
export interface SendMessageParams {
  chat_id: string;
  text: string;
  parse_mode?: 'markdown' | 'html';
}

/** sendPhoto parameters: `photo` is a public http(s) URL that Zalo fetches itself. */
export interface SendPhotoParams {
  chat_id: string;
  photo: string;
  caption?: string;
}

export interface SendStickerParams {
  chat_id: string;
  sticker: string;
}

export interface SendChatActionParams {
  chat_id: string;
  /** Only `typing` works today (`upload_photo` is announced). */
  action: 'typing' | 'upload_photo';
}

export interface SetWebhookParams {
  url: string;
  /** 8–256 characters; sent back in X-Bot-Api-Secret-Token. */
  secret_token: string;
}
