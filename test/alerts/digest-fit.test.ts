import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import type { Role } from '../../src/access/roles.js';
import { ZaloRenderer } from '../../src/bot/zalo/renderer.js';
import { plainText } from '../../src/channel/render/lines.js';
import type { Reply } from '../../src/core/reply.js';
import { alertsApp } from './support.js';

/**
 * A digest is one message: on Zalo (2,000 characters) page 1 of every role's digest fits
 * in one message, in plain text and in Zalo's markdown, even when its lines are long; the
 * other pages follow with the same page size ("gửi /bantin 2").
 */
describe('digests on Zalo fit one message', () => {
  let app: Awaited<ReturnType<typeof alertsApp>>;
  const chats: [Role, string][] = [];
  const bantin = async (chatId: string, line = '/bantin'): Promise<Reply> =>
    (await app.router.handle({ text: line, chat: { platform: 'zalo', id: chatId, kind: 'group' }, user: { id: 'u1', name: 'Chị Lan' }, addressed: true }))!;

  beforeAll(async () => {
    app = await alertsApp('2026-12-02T09:00:00+07:00', { PUBLIC_AGGREGATES: 'true' });
    const dir = await app.ctx.directory.get();
    const pt = [...dir.provinces.values()].find((p) => p.name === 'Phú Thọ')!;
    const communes = dir.communesOf(pt.id);
    const department = [...dir.departments.values()].find((d) => d.provinceId === pt.id && d.name === 'Sở Nông nghiệp và Môi trường')!;
    const group = [...dir.workingGroups.values()].find((g) => g.provinceId === pt.id)!;
    const units: [Role, number][] = [['commune', communes.find((c) => c.name === 'Yên Phú')!.id], ['department', department.id], ['working_group', group.id], ['leader', pt.id]];
    for (const [i, [role, unit]] of units.entries()) {
      const id = `fit${i}`;
      await bindChat(app.store, { platform: 'zalo', chatId: id, chatTitle: null, isGroup: true }, role, unit, 'test', app.clock.now());
      chats.push([role, id]);
    }
  }, 120_000);
  afterAll(async () => app?.dispose());

  it('page 1 of each role’s digest is one message, plain or markdown', async () => {
    for (const [role, id] of chats) {
      const r = await bantin(id);
      expect(new ZaloRenderer().render(r), role).toHaveLength(1);
      expect(new ZaloRenderer({ markdown: true }).render(r), role).toHaveLength(1);
    }
  });

  it('the next page keeps the page size, so no item is skipped or shown twice', async () => {
    const [, leader] = chats.find(([role]) => role === 'leader')!;
    const codes = (r: Reply) => plainText(r).match(/H44\.\d{5}-\d{6}-\d{4}/g) ?? [];
    const one = await bantin(leader);
    expect(one.pagination?.pageCount).toBe(2);
    const two = await bantin(leader, '/bantin 2');
    expect(two.pagination?.page).toBe(2);
    expect(plainText(two)).toMatch(/^Bản tin hồ sơ quá hạn · tỉnh Phú Thọ/);
    const listed = Number(/Đã chuyển đến lãnh đạo tỉnh \((\d+)\)/.exec(plainText(one))![1]);
    expect(new Set([...codes(one), ...codes(two)]).size).toBe(listed);
  });
});
