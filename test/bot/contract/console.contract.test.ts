import { ConsoleChat } from '../../../src/bot/console/chat.js';
import { DEFAULT_CONSOLE_IDENTITY } from '../../../src/bot/console/platform.js';
import { InMemoryOffers } from '../../../src/core/memory.js';
import { Router } from '../../../src/core/router.js';
import { silentLogger } from '../../../src/log.js';
import { openTestApp } from '../../helpers/store.js';
import { adapterContract, type SeenMessage } from './adapter-contract.js';

adapterContract('console', async (commands) => {
  const app = await openTestApp({ demo: false, env: { PUBLIC_AGGREGATES: 'true' } });
  const chat = new ConsoleChat({ router: new Router(commands, app.ctx, new InMemoryOffers(), silentLogger), store: app.store, log: silentLogger }, DEFAULT_CONSOLE_IDENTITY);
  await chat.start();
  const seen: SeenMessage[] = [];
  const send = async (text: string) => {
    const out = (await chat.say(text)).map((m) => ({ id: String(seen.length + 1), text: m.text, buttons: [] }));
    seen.push(...out);
    return out;
  };
  return {
    capabilities: chat.channel.platform.renderer.capabilities,
    send,
    // No buttons: the user answers with the option's number.
    choose: (_message, n) => send(String(n)),
    // The page line says which page this is; the user answers with the next number.
    nextPage: (message) => {
      const m = /Trang (\d+)\/\d+/.exec(message.text);
      if (!m) throw new Error('no page line');
      return send(String(Number(m[1]) + 1));
    },
    conversation: async () => [...seen],
    async close() {
      await chat.stop();
      await app.dispose();
    },
  };
});
