import { Composer, type Context } from 'grammy';
import { isForBot, toIncoming } from '../incoming.js';
import { startTyping } from '../typing.js';
import type { FeatureDeps } from './deps.js';

/**
 * Text messages for the bot (commands, and text addressed to it) go through the core
 * router; the reply is rendered and delivered. In groups the reply quotes the message it
 * answers, so everyone sees whom the bot is answering.
 */
export function messagesFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message', async (ctx, next) => {
    const msg = ctx.message;
    if (!isForBot(msg, ctx.me)) return next();
    const incoming = toIncoming(msg, ctx.me);
    const stopTyping = startTyping(() => ctx.api.sendChatAction(msg.chat.id, 'typing'), deps.typingAfterMs, deps.log);
    let reply;
    try {
      reply = await deps.router.handle(incoming);
    } finally {
      stopTyping();
    }
    if (!reply) return;
    const target = { chatId: incoming.chat.id, isGroup: incoming.chat.kind === 'group' };
    await deps.responder.reply(target, reply, deps.replyKey(ctx.update.update_id), target.isGroup ? String(msg.message_id) : undefined);
  });
  return composer;
}
