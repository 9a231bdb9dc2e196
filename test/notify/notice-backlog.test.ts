/**
 * A channel that starts on a backlog of notices (a morning's digests stored while the bot
 * was down or before it connected) answers people at once: the backlog is handed to the
 * outbox in the background, and the outbox starts sending while it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../src/core/reply.js';
import { FakeTelegramServer } from '../fakes/telegram-server.js';
import { openTelegramTestApp, TelegramHarness } from '../bot/telegram/harness.js';
import { TEST_DIALECT } from '../helpers/store.js';

/** Enough that handing it over takes well over a second (PostgreSQL takes each notice slower). */
const BACKLOG = TEST_DIALECT === 'postgres' ? 600 : 3_000;

describe('a channel starting on a backlog of notices', () => {
  let app: Awaited<ReturnType<typeof openTelegramTestApp>>;
  let server: FakeTelegramServer;
  let h: TelegramHarness | undefined;

  beforeAll(async () => {
    app = await openTelegramTestApp();
    server = await FakeTelegramServer.start();
    await app.store.sql.transaction(async (tx) => {
      for (let i = 0; i < BACKLOG; i++) {
        await app.ctx.notices.record(tx, { platform: 'telegram', chatId: String(-2_000_000 - i), isGroup: true, key: `backlog-${i}`, reply: reply([{ kind: 'text', text: `Bản tin thử ${i}` }]) });
      }
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await server?.close();
    await app?.dispose();
  });

  it('answers a question while the backlog is still being handed over, and hands over all of it', async () => {
    h = await TelegramHarness.start({ app, server });
    const person = h.chat();
    await h.say(person, '/xa Thượng Cốc');
    expect(h.texts(person)[0]).toMatch(/Thượng Cốc/);
    // Answered before the backlog was through: the channel did not wait for it.
    expect(await app.ctx.notices.waiting('telegram')).toBeGreaterThan(0);
    // The outbox sends while the rest is handed over.
    await server.waitFor(() => server.calls.some((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('Bản tin thử')), 10_000, 'a first notice');
    for (let i = 0; i < 600 && (await app.ctx.notices.waiting('telegram')) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await app.ctx.notices.waiting('telegram')).toBe(0);
    const queued = Number((await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM outbox_message WHERE dedupe_key LIKE '%:notice:backlog-%'"))!.n);
    expect(queued).toBe(BACKLOG);
  }, 120_000);
});
