import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChatWithin } from '../../src/access/bindings.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { openStore, parseDatabaseUrl } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { BotProcess } from '../cluster/bot-process.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';

const CHATS = 500;

/**
 * A crash midway through the 07:30 digests of 500 groups: the bot process is killed with
 * SIGKILL after some have gone, and started again. Every group gets its digest, at most
 * one twice (the message in flight at the crash).
 */
describe('digests across a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-alerts-crash-'));
  const url = `file:${join(dir, 'crash.db')}`;
  let server: FakeTelegramServer;
  let bot: BotProcess | null = null;

  beforeAll(async () => {
    const store = await openStore(parseDatabaseUrl(url));
    const app = await createApp({ env: parseEnv({ DEMO_DATA: 'true' }), store, clock: fixedClock(new Date('2026-12-02T07:00:00+07:00')), log: silentLogger });
    const d = await app.ctx.directory.get();
    const communes = [...d.communes.values()].filter((c) => c.provinceName === 'Phú Thọ');
    await store.sql.transaction(async (tx) => {
      for (let i = 0; i < CHATS; i++) await bindChatWithin(tx, { platform: 'telegram', chatId: String(-1_007_000 - i), chatTitle: null, isGroup: true }, 'commune', communes[i % communes.length]!.id, 'test', new Date());
    });
    await app.instance.stop();
    await store.close();
    server = await FakeTelegramServer.start();
  }, 180_000);
  afterAll(async () => {
    await bot?.kill().catch(() => undefined);
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers all 500 after a kill -9 and a restart, at most one twice', async () => {
    const digests = () => server.calls.filter((c) => c.method === 'sendMessage' && c.ok && String(c.payload.text).includes('Bản tin hồ sơ quá hạn'));
    const env = { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, TELEGRAM_MODE: 'polling', DEMO_DATA: 'true' };
    bot = await BotProcess.start('first', { ...env, CLOCK_START: '2026-12-02T07:29:57+07:00' }, 120_000);
    await server.waitFor(() => digests().length >= 120, 120_000, '120 digests');
    await bot.kill();
    const atCrash = digests().length;
    expect(atCrash).toBeLessThan(CHATS);
    bot = await BotProcess.start('second', { ...env, CLOCK_START: '2026-12-02T07:31:00+07:00' }, 120_000);
    const chats = () => new Set(digests().map((c) => String(c.payload.chat_id)));
    await server.waitFor(() => chats().size >= CHATS, 150_000, 'every chat’s digest');
    await new Promise((r) => setTimeout(r, 1_500)); // nothing more arrives
    expect(chats().size).toBe(CHATS);
    expect(digests().length).toBeLessThanOrEqual(CHATS + 1);
    process.stdout.write(`crash test: ${atCrash} digests before the kill, ${digests().length} messages in all for ${CHATS} chats\n`);
  }, 400_000);
});
