import type { AdapterCapabilities } from '../../channel/platform.js';

/**
 * Telegram's limits (Bot API): 4,096 characters of text and 1,024 of caption after the
 * markup is parsed, 64 bytes of callback data, about 1 message a second per chat,
 * 20 a minute per group and 30 a second overall.
 */
export const TELEGRAM_CAPABILITIES: AdapterCapabilities = {
  platform: 'telegram',
  maxTextLength: 4096,
  maxCaptionLength: 1024,
  buttons: true,
  edits: true,
  callbackDataBytes: 64,
  markup: 'html',
  pacing: { perChatIntervalMs: 1000, groupPerMinute: 20, perSecond: 30 },
};
