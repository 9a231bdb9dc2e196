import { Composer, type Context } from 'grammy';
import { chatLeft, chatMigrated } from '../../../access/chat-changes.js';
import type { Clock } from '../../../core/clock.js';
import type { Store } from '../../../data/store.js';
import type { Logger } from '../../../log.js';

/**
 * Keeps chat bindings in step with Telegram: when the bot is removed from a group (or
 * blocked in a private chat) the binding is retired; when a group becomes a supergroup
 * (its id changes) the binding follows it. Other updates pass on untouched.
 */
export function chatFeature(store: Store, clock: Clock, log: Logger): Composer<Context> {
  const c = new Composer<Context>();
  c.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === 'left' || status === 'kicked') {
      await chatLeft(store, { platform: 'telegram', chatId: String(ctx.myChatMember.chat.id) }, clock.now());
      log.info('bot removed from chat', { chat: ctx.myChatMember.chat.id });
    }
  });
  c.on('message:migrate_to_chat_id', async (ctx) => {
    await chatMigrated(store, { platform: 'telegram', chatId: String(ctx.chat.id) }, String(ctx.message.migrate_to_chat_id), clock.now());
    log.info('chat migrated', { from: ctx.chat.id, to: ctx.message.migrate_to_chat_id });
  });
  return c;
}
