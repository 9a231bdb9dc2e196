/**
 * POST /api/v1/dossiers over loopback, as a careless system would push: personal data in a
 * sector or unit name is refused and masked in the answer; a unit code sent as a number is
 * read with its leading zero back, and the answer says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { PUSH_PATH } from '../../src/import/http/push-route.js';
import { HttpServer } from '../../src/server/http-server.js';
import { ROUTE_PROVIDERS } from '../../src/server/routes.js';
import { silentLogger } from '../../src/log.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

const TOKEN = 'push-safety-7f3a9c2e1b5d8046';

let app: App & { dispose(): Promise<void> };
let http: HttpServer;
let base: string;

beforeAll(async () => {
  const env = { INGEST_TOKENS: TOKEN };
  app = await openTestApp({ env });
  http = new HttpServer(silentLogger);
  for (const provide of ROUTE_PROVIDERS) await provide({ app, env: parseEnv({ DEMO_DATA: 'true', ...env }), http });
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await http?.close();
  await app?.dispose();
});

async function push(records: unknown[]) {
  const res = await fetch(`${base}${PUSH_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(records),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const dossier = (code: string, extra: Record<string, unknown> = {}) => ({
  MaHoSo: code,
  MaDonVi: '05293',
  MaLinhVuc: 'HT',
  TenLinhVuc: 'Hộ tịch',
  KenhThucHien: 2,
  NgayTiepNhan: '2026-11-02T08:30:00+07:00',
  TrangThaiHoSo: 4,
  ...extra,
});

describe(`pushes and personal data (${TEST_DIALECT})`, () => {
  it('when a pushed sector or unit name carries a name or phone, then the record is refused, the field named and the value masked in the answer', async () => {
    const r = await push([
      dossier('PS-1', { TenLinhVuc: 'Cấp phép - bà Quách Thị Xuyến 0912345671', MaLinhVuc: 'CP-NEW' }),
      dossier('PS-2', { MaDonVi: undefined, TenDonVi: 'Thượng Cốc ông Lê Văn Tám 0912.345.678' }),
      dossier('0912.345.678'),
    ]);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, rows: 3, inserted: 0, rejected: 3 });
    const rejections = r.json.rejections as { row: number; field: string; reason: string }[];
    expect(rejections.map((x) => [x.row, x.field])).toEqual([
      [1, 'TenLinhVuc'],
      [2, 'TenDonVi'],
      [3, 'MaHoSo'],
    ]);
    for (const x of rejections) expect(x.reason).toMatch(/dữ liệu cá nhân/);
    const text = JSON.stringify(r.json);
    for (const s of ['Quách', 'Xuyến', '0912345671', 'Tám', '345.678']) expect(text).not.toContain(s);
    expect(await app.store.sql.get("SELECT id FROM sector WHERE code = 'CP-NEW'")).toBeUndefined();
  });

  it('when MaDonVi is pushed as the number 5293, then it is read as 05293 and the answer warns', async () => {
    const r = await push([dossier('PS-NUM', { MaDonVi: 5293 })]);
    expect(r.json).toMatchObject({ ok: true, rows: 1, inserted: 1, rejected: 0 });
    expect(r.json.warnings).toEqual([
      {
        row: 1,
        field: 'MaDonVi',
        message: 'Mã đơn vị 5293 được gửi dưới dạng số nên mất chữ số 0 ở đầu; đã đọc là 05293. Hãy gửi mã đơn vị dưới dạng chuỗi ("05293").',
      },
    ]);
    const row = await app.store.sql.get<{ code: string }>(
      'SELECT c.code FROM dossier d JOIN commune c ON c.id = d.commune_id WHERE d.code = ?',
      ['PS-NUM'],
    );
    expect(row?.code).toBe('05293');
  });
});
