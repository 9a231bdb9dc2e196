import type { AdapterCapabilities } from '../../channel/platform.js';

/**
 * Zalo's limits (Bot API, zalo-bot-api.md §6): text and captions of 1–2,000 characters
 * (UTF-16 units, as JavaScript counts), no buttons, no edits. Zalo publishes no rate
 * limit; the pacing of queued messages is a cautious guess, well under Telegram's.
 * `markup` is 'plain' unless ZALO_MARKDOWN asks for the markdown subset (see ZaloRenderer).
 */
export const ZALO_CAPABILITIES: AdapterCapabilities = {
  platform: 'zalo',
  maxTextLength: 2000,
  maxCaptionLength: 2000,
  buttons: false,
  edits: false,
  callbackDataBytes: 0,
  markup: 'plain',
  pacing: { perChatIntervalMs: 1000, groupPerMinute: 20, perSecond: 10 },
};
