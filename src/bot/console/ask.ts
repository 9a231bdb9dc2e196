/**
 * `npm run ask -- "<message>"`: sends one message to the bot, prints the reply, exits 0
 * (also when the reply explains a user error). `--json` prints the reply model instead.
 */
import { createApp } from '../../app.js';
import { parseEnv, ConfigError } from '../../config/env.js';
import { fixedClock } from '../../core/clock.js';
import { silentLogger } from '../../log.js';
import { ConsoleRenderer, consoleText } from './adapter.js';
import { parseConsoleArgs, UsageError, USAGE } from './args.js';
import { askConsole } from './session.js';
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
    const reply = await askConsole(app.router, identity, args.message);
    if (args.json) process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    else process.stdout.write(`${reply ? consoleText(new ConsoleRenderer().render(reply)) : '(bot không trả lời tin nhắn này)'}\n`);
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
