/**
 * `npm run ask -- "<message>"`: sends one message to the bot, prints the reply, exits 0
 * (also when the reply explains a user error). `--json` prints the reply model instead.
 */
import { createApp } from '../../app.js';
import { parseEnv, ConfigError } from '../../config/env.js';
import { fixedClock } from '../../core/clock.js';
import { silentLogger } from '../../log.js';
import { TEXT } from '../../text/messages.js';
import { parseConsoleArgs, UsageError, USAGE } from './args.js';
import { ConsoleChat } from './chat.js';
import { consoleIdentity } from './identity.js';

async function main(): Promise<number> {
  let args;
  try {
    args = parseConsoleArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (!args.message) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = parseEnv();
  const app = await createApp({ env, log: silentLogger, ...(args.now ? { clock: fixedClock(args.now) } : {}) });
  try {
    let identity;
    try {
      identity = await consoleIdentity(app.ctx, args);
    } catch (err) {
      if (err instanceof UsageError) {
        process.stderr.write(`${err.message}\n`);
        return 2;
      }
      throw err;
    }
    if (args.json) {
      const { chat, user, actAs } = identity;
      const reply = await app.router.handle({ text: args.message, chat, user, addressed: true, ...(actAs ? { actAs } : {}) });
      process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
      return 0;
    }
    const console = new ConsoleChat({ router: app.router, store: app.store, log: silentLogger }, identity);
    await console.start();
    const printed = await console.say(args.message);
    await console.stop();
    process.stdout.write(`${printed.length > 0 ? printed.map((m) => m.text).join('\n\n') : TEXT.consoleNoReply}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
