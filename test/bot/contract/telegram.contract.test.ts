import { TEXT } from '../../../src/text/messages.js';
import type { FakeMessage } from '../../fakes/telegram-server.js';
import { openTestApp } from '../../helpers/store.js';
import { TelegramHarness } from '../telegram/harness.js';
import { adapterContract, type SeenMessage } from './adapter-contract.js';

adapterContract('telegram', async (commands) => {
  const app = await openTestApp({ demo: false, env: { PUBLIC_AGGREGATES: 'true' } });
  const h = await TelegramHarness.start({ app, commands });
  const chat = h.chat('private');
  const view = (m: FakeMessage): SeenMessage => ({
    id: String(m.message_id),
    text: m.text,
    buttons: (m.replyMarkup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text)),
  });
  const since = (lastId: number) => h.server.botMessages(chat.id).filter((m) => m.message_id > lastId).map(view);
  const lastId = () => Math.max(0, ...h.server.botMessages(chat.id).map((m) => m.message_id));
  const pressLabel = async (message: SeenMessage, pick: (label: string) => boolean) => {
    const m = h.server.botMessages(chat.id).find((x) => String(x.message_id) === message.id);
    const button = m?.replyMarkup?.inline_keyboard.flat().find((b) => pick(b.text));
    if (!m || !button?.callback_data) throw new Error('no such button');
    const before = lastId();
    const editsBefore = m.edits;
    await h.press(chat, m.message_id, button.callback_data);
    return { m, before, editsBefore };
  };
  return {
    capabilities: h.channel.platform.renderer.capabilities,
    async send(text) {
      const before = lastId();
      await h.say(chat, text);
      return since(before);
    },
    async choose(message, n) {
      const { before } = await pressLabel(message, (label) => label.startsWith(`${n}. `));
      return since(before);
    },
    async nextPage(message) {
      const { m, before, editsBefore } = await pressLabel(message, (label) => label === TEXT.pageNext);
      return [...(m.edits > editsBefore ? [view(m)] : []), ...since(before)];
    },
    conversation: async () => h.server.botMessages(chat.id).map(view),
    async close() {
      await h.close();
      await app.dispose();
    },
  };
});
