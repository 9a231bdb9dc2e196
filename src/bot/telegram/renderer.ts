import type { AdapterCapabilities } from '../../channel/platform.js';
import { HTML } from '../../channel/render/markup.js';
import { LayoutRenderer } from '../../channel/render/renderer.js';
import { TELEGRAM_CAPABILITIES } from './capabilities.js';

/**
 * Replies as Telegram HTML: the shared layout with <b>, <i> and the four entities, choices
 * and pages as buttons under the last message, captions within 1,024 characters.
 */
export class TelegramRenderer extends LayoutRenderer {
  constructor(capabilities: AdapterCapabilities = TELEGRAM_CAPABILITIES) {
    super(capabilities, HTML);
  }
}
