import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { openStore, parseDatabaseUrl, type Store } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';

/**
 * Opens a fresh, empty, migrated store for one test: a new SQLite file in a temporary
 * folder, or, when TEST_DATABASE_URL points at PostgreSQL, a new schema there (dropped on
 * close). Every test file gets its own, so files run in parallel safely.
 */
export async function openTestStore(): Promise<Store & { dispose(): Promise<void> }> {
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) {
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const url = new URL(pg);
    url.searchParams.set('schema', schema);
    const store = await openStore(parseDatabaseUrl(url.toString()));
    return Object.assign(store, {
      async dispose() {
        await store.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
        await store.close();
      },
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'haicap-test-'));
  const store = await openStore(parseDatabaseUrl(`file:${join(dir, 'test.db')}`));
  return Object.assign(store, {
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Which database the tests run on, for test names. */
export const TEST_DIALECT = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

/** The instant the demo-data tests describe: Sunday 22/11/2026, 10:00 in Hà Nội. */
export const DEMO_NOW = new Date('2026-11-22T03:00:00.000Z');

/**
 * An application over a fresh test store, with the demo dataset loaded as of `now` unless
 * `demo` is false, a fixed clock and no logging.
 */
export async function openTestApp(opts: { now?: Date; demo?: boolean; env?: Record<string, string> } = {}): Promise<App & { dispose(): Promise<void> }> {
  const store = await openTestStore();
  const env = parseEnv({ DEMO_DATA: opts.demo === false ? 'false' : 'true', ...(opts.env ?? {}) });
  const app = await createApp({ env, store, clock: fixedClock(opts.now ?? DEMO_NOW), log: silentLogger });
  return Object.assign(app, {
    async dispose() {
      await app.instance.stop();
      await store.dispose();
    },
  });
}
