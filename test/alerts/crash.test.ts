import { describe, expect, it } from 'vitest';
import { runDigestCrash } from './crash-run.js';

const CHATS = 500;

/**
 * A crash midway through the 07:30 digests of 500 groups: the bot process is killed with
 * SIGKILL after some have gone, and started again. Every group gets its digest, at most
 * one twice (the message in flight at the crash).
 */
describe('digests across a crash', () => {
  it('delivers all 500 after a kill -9 and a restart, at most one twice', async () => {
    const run = await runDigestCrash(CHATS, 120);
    expect(run.atCrash).toBeLessThan(CHATS);
    expect(run.reached).toBe(CHATS);
    expect(run.messages).toBeLessThanOrEqual(CHATS + 1);
    process.stdout.write(`crash test: ${run.atCrash} digests before the kill, ${run.messages} messages in all for ${CHATS} chats\n`);
  }, 400_000);
});
