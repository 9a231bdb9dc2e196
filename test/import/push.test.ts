/**
 * POST /api/v1/dossiers through the real HTTP server over loopback: tokens, malformed and
 * oversized bodies, the same validation and upsert as file imports, exact counters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { HttpServer } from '../../src/server/http-server.js';
import { ROUTE_PROVIDERS } from '../../src/server/routes.js';
import { PUSH_MAX_BYTES, PUSH_PATH, tokenNumber } from '../../src/import/http/push-route.js';
import { silentLogger } from '../../src/log.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';
import { countersAndRebuild, PERSONAL } from './fixtures.js';

const TOKENS = ['sys-one-0123456789abcdef', 'sys-two-fedcba9876543210'];

let app: App & { dispose(): Promise<void> };
let http: HttpServer;
let base: string;

beforeAll(async () => {
  const env = { INGEST_TOKENS: TOKENS.join(',') };
  app = await openTestApp({ env });
  http = new HttpServer(silentLogger);
  for (const provide of ROUTE_PROVIDERS) await provide({ app, env: parseEnv({ DEMO_DATA: 'true', ...env }), http });
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await http?.close();
  await app?.dispose();
});

async function post(body: string | Buffer, token: string | null = TOKENS[0]!, type = 'application/json') {
  const res = await fetch(`${base}${PUSH_PATH}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

const dossier = (code: string, extra: Record<string, unknown> = {}) => ({
  MaHoSo: code,
  MaDonVi: '05293',
  MaLinhVuc: 'HT',
  TenLinhVuc: 'Hộ tịch',
  KenhThucHien: 2,
  NgayTiepNhan: '2026-11-02T08:30:00+07:00',
  NgayHenTra: '07/11/2026 17:00',
  NgayKetThucXuLy: '',
  NgayTra: null,
  TrangThaiHoSo: 4,
  ChuHoSo: PERSONAL.name,
  SoDienThoai: PERSONAL.phone,
  DiaChi: PERSONAL.address,
  ...extra,
});

describe(`POST ${PUSH_PATH} (${TEST_DIALECT})`, () => {
  it('401 without a valid bearer token, saying so in Vietnamese', async () => {
    for (const token of [null, 'not-a-configured-token-at-all', '']) {
      const r = await post(JSON.stringify([dossier('P-401')]), token);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.json).toMatchObject({ ok: false, error: 'unauthorized', message: 'Thiếu hoặc sai mã truy cập (Authorization: Bearer <mã>).' });
    }
    expect(tokenNumber(`Bearer ${TOKENS[1]}`, TOKENS)).toBe(2);
    expect(tokenNumber(`Basic ${TOKENS[0]}`, TOKENS)).toBe(0);
  });

  it('400 for a malformed body; nothing is written', async () => {
    const cases: [string, RegExp][] = [
      ['[{"MaHoSo": "P-1",', /không phải JSON hợp lệ/],
      ['[1, 2]', /Phần tử thứ 1 không phải một đối tượng JSON/],
      ['', /Không có hồ sơ nào/],
      ['[]', /Không có hồ sơ nào/],
      [`${JSON.stringify(dossier('P-2'))}\n{oops}\n`, /không phải JSON hợp lệ \(dòng 2\)/],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(String(r.json.message), body).toMatch(message);
    }
    expect(await app.store.sql.get("SELECT code FROM dossier WHERE code IN ('P-1', 'P-2')")).toBeUndefined();
  });

  it('413 for a body over the limit', async () => {
    const big = JSON.stringify(Array.from({ length: Math.ceil(PUSH_MAX_BYTES / 300) + 100 }, (_, i) => dossier(`P-BIG-${i}`)));
    expect(Buffer.byteLength(big)).toBeGreaterThan(PUSH_MAX_BYTES);
    const res = await fetch(`${base}${PUSH_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS[0]}` }, body: big });
    expect(res.status).toBe(413);
  });

  it('stores a JSON array, answers counts and the rejected rows without personal data', async () => {
    const r = await post(
      JSON.stringify([
        dossier('P-A'),
        dossier('P-B', { KenhThucHien: '1', TrangThaiHoSo: '10', NgayKetThucXuLy: '03/11/2026 10:00', NgayTra: '03/11/2026 15:00' }),
        dossier('P-C', { NgayHenTra: '01/11/2026' }),
        dossier('P-D', { MaDonVi: '99999' }),
        dossier('P-A', { TrangThaiHoSo: 5 }),
      ]),
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, rows: 5, inserted: 2, updated: 0, unchanged: 0, rejected: 2, duplicates: 1 });
    expect(r.json.ignoredPersonalFields).toEqual(['ChuHoSo', 'SoDienThoai', 'DiaChi']);
    const rejections = r.json.rejections as { row: number; field: string; reason: string; values: Record<string, string> }[];
    expect(rejections.map((x) => [x.row, x.field])).toEqual([
      [1, 'MaHoSo'],
      [3, 'NgayHenTra'],
      [4, 'MaDonVi'],
    ]);
    expect(rejections[1]!.reason).toBe('Ngày hẹn trả trước ngày tiếp nhận.');
    expect(rejections[1]!.values).toMatchObject({ MaHoSo: 'P-C', NgayHenTra: '01/11/2026' });
    const text = JSON.stringify(r.json);
    for (const v of Object.values(PERSONAL)) expect(text).not.toContain(v);
    const a = await app.store.sql.get<{ status: unknown }>('SELECT status FROM dossier WHERE code = ?', ['P-A']);
    expect(Number(a!.status)).toBe(5);
  });

  it('stores NDJSON the same way; pushing the same records again changes nothing', async () => {
    const lines = [dossier('P-N1'), dossier('P-N2', { TrangThaiHoSo: 9, NgayKetThucXuLy: '04/11/2026 09:00' })].map((d) => JSON.stringify(d));
    const body = `${lines[0]}\n\n${lines[1]}\n`;
    const first = await post(body, TOKENS[1]!, 'application/x-ndjson');
    expect(first.json).toMatchObject({ ok: true, rows: 2, inserted: 2, rejected: 0 });
    const again = await post(body, TOKENS[1]!, 'application/x-ndjson');
    expect(again.json).toMatchObject({ ok: true, rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    const run = await app.store.sql.get<{ source: string; kind: string }>("SELECT source, kind FROM import_run WHERE kind = 'push' ORDER BY id DESC LIMIT 1");
    expect(run).toEqual({ kind: 'push', source: 'HTTP POST /api/v1/dossiers (mã truy cập số 2)' });
  });

  it('keeps the figure counters exact after pushes', async () => {
    const { kept, rebuilt } = await countersAndRebuild(app.store);
    expect(kept).toEqual(rebuilt);
  });

  it('/capnhat lists the pushes, ending with the freshness line', async () => {
    const r = plain(await ask(app, '/capnhat'));
    expect(r).toContain('Các lần cập nhật số liệu gần nhất');
    expect(r).toMatch(/hồ sơ gửi qua API · HTTP POST \/api\/v1\/dossiers \(mã truy cập số 2\): thêm 0, cập nhật 0, không đổi 2, từ chối 0/);
    expect(r).toContain('dữ liệu mẫu · Dữ liệu mẫu (demo)');
    expect(r.trim().split('\n').at(-1)).toMatch(/^Số liệu cập nhật: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });
});

describe('without INGEST_TOKENS', () => {
  it('the endpoint is not served', async () => {
    const server = new HttpServer(silentLogger);
    for (const provide of ROUTE_PROVIDERS) await provide({ app, env: parseEnv({}), http: server });
    const port = await server.listen(0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}${PUSH_PATH}`, { method: 'POST', body: '[]' });
    expect(res.status).toBe(404);
    await server.close();
  });
});
