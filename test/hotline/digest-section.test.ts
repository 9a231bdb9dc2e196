/**
 * Overdue recommendations appear in the alerts' digests and escalate with the province's
 * policy: the answering department sees each from its first working day overdue, the
 * working group from the second level, the leaders from the third.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/channel/render/lines.js';
import { provincePolicy } from '../../src/alerts/alert-store.js';
import { levelFor } from '../../src/alerts/policy.js';
import { overdueRecommendations } from '../../src/hotline/overdue.js';
import { alertsApp, bindGroup } from '../alerts/support.js';

type TestApp = Awaited<ReturnType<typeof alertsApp>>;

describe('overdue recommendations in the digests', () => {
  let app: TestApp;
  let provinceId = 0;
  const bantin = async (chatId: string) =>
    plainText((await app.router.handle({ text: '/bantin', chat: { platform: 'telegram', id: chatId, kind: 'group' }, user: { id: '5', name: 'Anh Minh' }, addressed: true }))!);

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T09:00:00+07:00');
    const dir = await app.ctx.directory.get();
    const pt = [...dir.provinces.values()].find((p) => p.name === 'Phú Thọ')!;
    provinceId = pt.id;
    await bindGroup(app, '-21', 'department', [...dir.departments.values()].find((d) => d.provinceId === pt.id && d.name === 'Sở Nội vụ')!.id);
    await bindGroup(app, '-24', 'leader', pt.id);
  }, 120_000);
  afterAll(async () => app?.dispose());

  it('the department answering them lists every overdue one, with code, deadline, days and level', async () => {
    const dir = await app.ctx.directory.get();
    const nv = [...dir.departments.values()].find((d) => d.provinceId === provinceId && d.name === 'Sở Nội vụ')!;
    const calendar = await app.ctx.calendar.get();
    const overdue = await overdueRecommendations(app.store, calendar, { departmentId: nv.id }, app.ctx.clock.now());
    expect(overdue.length).toBeGreaterThan(0);
    const out = await bantin('-21');
    expect(out).toContain(`Kiến nghị quá hạn trả lời (${overdue.length})`);
    for (const o of overdue.slice(0, 10)) expect(out).toMatch(new RegExp(`${o.item.code} .*quá ${o.workingDaysOverdue} ngày làm việc`));
  });

  it('the leaders see only those past the policy’s third level', async () => {
    const calendar = await app.ctx.calendar.get();
    const { thresholds } = await provincePolicy(app.store, provinceId);
    const all = await overdueRecommendations(app.store, calendar, { provinceId }, app.ctx.clock.now());
    const high = all.filter((o) => levelFor(o.workingDaysOverdue, thresholds) === 3);
    const low = all.filter((o) => levelFor(o.workingDaysOverdue, thresholds) < 3);
    const out = await bantin('-24');
    if (high.length > 0) expect(out).toContain(`Kiến nghị quá hạn trả lời (${high.length})`);
    for (const o of low) expect(out).not.toContain(o.item.code);
    for (const o of high.slice(0, 10)) expect(out).toContain(o.item.code);
  });
});
