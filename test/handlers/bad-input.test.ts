/**
 * Bad input to every command gets a short Vietnamese answer that says what was wrong and
 * how to write it; nothing crashes and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../src/data/sql/driver.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

const TABLES = ['province', 'commune', 'former_unit', 'dossier', 'figure_day', 'figure_month', 'recommendation', 'reported_figure', 'indicator', 'calendar_day', 'import_run', 'meta'];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = toNumber((await app.store.sql.get<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n);
  return out;
}

const LONG = 'a'.repeat(5_000);
const BAD: [string, RegExp][] = [
  ['/xa Hà Lội Mới', /Không tìm thấy xã, phường/],
  ['/xa 99999', /Không có xã, phường nào mang mã 99999/],
  ['/xa', /chưa nhập tên xã/],
  ['/xa Thượng Cốc 31/2/2025', /không có thật trên lịch/],
  ['/xa Thượng Cốc từ 28/7/2025 đến 1/7/2025', /Ngày bắt đầu đang ở sau ngày kết thúc/],
  ['/xa Thượng Cốc tháng 13', /tháng chỉ từ 1 đến 12/],
  ['/xa Thượng Cốc quý 5', /quý chỉ từ 1 đến 4/],
  ['/xa Thượng Cốc 999999 ngày', /999999 ngày" quá dài/],
  ['/xa Thượng Cốc năm 2030', /chưa bắt đầu/],
  [`/xa ${LONG}`, /quá dài/],
  ['/xa 🏛️🏛️', /phải có chữ cái hoặc mã 5 chữ số/],
  ['/xa <b>Thượng Cốc</b>', /Không tìm thấy|Ý bạn là/],
  ["/xa '; DROP TABLE dossier; --", /Không tìm thấy|phải có chữ cái/],
  ['/tongquan Atlantis', /Không tìm thấy tỉnh, thành phố "Atlantis"/],
  ['/tongquan Phú Thọ 32/1/2026', /không có thật trên lịch/],
  [`/tongquan ${LONG}`, /quá dài/],
  ['/xephang đúng hạn từ 5/8/2025 đến 1/8/2025', /Ngày bắt đầu đang ở sau/],
  ['/xephang <script>alert(1)</script>', /Không tìm thấy tỉnh/],
  ['/quahan Atlantis', /Không tìm thấy xã, phường/],
  ['/quahan 😀', /phải có chữ cái/],
  ['/to', /chưa nhập số hiệu tổ công tác/],
  ['/to 99', /Không có tổ công tác số 99/],
  ['/to bảy', /không phải số hiệu tổ công tác/],
  ['/khongco', /Không có lệnh \/khongco/],
];

describe(`bad input (${TEST_DIALECT})`, () => {
  it.each(BAD)('%s → a short explanation', async (text, expected) => {
    const before = await counts();
    const r = await ask(app, text);
    const out = plain(r);
    expect(r.status).not.toBe('ok');
    expect(out).toMatch(expected);
    expect(out).not.toMatch(/Error|at .*\.ts:|undefined|NaN|\[object/);
    expect(out.length).toBeLessThan(2_000);
    expect(await counts()).toEqual(before);
  });

  it('every error that explains a format also shows an example', async () => {
    for (const text of ['/xa', '/xa Thượng Cốc 31/2/2025', '/tongquan Atlantis', '/to']) {
      expect(plain(await ask(app, text))).toContain('Ví dụ');
    }
  });

  it('an unknown command is answered with the help', async () => {
    const out = plain(await ask(app, '/khongco'));
    expect(out).toContain('/xa <tên hoặc mã xã> [kỳ]');
  });
});
