import type { Channel } from '../channel/chat-channel.js';
import { dataUpdatedAt } from '../data/imports.js';
import { listMigrations } from '../data/migrate.js';
import { toDate, toNumber } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';
import { importAge, outboxDepth, outboxOldestAge, registry } from '../metrics.js';
import type { HttpServer } from './http-server.js';

/** Whether the process is draining (stopping): set by `npm start` on SIGTERM. */
export interface Draining {
  readonly draining: boolean;
}

/** Longest a readiness check waits for the store. */
const STORE_CHECK_MS = 2_000;

/** Whether the store answers and every migration of this version is applied; the problem in a few words otherwise. */
async function storeProblem(store: Store): Promise<string | null> {
  try {
    const check = (async () => {
      const row = await store.sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM schema_migration');
      const expected = listMigrations(store.dialect).length;
      return toNumber(row?.n) >= expected ? null : 'migrations_pending';
    })();
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('store_slow'), STORE_CHECK_MS).unref());
    return await Promise.race([check, timeout]);
  } catch {
    return 'store_unreachable';
  }
}

/** Sets the gauges read from the store when /metrics is scraped (outbox depth and oldest age, import age). */
async function collectStoreGauges(store: Store): Promise<void> {
  const rows = await store.sql.all<{ platform: string; n: unknown; oldest: unknown }>(
    `SELECT platform, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox_message WHERE status = 'pending' GROUP BY platform`,
  );
  outboxDepth.reset();
  outboxOldestAge.reset();
  const now = Date.now();
  for (const r of rows) {
    outboxDepth.set({ platform: r.platform }, toNumber(r.n));
    outboxOldestAge.set({ platform: r.platform }, r.oldest === null ? 0 : Math.max(0, (now - toDate(r.oldest).getTime()) / 1000));
  }
  const updated = await dataUpdatedAt(store);
  if (updated) importAge.set((now - updated.getTime()) / 1000);
}

/**
 * Health of the process for a load balancer or a supervisor: /healthz answers 200 while
 * the process lives, with each chat channel's state; /readyz answers 200 only when the
 * store answers with every migration applied, every configured channel answers, and the
 * process is not draining (503 otherwise, with the reasons); /metrics is the Prometheus
 * text of src/metrics.ts.
 */
export function healthRoutes(http: HttpServer, channels: readonly Channel[], store?: Store, process: Draining = { draining: false }): void {
  const states = () => Object.fromEntries(channels.map((c) => [c.name, c.state]));
  http.reportHealth(() => ({ channels: states() }));
  http.route('GET', '/readyz', async () => {
    const problems: string[] = [];
    if (process.draining) problems.push('draining');
    const storeIssue = store ? await storeProblem(store) : null;
    if (storeIssue) problems.push(storeIssue);
    for (const c of channels) if (c.state !== 'ready') problems.push(`${c.name}_${c.state}`);
    const ready = problems.length === 0;
    return { status: ready ? 200 : 503, body: { ok: ready, channels: states(), ...(ready ? {} : { problems }) } };
  });
  http.route('GET', '/metrics', async () => {
    if (store) await collectStoreGauges(store).catch(() => undefined);
    return { status: 200, headers: { 'content-type': registry.contentType }, body: await registry.metrics() };
  });
}
