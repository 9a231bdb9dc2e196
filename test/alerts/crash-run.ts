/**
 * A crash midway through the 07:30 digests of many commune groups, on a real bot process
 * (`npm start`'s main) with an embedded store file and the fake Bot API: the process is
 * killed with SIGKILL once `killAfter` digests have gone, then started again. Used by the
 * crash test (which asserts) and the alerts benchmark (which measures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindChatWithin } from '../../src/access/bindings.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { openStore, parseDatabaseUrl } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { BotProcess } from '../cluster/bot-process.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';

/** What a crash run saw. */
export interface CrashRun {
  chats: number;
  /** Digests the fake Bot API had accepted when the process was killed. */
  atCrash: number;
  /** Digest messages accepted in all (more than `chats` only by duplicates). */
  messages: number;
  /** Chats that got their digest. */
  reached: number;
  /** From the kill to the last chat's digest, including the restart. */
  killToAllMs: number;
}

/** Runs the crash; `chats` groups, killed after `killAfter` digests. */
export async function runDigestCrash(chats: number, killAfter: number): Promise<CrashRun> {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-alerts-crash-'));
  const url = `file:${join(dir, 'crash.db')}`;
  const server = await FakeTelegramServer.start();
  let bot: BotProcess | null = null;
  try {
    const store = await openStore(parseDatabaseUrl(url));
    const app = await createApp({ env: parseEnv({ DEMO_DATA: 'true' }), store, clock: fixedClock(new Date('2026-12-02T07:00:00+07:00')), log: silentLogger });
    const d = await app.ctx.directory.get();
    const communes = [...d.communes.values()].filter((c) => c.provinceName === 'Phú Thọ');
    await store.sql.transaction(async (tx) => {
      for (let i = 0; i < chats; i++) await bindChatWithin(tx, { platform: 'telegram', chatId: String(-1_007_000 - i), chatTitle: null, isGroup: true }, 'commune', communes[i % communes.length]!.id, 'test', new Date());
    });
    await app.instance.stop();
    await store.close();

    const digests = () => server.calls.filter((c) => c.method === 'sendMessage' && c.ok && String(c.payload.text).includes('Bản tin hồ sơ quá hạn'));
    const reached = () => new Set(digests().map((c) => String(c.payload.chat_id))).size;
    const env = { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, TELEGRAM_MODE: 'polling', DEMO_DATA: 'true' };
    bot = await BotProcess.start('first', { ...env, CLOCK_START: '2026-12-02T07:29:57+07:00' }, 120_000);
    await server.waitFor(() => digests().length >= killAfter, 120_000, `${killAfter} digests`);
    await bot.kill();
    const killedAt = performance.now();
    const atCrash = digests().length;
    bot = await BotProcess.start('second', { ...env, CLOCK_START: '2026-12-02T07:31:00+07:00' }, 120_000);
    await server.waitFor(() => reached() >= chats, 150_000, 'every chat’s digest');
    const killToAllMs = performance.now() - killedAt;
    await new Promise((r) => setTimeout(r, 1_500)); // nothing more arrives
    return { chats, atCrash, messages: digests().length, reached: reached(), killToAllMs: Math.round(killToAllMs) };
  } finally {
    await bot?.kill().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
