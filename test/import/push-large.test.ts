/**
 * Large pushes to POST /api/v1/dossiers through the real HTTP server over loopback: more
 * rows than PUSH_MAX_ROWS are refused whole with 413, and a large valid push is parsed and
 * written in slices that give the event loop turns, so /healthz keeps answering meanwhile.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { PUSH_PATH } from '../../src/import/http/push-route.js';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';
import { ROUTE_PROVIDERS } from '../../src/server/routes.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

const TOKEN = 'sys-one-0123456789abcdef';
const MAX_ROWS = 50_000;

let app: App & { dispose(): Promise<void> };
let http: HttpServer;
let port: number;

beforeAll(async () => {
  const env = { INGEST_TOKENS: TOKEN, PUSH_MAX_ROWS: String(MAX_ROWS) };
  app = await openTestApp({ env });
  http = new HttpServer(silentLogger);
  for (const provide of ROUTE_PROVIDERS) await provide({ app, env: parseEnv({ DEMO_DATA: 'true', ...env }), http });
  port = await http.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await http?.close();
  await app?.dispose();
});

const valid = (code: string) =>
  JSON.stringify({ MaHoSo: code, MaDonVi: '05293', MaLinhVuc: 'HT', TenLinhVuc: 'Hộ tịch', KenhThucHien: 2, NgayTiepNhan: '02/11/2026', NgayHenTra: '07/11/2026', TrangThaiHoSo: 4 });

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/**
 * Pushes `body`: all but its last byte first, then, once the server has had time to read
 * them, the last byte, so the server starts processing right when `onLastByte` is called.
 */
function push(body: Buffer, onLastByte: () => void = () => undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: PUSH_PATH, method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson', 'content-length': body.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.write(body.subarray(0, body.length - 1), () => {
      setTimeout(() => {
        req.end(body.subarray(body.length - 1));
        onLastByte();
      }, 500);
    });
  });
}

describe(`large pushes (${TEST_DIALECT})`, () => {
  it('when a 100,000-line NDJSON push has more rows than PUSH_MAX_ROWS, answers 413 with the limit and writes nothing', async () => {
    const body = Buffer.from(Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ MaHoSo: `N${i}`, MaDonVi: '05293', NgayTiepNhan: '02/11/2026' })).join('\n'));
    const r = await push(body);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: 'too_many_rows' });
    expect(String(r.json.message)).toContain('tối đa 50.000 hồ sơ');
    expect(await app.store.sql.get("SELECT code FROM dossier WHERE code = 'N1'")).toBeUndefined();
  });

  it('when a JSON array has more rows than PUSH_MAX_ROWS, answers 413 too', async () => {
    const r = await push(Buffer.from(JSON.stringify(Array.from({ length: MAX_ROWS + 1 }, () => ({})))));
    expect(r.status).toBe(413);
    expect(String(r.json.message)).toContain('tối đa 50.000 hồ sơ');
  });

  it('while 40,000 valid dossiers are parsed and written, /healthz is answered before the push is', async () => {
    const body = Buffer.from(Array.from({ length: 40_000 }, (_, i) => valid(`L-${i}`)).join('\n'));
    let pushAnswered = false;
    let healthBeforePush = 0;
    const probes: Promise<void>[] = [];
    let timer: NodeJS.Timeout | undefined;
    const r = await push(body, () => {
      timer = setInterval(() => {
        probes.push(
          fetch(`http://127.0.0.1:${port}/healthz`).then(async (res) => {
            await res.arrayBuffer();
            if (res.status === 200 && !pushAnswered) healthBeforePush++;
          }),
        );
      }, 10);
    });
    pushAnswered = true;
    clearInterval(timer);
    await Promise.all(probes);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, rows: 40_000, inserted: 40_000, rejected: 0 });
    expect(healthBeforePush).toBeGreaterThanOrEqual(3);
    const n = await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM dossier WHERE code LIKE 'L-%'");
    expect(Number(n!.n)).toBe(40_000);
  }, 60_000);
});
