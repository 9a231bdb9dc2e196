import type { ZaloSentRecord } from '../../fakes/zalo-server.js';
import { openTestApp } from '../../helpers/store.js';
import { ZaloHarness } from '../zalo/harness.js';
import { adapterContract, type SeenMessage } from './adapter-contract.js';

for (const markdown of [false, true]) {
  adapterContract(markdown ? 'zalo (markdown)' : 'zalo', async (commands) => {
    const app = await openTestApp({ demo: false, env: { PUBLIC_AGGREGATES: 'true' } });
    const h = await ZaloHarness.start({ app, commands, markdown });
    const chat = h.chat('private');
    const view = (m: ZaloSentRecord): SeenMessage => ({ id: m.message_id, text: m.text, buttons: [] });
    const send = async (text: string) => {
      const before = h.server.botMessages(chat.id).length;
      await h.say(chat, text);
      return h.server.botMessages(chat.id).slice(before).map(view);
    };
    return {
      capabilities: h.channel.platform.renderer.capabilities,
      send,
      // No buttons: the user answers with the option's number.
      choose: (_message, n) => send(String(n)),
      // The page line says what to send ("gửi /trang 2 để xem trang 2"); the user sends it.
      nextPage: (message) => {
        const m = /gửi (\/\S+ \d+) để xem trang/.exec(message.text);
        if (!m) throw new Error('no page line');
        return send(m[1]!);
      },
      conversation: async () => h.server.botMessages(chat.id).map(view),
      async close() {
        await h.close();
        await app.dispose();
      },
    };
  });
}
