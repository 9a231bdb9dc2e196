import type { Clock } from '../../core/clock.js';
import type { Reply } from '../../core/reply.js';
import type { CallbackIds } from '../../delivery/callback-ids.js';
import type { Deliverer, DeliveryOutcome } from '../../delivery/deliverer.js';
import { DeliveryError, type DeliveryTarget, type OutboundMessage } from '../../delivery/message.js';
import type { Logger } from '../../log.js';
import type { RenderedMessage, ReplyRenderer } from '../adapter.js';
import { resolveKeyboard } from './keyboard.js';
import type { TelegramSender } from './sender.js';

/**
 * Sends the core's replies to a Telegram chat: renders them, gives their buttons short
 * callback ids, and hands the messages to the deliverer (at once, or via the outbox).
 */
export class TelegramResponder {
  constructor(
    private readonly renderer: ReplyRenderer,
    private readonly ids: CallbackIds,
    private readonly deliverer: Deliverer,
    private readonly sender: TelegramSender,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  private async outbound(target: DeliveryTarget, rendered: readonly RenderedMessage[], replyTo?: string): Promise<OutboundMessage[]> {
    const now = this.clock.now();
    const out: OutboundMessage[] = [];
    for (const [i, m] of rendered.entries()) {
      out.push({
        text: m.text,
        plain: m.plain,
        markup: this.renderer.capabilities.markup,
        ...(m.buttons ? { keyboard: await resolveKeyboard(m.buttons, target.chatId, this.ids, now, this.renderer.capabilities.callbackDataBytes) } : {}),
        ...(m.image ? { image: m.image } : {}),
        ...(i === 0 && replyTo ? { replyTo } : {}),
      });
    }
    return out;
  }

  /**
   * Sends a reply as new messages. `key` identifies the update being answered (the
   * messages' dedupe keys derive from it); `replyTo` quotes the user's message in groups.
   */
  async reply(target: DeliveryTarget, reply: Reply, key: string, replyTo?: string): Promise<DeliveryOutcome> {
    const messages = await this.outbound(target, this.renderer.render(reply), replyTo);
    return this.deliverer.deliver(target, messages, key);
  }

  /**
   * Shows a reply in place of a message the bot sent (another page of a paginated
   * reply). A reply that needs several messages or a picture, or an edit Telegram refuses,
   * is sent as new messages instead.
   */
  async replace(target: DeliveryTarget, messageId: string, reply: Reply, key: string): Promise<void> {
    const rendered = this.renderer.render(reply);
    const only = rendered.length === 1 ? rendered[0]! : null;
    if (only && !only.image) {
      const [message] = await this.outbound(target, [only]);
      try {
        await this.sender.edit(target, messageId, message!);
        return;
      } catch (err) {
        const code = err instanceof DeliveryError ? err.code : 'unknown';
        this.log.warn('edit failed; sending the page as a new message', { chat: target.chatId, code });
      }
    }
    await this.deliverer.deliver(target, await this.outbound(target, rendered), key);
  }
}
