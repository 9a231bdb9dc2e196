/** Every period form the issue lists, through /xa, with the clock on 22/11/2026. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

const FORMS: [string, string][] = [
  ['hôm nay', 'hôm nay (22/11/2026)'],
  ['tuần này', 'tuần này (16/11/2026 – 22/11/2026)'],
  ['tuần trước', 'tuần trước (09/11/2026 – 15/11/2026)'],
  ['tháng này', 'tháng này (01/11/2026 – 22/11/2026)'],
  ['tháng trước', 'tháng trước (tháng 10/2026)'],
  ['tháng 7', 'tháng 7/2026'],
  ['tháng 7/2025', 'tháng 7/2025'],
  ['quý 3', 'quý 3/2026'],
  ['quý 3/2025', 'quý 3/2025'],
  ['năm 2025', 'năm 2025'],
  ['7 ngày', '7 ngày gần nhất (16/11/2026 – 22/11/2026)'],
  ['30 ngày', '30 ngày gần nhất (24/10/2026 – 22/11/2026)'],
  ['từ 1/7 đến 28/7/2025', 'từ 01/07/2025 đến 28/07/2025'],
  ['từ 01/07/2025 đến 28/07/2025', 'từ 01/07/2025 đến 28/07/2025'],
  ['1/7/2025-28/7/2025', 'từ 01/07/2025 đến 28/07/2025'],
];

function periodLine(r: Awaited<ReturnType<typeof ask>>): string {
  const b = r.blocks.find((x) => x.kind === 'text' && x.text.startsWith('Kỳ: '));
  return b && b.kind === 'text' ? b.text.slice(4) : '';
}

describe(`periods (${TEST_DIALECT})`, () => {
  it.each(FORMS)('"%s" is understood', async (form, label) => {
    const r = await ask(app, `/xa Thượng Cốc ${form}`);
    expect(r.status).toBe('ok');
    expect(periodLine(r)).toBe(label);
  });

  it('no period means from 01/07/2025 until now', async () => {
    expect(periodLine(await ask(app, '/xa Thượng Cốc'))).toBe('từ 01/07/2025 đến nay');
  });

  it('periods typed without diacritics work too', async () => {
    expect(periodLine(await ask(app, '/xa thuong coc tu 1/7/2025 den 28/7/2025'))).toBe('từ 01/07/2025 đến 28/07/2025');
  });
});
