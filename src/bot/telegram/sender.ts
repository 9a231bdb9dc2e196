import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, ReplyParameters } from 'grammy/types';
import type { PlatformSender } from '../../channel/platform.js';
import { safeDetail, type DeliveryTarget, type KeyboardButton, type OutboundMessage, type SentRef } from '../../delivery/message.js';
import type { Logger } from '../../log.js';
import { isMarkupError, isNotModified, toDeliveryError } from './api-errors.js';

function keyboardMarkup(rows: KeyboardButton[][] | undefined): InlineKeyboardMarkup | undefined {
  if (!rows || rows.length === 0) return undefined;
  return { inline_keyboard: rows.map((r) => r.map((b) => ({ text: b.label, callback_data: b.data }))) };
}

function replyParameters(replyTo: string | undefined): ReplyParameters | undefined {
  return replyTo ? { message_id: Number(replyTo), allow_sending_without_reply: true } : undefined;
}

/**
 * Sends through the Bot API, one attempt per call (the channel's retry policy decides on
 * retries). A message whose HTML Telegram refuses is logged with the cause and sent again
 * as plain text; other failures become DeliveryErrors.
 */
export class TelegramSender implements PlatformSender {
  constructor(
    private readonly api: Api,
    private readonly log: Logger,
  ) {}

  async send(target: DeliveryTarget, m: OutboundMessage): Promise<SentRef> {
    try {
      return await this.sendAs(target, m, m.markup === 'html');
    } catch (err) {
      if (!isMarkupError(err)) throw toDeliveryError(err);
      this.log.warn('telegram refused the markup; sending plain text', { chat: target.chatId, cause: safeDetail(err.description) });
      try {
        return await this.sendAs(target, m, false);
      } catch (again) {
        throw toDeliveryError(again);
      }
    }
  }

  private async sendAs(target: DeliveryTarget, m: OutboundMessage, html: boolean): Promise<SentRef> {
    const common = {
      ...(html ? { parse_mode: 'HTML' as const } : {}),
      reply_markup: keyboardMarkup(m.keyboard),
      reply_parameters: replyParameters(m.replyTo),
    };
    const text = html ? m.text : m.plain;
    const sent = m.image
      ? await this.api.sendPhoto(target.chatId, new InputFile(m.image.png, 'chart.png'), { ...common, ...(text ? { caption: text } : {}) })
      : await this.api.sendMessage(target.chatId, text, { ...common, link_preview_options: { is_disabled: true } });
    return { messageId: String(sent.message_id) };
  }

  /**
   * Replaces the text and buttons of a message the bot sent (a page turned in place).
   * Returns 'unchanged' when the message already shows exactly this.
   */
  async edit(target: DeliveryTarget, messageId: string, m: OutboundMessage): Promise<'edited' | 'unchanged'> {
    const attempt = async (html: boolean) => {
      await this.api.editMessageText(target.chatId, Number(messageId), html ? m.text : m.plain, {
        ...(html ? { parse_mode: 'HTML' as const } : {}),
        reply_markup: keyboardMarkup(m.keyboard),
        link_preview_options: { is_disabled: true },
      });
      return 'edited' as const;
    };
    try {
      return await attempt(m.markup === 'html');
    } catch (err) {
      if (isNotModified(err)) return 'unchanged';
      if (!isMarkupError(err)) throw toDeliveryError(err);
      this.log.warn('telegram refused the markup; editing with plain text', { chat: target.chatId, cause: safeDetail(err.description) });
      try {
        return await attempt(false);
      } catch (again) {
        if (isNotModified(again)) return 'unchanged';
        throw toDeliveryError(again);
      }
    }
  }

  async typing(chatId: string): Promise<void> {
    await this.api.sendChatAction(chatId, 'typing');
  }

  async answerButton(queryId: string, text?: string): Promise<void> {
    try {
      await this.api.answerCallbackQuery(queryId, text ? { text } : undefined);
    } catch (err) {
      throw toDeliveryError(err);
    }
  }
}
