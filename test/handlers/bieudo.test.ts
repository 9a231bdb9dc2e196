/**
 * /bieudo over the demo store: each picture's caption states the figures the text
 * commands give, the chat's own commune is marked, bad input gets the list of charts and
 * never a picture, and a chart is drawn again only when its data changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActAs } from '../../src/access/access.js';
import type { Reply } from '../../src/core/reply.js';
import { UNITS_VERSION_KEY } from '../../src/data/directory.js';
import { BUMP_FIGURES_VERSION_SQL, newFiguresVersion } from '../../src/data/figure-counts.js';
import { figuresByCommune } from '../../src/data/figures.js';
import { bumpVersion } from '../../src/data/versioned-cache.js';
import { CHART_EXAMPLE, CHART_METRICS } from '../../src/text/charts-messages.js';
import { dayFromYmd } from '../../src/time/day.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';
import { pngFacts } from '../charts/png.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

async function askAs(text: string, actAs: ActAs): Promise<Reply> {
  const r = await app.router.handle({ text, chat: { platform: 'console', id: 'as-role', kind: 'group' }, user: { id: 'u1' }, addressed: true, actAs });
  if (!r) throw new Error('no reply');
  return r;
}

async function communeId(name: string): Promise<number> {
  const dir = await app.ctx.directory.get();
  return [...dir.communes.values()].find((c) => c.name === name)!.id;
}

async function expectPicture(r: Reply): Promise<string> {
  expect(r.status, plain(r)).toBe('ok');
  expect(r.image).toBeDefined();
  const facts = await pngFacts(r.image!.png);
  expect(facts.width).toBeGreaterThanOrEqual(1080);
  expect(facts.inked).toBeGreaterThan(0.01);
  expect(r.image!.caption.length).toBeLessThanOrEqual(1024);
  expect(r.image!.caption).toMatch(/Số liệu cập nhật: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  return r.image!.caption;
}

function expectExplanation(r: Reply, says: RegExp): void {
  expect(r.status).toBe('user_error');
  expect(r.image).toBeUndefined();
  const text = plain(r);
  expect(text).toMatch(says);
  for (const m of CHART_METRICS) expect(text).toContain(m);
  expect(text).toContain(CHART_EXAMPLE);
}

describe(`/bieudo (${TEST_DIALECT})`, () => {
  it('when the channel mix of Thượng Cốc for 1–28/7/2025 is asked, then the caption gives the published 390 received, 229 online (58,72 %)', async () => {
    const caption = await expectPicture(await ask(app, '/bieudo kênh Thượng Cốc từ 1/7/2025 đến 28/7/2025'));
    expect(caption).toContain('xã Thượng Cốc');
    expect(caption).toContain('tổng 390 hồ sơ');
    expect(caption).toContain('Trực tuyến: 229 (58,72 %)');
  });

  it('when the online ranking is asked, then its caption names the same best and worst communes, with the same rates, as /xephang', async () => {
    const caption = await expectPicture(await ask(app, '/bieudo trực tuyến tháng 7/2025'));
    const list = plain(await ask(app, '/xephang trực tuyến tháng 7/2025'));
    const lines = list.split('\n').filter((l) => /^\d+\. /.test(l));
    const [, bestName, bestRate] = /^1\. Xã (.+): (\S+ %)/.exec(lines[0]!)!;
    const [, worstName, worstRate] = /^\d+\. Xã (.+): (\S+ %)/.exec(lines.at(-1)!)!;
    expect(caption).toContain(`Cao nhất: xã ${bestName} (${bestRate})`);
    expect(caption).toContain(`thấp nhất: xã ${worstName} (${worstRate})`);
    expect(caption).toContain(`Xếp hạng ${lines.length} xã, phường của tỉnh Phú Thọ`);
    expect(caption).toMatch(/\d+\/\d+ xã, phường đạt từ 50 % trực tuyến trở lên/);
  });

  it('when a commune’s chat asks for a ranking, then its commune is marked and its place is in the caption', async () => {
    const r = await askAs('/bieudo đúng hạn', { role: 'commune', unitId: await communeId('Yên Phú'), isAdmin: false });
    const caption = await expectPicture(r);
    expect(caption).toMatch(/Xã Yên Phú đứng thứ \d+\/9 \(\S+ %\)/);
    expect(caption).toContain('Đúng hạn tính theo ngày hẹn trả');
  });

  it('when a commune’s chat sends /bieudo alone, then it gets its own weekly trend whose totals are the counters’', async () => {
    const id = await communeId('Quyết Thắng');
    const caption = await expectPicture(await askAs('/bieudo tháng 7/2025', { role: 'commune', unitId: id, isAdmin: false }));
    const f = (await figuresByCommune(app.store, [id], dayFromYmd(2025, 7, 1), dayFromYmd(2025, 7, 31))).get(id)!;
    expect(caption).toContain('Hồ sơ theo tuần của xã Quyết Thắng, kỳ tháng 7/2025 (5 tuần, tuần bắt đầu từ thứ Hai)');
    expect(caption).toContain(`Tổng tiếp nhận mới: ${f.newlyReceived.total.toLocaleString('vi-VN')} hồ sơ; đã giải quyết: ${f.resolved.total.toLocaleString('vi-VN')}`);
  });

  it('when a working group’s chart is asked, then it covers the group’s communes', async () => {
    const caption = await expectPicture(await ask(app, '/bd kênh tổ 10'));
    expect(caption).toContain('tổ công tác số 10');
    const r = await ask(app, '/chart xh tổ 7');
    expect(await expectPicture(r)).toContain('Xếp hạng 6 xã, phường của tổ công tác số 7');
  });

  it('when the metric is unknown, then the answer lists the charts with an example', async () => {
    expectExplanation(await ask(app, '/bieudo lợi nhuận'), /Không hiểu chỉ số hoặc đơn vị "lợi nhuận"/);
  });

  it('when the period has no data to rank, then the answer says so instead of drawing an empty chart', async () => {
    expectExplanation(await ask(app, '/bieudo đúng hạn hôm nay'), /Không có số liệu hồ sơ của tỉnh Phú Thọ trong kỳ hôm nay/);
  });

  it('when the province has only published figures, then the answer says so and points to /tongquan', async () => {
    expectExplanation(await ask(app, '/bieudo xu hướng Hưng Yên'), /Tỉnh Hưng Yên mới có số liệu tổng hợp đã công bố.*\/tongquan Hưng Yên/);
  });

  it('when the commune has no dossiers, then the answer says so', async () => {
    const dir = await app.ctx.directory.get();
    const phuTho = [...dir.provinces.values()].find((p) => p.name === 'Phú Thọ')!;
    await app.store.prisma.commune.create({ data: { code: '05999', name: 'Sơn Thử', type: 'xa', provinceId: phuTho.id } });
    await bumpVersion(app.store, UNITS_VERSION_KEY);
    expectExplanation(await ask(app, '/bieudo kênh Sơn Thử'), /Xã Sơn Thử chưa có số liệu từng hồ sơ/);
  });

  it('when the same chart is asked again, then the picture comes from the cache until a counter write changes the figures version', async () => {
    const first = await ask(app, '/bieudo quá hạn tháng 8/2025');
    const again = await ask(app, '/bieudo quá hạn tháng 8/2025');
    expect(again.image!.png).toBe(first.image!.png);
    await app.store.sql.run(BUMP_FIGURES_VERSION_SQL, [newFiguresVersion()]);
    const after = await ask(app, '/bieudo quá hạn tháng 8/2025');
    expect(after.image!.png).not.toBe(first.image!.png);
    expect(after.image!.caption).toBe(first.image!.caption);
  });
});
