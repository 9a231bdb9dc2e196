/**
 * The server the http benchmark attacks, in a process of its own so its memory is its own:
 * the real app (demo data, for valid pushes) and the shared HTTP server with the push
 * route. Started with fork(); tells its port, and on 'peak' its peak RSS and longest
 * event-loop delay since last asked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';
import { ROUTE_PROVIDERS } from '../../src/server/routes.js';

const dir = mkdtempSync(join(tmpdir(), 'haicap-bench-http-'));
const vars = { DATABASE_URL: `file:${join(dir, 'bench.db')}`, DEMO_DATA: 'true', LOG_LEVEL: 'silent', INGEST_TOKENS: process.env.BENCH_TOKEN ?? '' };
const env = parseEnv(vars);
const app = await createApp({ env, log: silentLogger });
const http = new HttpServer(silentLogger, {
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
  bodyTimeoutMs: env.HTTP_BODY_TIMEOUT_SECONDS * 1000,
  maxConnections: env.HTTP_MAX_CONNECTIONS,
});
for (const provide of ROUTE_PROVIDERS) await provide({ app, env, http });
const port = await http.listen(0, '127.0.0.1');

let peak = process.memoryUsage().rss;
// The server's own responsiveness: the longest its event loop was held, whatever the clients measure.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
process.on('message', (m) => {
  if (m === 'peak') {
    const now = process.memoryUsage().rss;
    process.send?.({ peakMb: Math.round(Math.max(peak, now) / 1048576), nowMb: Math.round(now / 1048576), loopMaxMs: Math.round(loop.max / 1e6) });
    peak = now;
    loop.reset();
  }
  if (m === 'stop') {
    void http.close().then(async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send?.({ port });
