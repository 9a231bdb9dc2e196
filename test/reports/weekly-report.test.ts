/**
 * The weekly leaders' report: last week (Monday to Sunday) against the week before, from
 * the same counters as every other figure; the best and worst communes; what the alerts
 * engine says escalated; the overdue trend and ranking pictures; one report per leaders'
 * or working group's chat, none for other chats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresByCommune } from '../../src/data/figures.js';
import { weeklyReportKey, weeklyReportReplies, weeklyReportRepliesFor } from '../../src/reports/weekly-report-replies.js';
import { reportWeeks, type EscalationSource } from '../../src/reports/weekly-report.js';
import { formatNumber } from '../../src/text/format.js';
import { dayFromYmd, weekdayOf } from '../../src/time/day.js';
import { ask, plain } from '../helpers/ask.js';
import { DEMO_NOW, openTestApp, TEST_DIALECT } from '../helpers/store.js';
import { pngFacts } from '../charts/png.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

async function phuTho() {
  const dir = await app.ctx.directory.get();
  return [...dir.provinces.values()].find((p) => p.name === 'Phú Thọ')!;
}

describe(`weekly leaders' report (${TEST_DIALECT})`, () => {
  it('when asked on Sunday 22/11/2026, then last week is Monday 09/11 to Sunday 15/11 and the week before 02/11 to 08/11', () => {
    const { lastWeek, weekBefore } = reportWeeks(DEMO_NOW);
    expect([lastWeek.from, lastWeek.to, weekBefore.from]).toEqual([dayFromYmd(2026, 11, 9), dayFromYmd(2026, 11, 15), dayFromYmd(2026, 11, 2)]);
    expect(weekdayOf(lastWeek.from)).toBe(1);
  });

  it('when the province’s report is made, then its received counts are the counters’ and it carries the overdue trend and ranking charts', async () => {
    const province = await phuTho();
    const seen: { provinceId: number; communes: number }[] = [];
    const escalations: EscalationSource = {
      async escalatedBetween(scope) {
        seen.push({ provinceId: scope.provinceId, communes: scope.communeIds.length });
        return [{ text: 'Xã Yên Phú: 5 hồ sơ quá hạn quá 3 ngày làm việc' }];
      },
    };
    const replies = await weeklyReportReplies(app.ctx, { kind: 'province', province }, escalations);
    expect(replies).toHaveLength(2);
    const text = plain(replies[0]!);
    const dir = await app.ctx.directory.get();
    const ids = dir.communesOf(province.id).map((c) => c.id);
    const { lastWeek, weekBefore } = reportWeeks(DEMO_NOW);
    const sum = async (from: number, to: number) => [...(await figuresByCommune(app.store, ids, from, to)).values()].reduce((a, f) => a + f.newlyReceived.total, 0);
    expect(text).toContain(`Tiếp nhận mới: ${formatNumber(await sum(lastWeek.from, lastWeek.to))} (trước: ${formatNumber(await sum(weekBefore.from, weekBefore.to))}`);
    expect(text).toMatch(/Tỷ lệ trực tuyến: \d+(,\d+)? % \(trước: \d+(,\d+)? %\)/);
    expect(text).toMatch(/Đang quá hạn hiện nay: \d+ \(cách đây 1 tuần: \d+\)/);
    expect(text).toContain('4 xã, phường trực tuyến cao nhất tuần trước:');
    expect(text).toContain('Xã Yên Phú: 5 hồ sơ quá hạn quá 3 ngày làm việc');
    expect(seen).toEqual([{ provinceId: province.id, communes: 9 }]);
    expect(replies[0]!.image!.caption).toContain('Hồ sơ theo tuần của tỉnh Phú Thọ, kỳ 24/08/2026 – 15/11/2026 (12 tuần');
    expect(replies[1]!.image!.caption).toContain('kỳ tuần trước (09/11/2026 – 15/11/2026)');
    for (const r of replies) expect((await pngFacts(r.image!.png)).width).toBe(1080);
  });

  it('when the schedule asks for a chat’s role and unit, then a leaders’ chat gets its province, a working group’s its communes, a commune’s nothing', async () => {
    const province = await phuTho();
    const dir = await app.ctx.directory.get();
    const group = [...dir.workingGroups.values()].find((g) => g.number === 10)!;
    const commune = dir.communesOfGroup(group.id)[0]!;
    const chats = [
      { platform: 'telegram', chatId: '-1001', role: 'leader' as const, unitId: province.id },
      { platform: 'zalo', chatId: 'g-10', role: 'working_group' as const, unitId: group.id },
      { platform: 'telegram', chatId: '-1003', role: 'commune' as const, unitId: commune.id },
    ];
    const [leader, wg, communeChat] = await Promise.all(chats.map((c) => weeklyReportRepliesFor(app.ctx, c)));
    expect(plain(leader![0]!)).toContain('Báo cáo tuần · Tỉnh Phú Thọ');
    expect(plain(wg![0]!)).toContain('Báo cáo tuần · Tổ công tác số 10 (Phú Thọ)');
    expect(wg![1]!.image!.caption).toContain('Xếp hạng 3 xã, phường của tổ công tác số 10');
    expect(communeChat).toEqual([]);
    expect(weeklyReportKey(chats[0]!, DEMO_NOW, 1)).toBe('weekly-report:telegram:-1001:2026-11-09:1');
  });

  it('when /baocaotuan is typed, then the report comes with the overdue trend picture and the ranking one choice away', async () => {
    const r = await ask(app, '/baocaotuan tổ 10');
    expect(plain(r)).toContain('Báo cáo tuần · Tổ công tác số 10');
    expect(r.image!.caption).toContain('Hồ sơ theo tuần của tổ công tác số 10');
    expect(r.choices!.options[0]!.command).toBe('/bieudo trực tuyến tổ 10 tuần trước');
    const chart = await ask(app, r.choices!.options[0]!.command);
    expect(chart.image!.caption).toContain('Xếp hạng 3 xã, phường của tổ công tác số 10 (Phú Thọ) theo tỷ lệ tiếp nhận trực tuyến, kỳ tuần trước');
  });
});
