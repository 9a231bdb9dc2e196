import { Instance } from './cluster/instance.js';
import type { Env } from './config/env.js';
import { fixedClock, systemClock, type Clock } from './core/clock.js';
import type { AppContext } from './core/context.js';
import type { OfferMemory } from './core/memory.js';
import { StoreOffers } from './data/offers.js';
import { Router } from './core/router.js';
import { CALENDAR_VERSION_KEY, loadCalendar } from './data/calendar.js';
import { Directory, UNITS_VERSION_KEY } from './data/directory.js';
import { markInterruptedImports } from './data/imports.js';
import { openStore, parseDatabaseUrl, type Store } from './data/store.js';
import { VersionedCache } from './data/versioned-cache.js';
import { ensureDemoData } from './demo/load.js';
import { COMMANDS } from './handlers/index.js';
import { createLogger, type Logger } from './log.js';
import { NoticeHub } from './notify/notices.js';

/** The assembled application: store, context and router, shared by every adapter. */
export interface App {
  store: Store;
  ctx: AppContext;
  router: Router;
  log: Logger;
  /** This process as one instance on the store (its heartbeat; what it holds is freed when it stops). */
  instance: Instance;
  close(): Promise<void>;
}

export interface AppOptions {
  env: Env;
  clock?: Clock;
  log?: Logger;
  /** An already open store (tests); otherwise DATABASE_URL is opened. */
  store?: Store;
  offers?: OfferMemory;
}

/**
 * Opens the store (creating and migrating it), loads the demo dataset into an empty store
 * when DEMO_DATA allows, and builds the router over the command handlers.
 */
export async function createApp(opts: AppOptions): Promise<App> {
  const log = opts.log ?? createLogger(opts.env.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const store = opts.store ?? (await openStore(parseDatabaseUrl(opts.env.DATABASE_URL)));
  if (opts.env.DEMO_DATA) {
    const started = performance.now();
    const what = await ensureDemoData(store, clock.now());
    if (what !== 'kept') log.info('demo data', { action: what, ms: Math.round(performance.now() - started) });
  }
  const interrupted = await markInterruptedImports(store, clock.now());
  if (interrupted > 0) log.warn('imports interrupted', { runs: interrupted });
  const offers = opts.offers ?? new StoreOffers(store);
  const ctx: AppContext = {
    store,
    clock,
    settings: {
      defaultProvince: opts.env.DEFAULT_PROVINCE,
      staleAfterHours: opts.env.STALE_AFTER_HOURS,
      admins: opts.env.ADMIN_IDS,
      publicAggregates: opts.env.PUBLIC_AGGREGATES,
      ...(opts.env.ZALO_BOT_TOKEN ? { zaloMonthlyQuota: opts.env.ZALO_MONTHLY_QUOTA } : {}),
    },
    directory: new VersionedCache(store, UNITS_VERSION_KEY, Directory.load),
    calendar: new VersionedCache(store, CALENDAR_VERSION_KEY, loadCalendar),
    notices: new NoticeHub(store, log, () => clock.now(), offers),
  };
  const router = new Router(COMMANDS, ctx, offers, log);
  const instance = new Instance(store, log);
  await instance.start();
  return {
    store,
    ctx,
    router,
    log,
    instance,
    async close() {
      await instance.stop();
      await store.close();
    },
  };
}

export { fixedClock };
