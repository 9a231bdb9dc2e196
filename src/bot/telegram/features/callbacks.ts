import { Composer, type Context } from 'grammy';
import { TEXT } from '../../../text/messages.js';
import { chatRef, userRef } from '../incoming.js';
import { isButtonAction, parseCallbackData } from '../keyboard.js';
import { startTyping } from '../typing.js';
import type { FeatureDeps } from './deps.js';

/**
 * Button presses. Every callback query is answered (an expired or foreign button with a
 * short notice), before the work, so the button stops spinning at once. A choice runs
 * its command as if the presser had typed it and answers with new messages; a page arrow
 * shows the other page in place of the message that carried it.
 */
export function callbacksFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const answer = async (text?: string) => {
      try {
        await ctx.answerCallbackQuery(text ? { text } : undefined);
      } catch (err) {
        deps.log.warn('callback query not answered', { update: ctx.update.update_id, error: err });
      }
    };
    const message = query.message;
    const chat = message ? chatRef(message.chat) : null;
    const ref = parseCallbackData(query.data);
    if (!message || !chat || !ref) return answer(TEXT.buttonExpired);
    if (ref.kind === 'noop') return answer();
    const action = await deps.ids.resolve(ref.id, chat.id);
    if (!isButtonAction(action) || action.kind === 'noop') return answer(TEXT.buttonExpired);
    await answer();

    const text = action.kind === 'page' ? `${action.command} ${action.page}` : action.command;
    const stopTyping = startTyping(() => ctx.api.sendChatAction(chat.id, 'typing'), deps.typingAfterMs, deps.log);
    let reply;
    try {
      reply = await deps.router.handle({ text, chat, user: userRef(query.from), addressed: true });
    } finally {
      stopTyping();
    }
    if (!reply) return;
    const target = { chatId: chat.id, isGroup: chat.kind === 'group' };
    const key = deps.replyKey(ctx.update.update_id);
    if (action.kind === 'page') await deps.responder.replace(target, String(message.message_id), reply, key);
    else await deps.responder.reply(target, reply, key);
  });
  return composer;
}
