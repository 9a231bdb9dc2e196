import { createInterface } from 'node:readline';
import type { App } from '../../app.js';
import { ConsoleAdapter, consoleText } from './adapter.js';
import type { ConsoleIdentity } from './session.js';

/**
 * The console chat: reads lines from the terminal, answers each through the router, until
 * end of input or "/thoat". Replies print as the Zalo adapter would show them (plain text,
 * numbered choices), so anyone can try the bot without a chat account.
 */
export async function runConsoleChat(app: App, identity: ConsoleIdentity, input = process.stdin, output = process.stdout): Promise<void> {
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  const write = (s: string) => output.write(`${s}\n`);
  const adapter = new ConsoleAdapter(app.router);
  write('haicap-bot: trò chuyện trên bảng điều khiển. Gõ /giup để xem các lệnh, /thoat để thoát.');
  // Notices addressed to console chats (e.g. after /gan console:…) are printed here.
  await app.ctx.notices.register('console', async (n) => {
    write(`\n[Thông báo tới console:${n.chatId}]\n${consoleText(adapter.renderer.render(n.reply))}\n`);
  });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/thoat' || text === '/exit' || text === '/quit') break;
    if (text !== '') {
      const messages = await adapter.handle(identity, text);
      if (messages.length > 0) write(`${consoleText(messages)}\n`);
    }
    rl.prompt();
  }
  rl.close();
}
