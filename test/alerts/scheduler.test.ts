import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertByCode, lastDigestAt } from '../../src/alerts/alert-store.js';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { provinceSnapshot } from '../../src/alerts/snapshot.js';
import { plainText } from '../../src/channel/render/lines.js';
import type { Reply } from '../../src/core/reply.js';
import { silentLogger } from '../../src/log.js';
import { alertsApp, bindGroup } from './support.js';

type TestApp = Awaited<ReturnType<typeof alertsApp>>;

/**
 * Two weeks of December 2026 on the demo store, with a clock the test moves: Tuesday 01/12
 * to Tuesday 08/12, the weekend in between.
 */
describe('the alerts scheduler over two weeks', () => {
  let app: TestApp;
  let scheduler: AlertsScheduler;
  const keys = { commune: '', department: '', group: '', leaders: '', quiet: '' };
  let acked = '';
  let provinceId = 0;
  const sentTo = (chatId: string) => app.sent.filter((n) => n.chatId === chatId);
  const digestsTo = (chatId: string) => sentTo(chatId).filter((n) => n.key.startsWith('digest:'));
  const text = (r: Reply) => plainText(r);
  const ask = async (chatId: string, line: string) => {
    const r = await app.router.handle({ text: line, chat: { platform: 'telegram', id: chatId, kind: 'group' }, user: { id: '77', name: 'Chị Lan' }, addressed: true });
    return text(r!);
  };
  const at = async (iso: string) => {
    app.clock.set(iso);
    return scheduler.tick();
  };

  beforeAll(async () => {
    app = await alertsApp('2026-12-01T06:50:00+07:00', { ADMIN_IDS: 'tg:42' });
    const dir = await app.ctx.directory.get();
    const pt = [...dir.provinces.values()].find((p) => p.name === 'Phú Thọ')!;
    const yenPhu = dir.communesOf(pt.id).find((c) => c.name === 'Yên Phú')!;
    const dept = [...dir.departments.values()].find((d) => d.provinceId === pt.id && d.name === 'Sở Nông nghiệp và Môi trường')!;
    const group = [...dir.workingGroups.values()].find((g) => g.provinceId === pt.id && g.number === 10)!;
    keys.commune = await bindGroup(app, '-1', 'commune', yenPhu.id);
    keys.department = await bindGroup(app, '-2', 'department', dept.id);
    keys.group = await bindGroup(app, '-3', 'working_group', group.id);
    keys.leaders = await bindGroup(app, '-4', 'leader', pt.id);
    // A department whose sectors have no dossiers in the demo store: nothing to report, ever.
    const quiet = [...dir.departments.values()].find((d) => d.provinceId === pt.id && d.name === 'Sở Dân tộc và Tôn giáo')!;
    keys.quiet = await bindGroup(app, '-5', 'department', quiet.id);
    provinceId = pt.id;
    scheduler = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
  }, 120_000);
  afterAll(async () => app?.dispose());

  it('when the slot has not come, then no digest is sent', async () => {
    await at('2026-12-01T07:20:00+07:00');
    expect(app.sent.filter((n) => n.key.startsWith('digest:'))).toEqual([]);
  });

  it('when a dossier has reached the leaders’ level, then the leaders hear of it once, between their weekly digests', async () => {
    const escalations = sentTo('-4').filter((n) => n.key.startsWith('escalation:'));
    expect(escalations).toHaveLength(1);
    expect(text(escalations[0]!.reply)).toMatch(/Chuyển cấp · tỉnh Phú Thọ: \d+ hồ sơ quá hạn/);
    await at('2026-12-01T07:29:59+07:00');
    expect(app.sent.filter((n) => n.key.startsWith('digest:'))).toEqual([]);
    expect(sentTo('-4').filter((n) => n.key.startsWith('escalation:'))).toHaveLength(1);
  });

  it('at 07:30 on a working day, then communes and departments get one digest each, headed with what is new', async () => {
    await at('2026-12-01T07:30:05+07:00');
    expect(digestsTo('-1').map((n) => n.key)).toEqual(['digest:telegram:-1:2026-12-01T07:30']);
    expect(digestsTo('-2')).toHaveLength(1);
    expect(digestsTo('-3')).toHaveLength(0);
    const commune = text(digestsTo('-1')[0]!.reply);
    expect(commune).toMatch(/^Bản tin hồ sơ quá hạn · xã Yên Phú/);
    expect(commune).toMatch(/Từ bản tin trước: \d+ hồ sơ mới quá hạn/);
    expect(commune).toMatch(/Quá hạn: \d+/);
    expect(commune).toMatch(/Sắp đến hạn \(trong 2 ngày làm việc\): \d+/);
    expect(commune).not.toMatch(/H44\.05293-/); // never another commune's codes
    const dept = text(digestsTo('-2')[0]!.reply);
    expect(dept).toMatch(/Xã Yên Phú: \d+ quá hạn, \d+ sắp đến hạn/);
  });

  it('when the pass runs again, or a second scheduler runs on the same store, then nothing is sent twice', async () => {
    const before = app.sent.length;
    await at('2026-12-01T07:31:00+07:00');
    const other = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
    await other.tick(new Date('2026-12-01T07:31:00+07:00'));
    expect(app.sent.length).toBe(before);
  });

  it('at 07:45, then the working group gets its communes’ counts, what escalated to it and the worst communes', async () => {
    await at('2026-12-01T07:45:05+07:00');
    expect(digestsTo('-3')).toHaveLength(1);
    const t = text(digestsTo('-3')[0]!.reply);
    expect(t).toMatch(/tổ công tác số 10/);
    expect(t).toMatch(/Theo xã, phường/);
    expect(t).toMatch(/Nhiều hồ sơ quá hạn nhất: /);
    expect(t).toMatch(/Đã chuyển đến tổ công tác/);
  });

  it('when a chat has nothing to report, then no digest is sent, unless it asked for all-clear messages', async () => {
    expect(digestsTo('-5')).toHaveLength(0);
    expect(await ask('-5', '/lichbao báo cả khi không có')).toMatch(/Đã lưu lịch gửi bản tin/);
    expect(await ask('-5', '/lichbao 07:30 09:00')).toMatch(/07:30, 09:00/);
    await at('2026-12-01T09:00:10+07:00');
    expect(digestsTo('-5')).toHaveLength(1);
    expect(text(digestsTo('-5')[0]!.reply)).toMatch(/Không có hồ sơ quá hạn hay sắp đến hạn/);
  });

  it('when the commune acknowledges a dossier, then it does not escalate until the end of the acknowledgement, and the digest says who and until when', async () => {
    const snap = await provinceSnapshot(app.ctx, provinceId, app.clock.now());
    const item = snap.overdue.find((i) => i.level === 1 && i.days === 1 && /^H44\.05305-/.test(i.code))!;
    expect(item).toBeDefined();
    acked = item.code;
    expect(await ask('-1', `/danhan ${acked}`)).toMatch(new RegExp(`Đã ghi nhận nhóm nhận xử lý hồ sơ ${acked.replace(/\./g, '\\.')} đến hết 04/12/2026`));
    await at('2026-12-03T07:30:05+07:00'); // 3 working days overdue: level 2 without the acknowledgement
    expect((await alertByCode(app.store, acked))!.level).toBe(1);
    const t = text(digestsTo('-1').at(-1)!.reply);
    expect(t).toContain(`${acked} ·`);
    expect(t).toMatch(/đã nhận xử lý: Chị Lan đến 04\/12\/2026/);
  });

  it('on Saturday, then nothing is sent', async () => {
    const before = app.sent.length;
    await at('2026-12-05T07:30:05+07:00');
    await at('2026-12-05T08:00:05+07:00');
    expect(app.sent.length).toBe(before);
  });

  it('when the bot was down at 07:30 on Monday and is back at 10:00, then the digests are caught up, and the expired acknowledgement is announced', async () => {
    const before = digestsTo('-1').length;
    await at('2026-12-07T10:00:00+07:00');
    expect(digestsTo('-1')).toHaveLength(before + 1);
    expect(digestsTo('-4').map((n) => n.key)).toEqual(['digest:telegram:-4:2026-12-07T08:00']);
    expect(text(digestsTo('-1').at(-1)!.reply)).toMatch(/1 hồ sơ hết hạn nhận xử lý/);
    expect((await alertByCode(app.store, acked))!.level).toBe(2);
    const leaders = text(digestsTo('-4')[0]!.reply);
    expect(leaders).toMatch(/Quá hạn toàn tỉnh: \d+/);
    expect(leaders).toMatch(/Trong 7 ngày qua: \d+ hồ sơ mới quá hạn, \d+ đã xử lý; /);
  });

  it('with the first digests of the week, then the leaders and the working group get the weekly report with its charts, once', async () => {
    const weekly = (chatId: string) => sentTo(chatId).filter((n) => n.key.startsWith('weekly-report:'));
    // Monday's pass (caught up above) sent them; the previous Tuesday's did not.
    expect(weekly('-4').map((n) => n.key)).toEqual(['weekly-report:telegram:-4:2026-11-30:0', 'weekly-report:telegram:-4:2026-11-30:1']);
    // The chart survives the notice store as the picture it was: PNG bytes, not an object of numbered keys.
    const png = weekly('-4')[0]!.reply.image!.png;
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(weekly('-3').length).toBeGreaterThan(0);
    expect(weekly('-1')).toEqual([]);
    await at('2026-12-07T10:05:00+07:00');
    expect(weekly('-4')).toHaveLength(2);
  });

  it('when a dossier is resolved, then the next digest of the chats that heard of it says so ("đã xử lý"), once', async () => {
    await app.store.sql.run('UPDATE dossier SET status = 10, processed_at = ?, returned_at = ?, closed_at = ? WHERE code = ?', [app.clock.now(), app.clock.now(), app.clock.now(), acked]);
    expect(await ask('-1', '/lichbao 07:30 13:30')).toMatch(/07:30, 13:30/);
    await at('2026-12-07T13:30:05+07:00');
    const t = text(digestsTo('-1').at(-1)!.reply);
    expect(t).toMatch(/1 hồ sơ đã xử lý/);
    expect(t).toMatch(new RegExp(`Đã xử lý từ bản tin trước\\n• ${acked.replace(/\./g, '\\.')}`));
    expect((await alertByCode(app.store, acked))!.state).toBe('resolved');
    await at('2026-12-08T07:30:05+07:00');
    expect(text(digestsTo('-1').at(-1)!.reply)).not.toMatch(/đã xử lý/);
  });

  it('when a commune is silenced, then its digests show it with the reason and the end', async () => {
    expect(await ask('-1', '/tamdung Yên Phú 2 ngày mất điện, chờ sửa đường truyền')).toMatch(/Đã tạm dừng cảnh báo của xã Yên Phú đến/);
    expect(await ask('-1', '/tamdung')).toMatch(/Số \d+: xã Yên Phú · đến .* · lý do: mất điện, chờ sửa đường truyền · người đặt: Chị Lan/);
    expect(await ask('-1', '/bantin')).toMatch(/tạm dừng cảnh báo đến .* \(mất điện, chờ sửa đường truyền\)/);
  });

  it('when the slot passed long ago (after 11:30), then the digest is skipped, not sent late', async () => {
    const before = digestsTo('-2').length;
    await at('2026-12-09T12:00:00+07:00');
    expect(digestsTo('-2')).toHaveLength(before);
    const r = await app.store.sql.get<{ status: string }>('SELECT status FROM digest_run WHERE chat = ? AND slot = ?', [keys.department, '2026-12-09T07:30']);
    expect(r?.status).toBe('skipped');
  });

  it('when no data arrived for STALE_AFTER_HOURS, then administrators get one alert and digests say figures may be stale', async () => {
    const stale = app.sent.filter((n) => n.key.startsWith('alerts:stale:'));
    expect(stale).toHaveLength(1);
    expect(stale[0]!.chatId).toBe('42');
    expect(text(digestsTo('-1').at(-1)!.reply)).toMatch(/số liệu trong bản tin có thể đã cũ/);
    expect(await lastDigestAt(app.store, keys.commune)).not.toBeNull();
  });
});
