import { createInterface } from 'node:readline';
import type { App } from '../../app.js';
import { ConsoleChat } from './chat.js';
import type { ConsoleIdentity } from './platform.js';

/**
 * The console chat: reads lines from the terminal or a pipe and answers each through the
 * one chat channel, until end of input or "/thoat". Replies print as Zalo shows them
 * (plain text, numbered choices), so anyone can try the bot without a chat account;
 * messages nobody asked for (notices, alerts) print as they come, headed with their chat.
 */
export async function runConsoleChat(app: App, identity: ConsoleIdentity, input = process.stdin, output = process.stdout): Promise<void> {
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  const write = (s: string) => output.write(`${s}\n`);
  const chat = new ConsoleChat({ router: app.router, store: app.store, log: app.log, notices: app.ctx.notices }, identity, (m) => write(`${m.text}\n`));
  write('haicap-bot: trò chuyện trên bảng điều khiển. Gõ /giup để xem các lệnh, /thoat để thoát.');
  await chat.start();
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/thoat' || text === '/exit' || text === '/quit') break;
    if (text !== '') await chat.say(text);
    rl.prompt();
  }
  rl.close();
  await chat.stop();
}
