import { DeliveryError, safeDetail, type DeliveryTarget, type MessageSender, type OutboundMessage, type SentRef } from '../../delivery/message.js';
import type { Logger } from '../../log.js';
import { ZALO_TEXT } from '../../text/messages.js';
import type { ZaloClient } from './client.js';
import { ZaloError } from './errors.js';
import type { ZaloImages } from './images.js';
import type { ZaloQuota } from './quota.js';
import { withRetry, type RetryOptions } from './retry.js';
import type { ZaloSentMessage } from './types.js';

/** How long a message refused with "Quota exceeded" waits in the outbox before it is tried again. */
export const QUOTA_RETRY_MS = 30 * 60_000;
const MAX_TEXT = 2000;

export interface ZaloSenderOptions {
  /** "zalo:<bot id>" (the outbox's platform column, the quota's bot). */
  platform: string;
  retry: RetryOptions;
  /** Where pictures are served from; null without PUBLIC_BASE_URL. */
  images: ZaloImages | null;
  quota: ZaloQuota;
  /** Wait after a 429 "Quota exceeded" before the outbox tries again (default 30 min). */
  quotaRetryMs?: number;
  /** Called once a month, by one instance, when the count reaches 80 % of the quota. */
  onQuotaWarning?: (month: string, sent: number) => void;
}

/**
 * Sends messages through the Zalo client, retrying transient failures within the
 * configured wait. A message whose text differs from its plain form is in the markdown
 * subset and goes with parse_mode markdown; if Zalo refuses it, it is sent again plain.
 * A picture is stored and sent by its public URL. Every message Zalo accepts is counted
 * against the monthly quota; failures become DeliveryErrors for the deliverer and the
 * outbox: "Quota exceeded" waits (nothing is lost), a refused message is dropped.
 */
export class ZaloSender implements MessageSender {
  readonly platform: string;
  private warnedImages = false;

  constructor(
    private readonly client: ZaloClient,
    private readonly log: Logger,
    private readonly opts: ZaloSenderOptions,
  ) {
    this.platform = opts.platform;
  }

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

  private call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    return withRetry(method, fn, this.opts.retry);
  }

  private async sendText(target: DeliveryTarget, m: OutboundMessage): Promise<ZaloSentMessage> {
    const chat_id = target.chatId;
    if (m.text === m.plain) return this.call('sendMessage', () => this.client.sendMessage({ chat_id, text: m.plain }));
    try {
      return await this.call('sendMessage', () => this.client.sendMessage({ chat_id, text: m.text, parse_mode: 'markdown' }));
    } catch (err) {
      if (!(err instanceof ZaloError) || err.code !== 'bad_request') throw err;
      this.log.warn('zalo refused the markdown; sending plain text', { chat: chat_id, cause: safeDetail(err.description) });
      return this.call('sendMessage', () => this.client.sendMessage({ chat_id, text: m.plain }));
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
      return this.call('sendMessage', () => this.client.sendMessage({ chat_id: target.chatId, text }));
    }
    const photo = await images.put(m.image!.png);
    return this.call('sendPhoto', () => this.client.sendPhoto({ chat_id: target.chatId, photo, ...(caption ? { caption } : {}) }));
  }

  /** Counts a sent message; a failure here is logged, never turned into a failed send. */
  private async count(): Promise<void> {
    try {
      const { month, sent } = await this.opts.quota.record(1);
      // Past the quota (Zalo said so first) a warning would itself be held: none is sent.
      const quota = this.opts.quota;
      if (sent >= quota.warnAt && sent < quota.quota && (await quota.claimWarning(month))) this.opts.onQuotaWarning?.(month, sent);
    } catch (err) {
      this.log.error('zalo message not counted', { error: err });
    }
  }

  private async toDeliveryError(err: unknown): Promise<DeliveryError> {
    if (err instanceof DeliveryError) return err;
    if (!(err instanceof ZaloError)) return new DeliveryError('unavailable', err instanceof Error ? err.name : 'unknown');
    const detail = `${err.method} ${err.code}${err.errorCode !== null ? ` ${err.errorCode}` : ''} ${safeDetail(err.description)}`.trim();
    switch (err.code) {
      case 'quota':
        await this.opts.quota.markExhausted().catch((e: unknown) => this.log.error('zalo quota state not saved', { error: e }));
        return new DeliveryError('rate_limited', detail, this.opts.quotaRetryMs ?? QUOTA_RETRY_MS);
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
