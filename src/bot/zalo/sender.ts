import type { PlatformSender } from '../../channel/platform.js';
import { DeliveryError, safeDetail, type DeliveryTarget, type OutboundMessage, type SentRef } from '../../delivery/message.js';
import type { Logger } from '../../log.js';
import { ZALO_TEXT } from '../../text/messages.js';
import type { ZaloClient } from './client.js';
import { ZaloError } from './errors.js';
import type { ZaloImages } from './images.js';
import type { ZaloQuota } from './quota.js';
import type { ZaloSentMessage } from './types.js';

const MAX_TEXT = 2000;

export interface ZaloSenderOptions {
  /** Where pictures are served from; null without PUBLIC_BASE_URL. */
  images: ZaloImages | null;
  quota: ZaloQuota;
  /** Called once a month, by one instance, when the count reaches 80 % of the quota. */
  onQuotaWarning?: (month: string, sent: number) => Promise<void>;
  /** Called once per episode of "Quota exceeded", by the instance that saw it begin. */
  onLimited?: (since: Date) => Promise<void>;
}

/**
 * Sends through the Zalo client, one attempt per call (the channel's retry policy decides
 * on retries). A message in Zalo's markdown goes with parse_mode markdown; if Zalo refuses
 * it, it is sent again plain. A picture is stored and sent by its public URL. Every message
 * Zalo accepts is counted against the monthly quota; failures become DeliveryErrors:
 * "Quota exceeded" is retried by its own steps (and begins an episode administrators hear
 * of once), a refused message is dropped.
 */
export class ZaloSender implements PlatformSender {
  private warnedImages = false;

  constructor(
    private readonly client: ZaloClient,
    private readonly log: Logger,
    private readonly opts: ZaloSenderOptions,
  ) {}

  async send(target: DeliveryTarget, m: OutboundMessage): Promise<SentRef> {
    let sent: ZaloSentMessage;
    try {
      sent = m.image ? await this.sendPicture(target, m) : await this.sendText(target, m);
    } catch (err) {
      throw await this.toDeliveryError(err);
    }
    await this.count();
    return { messageId: String(sent.message_id ?? '') };
  }

  private async sendText(target: DeliveryTarget, m: OutboundMessage): Promise<ZaloSentMessage> {
    const chat_id = target.chatId;
    if (m.markup !== 'markdown' || m.text === m.plain) return this.client.sendMessage({ chat_id, text: m.plain });
    try {
      return await this.client.sendMessage({ chat_id, text: m.text, parse_mode: 'markdown' });
    } catch (err) {
      if (!(err instanceof ZaloError) || err.code !== 'bad_request') throw err;
      this.log.warn('zalo refused the markdown; sending plain text', { chat: chat_id, cause: safeDetail(err.description) });
      return this.client.sendMessage({ chat_id, text: m.plain });
    }
  }

  private async sendPicture(target: DeliveryTarget, m: OutboundMessage): Promise<ZaloSentMessage> {
    const caption = m.plain.trim() === '' ? undefined : m.plain;
    const images = this.opts.images;
    if (!images) {
      // Zalo takes pictures only by public URL; without one the caption goes alone.
      if (!this.warnedImages) this.log.warn('zalo picture sent as text: PUBLIC_BASE_URL is not set');
      this.warnedImages = true;
      const note = ZALO_TEXT.imageUnavailable;
      const text = caption ? (caption.length + note.length + 2 <= MAX_TEXT ? `${caption}\n\n${note}` : caption) : note;
      return this.client.sendMessage({ chat_id: target.chatId, text });
    }
    const photo = await images.put(m.image!.png);
    return this.client.sendPhoto({ chat_id: target.chatId, photo, ...(caption ? { caption } : {}) });
  }

  async typing(chatId: string): Promise<void> {
    await this.client.sendChatAction({ chat_id: chatId, action: 'typing' });
  }

  /** Past the month's quota (by the bot's own count), messages nobody asked for wait. */
  async holdsBulk(): Promise<boolean> {
    return (await this.opts.quota.state()).exhausted;
  }

  /** Counts a sent message and ends an episode of refusals; a failure here is logged, never turned into a failed send. */
  private async count(): Promise<void> {
    try {
      const quota = this.opts.quota;
      await quota.endLimited();
      const { month, sent } = await quota.record(1);
      if (sent >= quota.warnAt && sent < quota.quota && (await quota.claimWarning(month))) await this.opts.onQuotaWarning?.(month, sent);
    } catch (err) {
      this.log.error('zalo message not counted', { error: err });
    }
  }

  private async toDeliveryError(err: unknown): Promise<DeliveryError> {
    if (err instanceof DeliveryError) return err;
    if (!(err instanceof ZaloError)) return new DeliveryError('unavailable', err instanceof Error ? err.name : 'unknown');
    const detail = `${err.method} ${err.code}${err.errorCode !== null ? ` ${err.errorCode}` : ''} ${safeDetail(err.description)}`.trim();
    switch (err.code) {
      case 'quota': {
        const since = await this.opts.quota.beginLimited().catch((e: unknown) => {
          this.log.error('zalo quota state not saved', { error: e });
          return null;
        });
        if (since) await this.opts.onLimited?.(since).catch((e: unknown) => this.log.error('zalo quota episode not told', { error: e }));
        return new DeliveryError('quota_exceeded', detail);
      }
      case 'auth':
        this.log.error('zalo refused the bot token; messages wait in the outbox', { method: err.method });
        return new DeliveryError('unavailable', detail);
      case 'bad_request':
        return new DeliveryError('rejected', detail);
      default:
        return new DeliveryError('unavailable', detail);
    }
  }
}
