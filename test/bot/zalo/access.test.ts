/**
 * The access rules on Zalo: an unregistered group is refused figures, registers with
 * /dangky, the administrator is told in a Zalo private chat with numbered options, answers
 * "1" to approve, and the group is told and gets its role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBinding } from '../../../src/access/bindings.js';
import { openTestApp, TEST_DIALECT } from '../../helpers/store.js';
import { privateChatId, ZaloHarness } from './harness.js';

let h: ZaloHarness;
beforeAll(async () => {
  // Access enforced: no PUBLIC_AGGREGATES; one Zalo administrator.
  const app = await openTestApp({ env: { ADMIN_IDS: `zalo:${privateChatId(1)}`, DEFAULT_PROVINCE: 'Phú Thọ' } });
  h = await ZaloHarness.start({ app });
});
afterAll(async () => {
  const app = h?.app;
  await h?.close();
  await app?.dispose();
});

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`never happened: ${what}`);
}

describe(`Zalo registration (${TEST_DIALECT})`, () => {
  it('refuses an unregistered group, then registers it through the administrator', async () => {
    const admin = h.chat('private');
    expect(admin.id).toBe(privateChatId(1));
    const group = h.chat('group');
    await h.say(group, '@Bot Haicap /xa Thượng Cốc');
    expect(h.texts(group).at(-1)).toContain('chưa đăng ký');
    await h.say(group, '@Bot Haicap /dangky xa Thượng Cốc');
    expect(h.texts(group).at(-1)).toMatch(/Đã gửi yêu cầu đăng ký DK\d+/);
    await eventually(() => h.texts(admin).some((t) => t.includes('Yêu cầu đăng ký')), 'the administrator is told');
    const notice = h.texts(admin).find((t) => t.includes('Yêu cầu đăng ký'))!;
    expect(notice).toContain('1. Duyệt');
    await h.say(admin, '1');
    await eventually(() => h.texts(group).some((t) => t.includes('đã được đăng ký là nhóm xã, phường')), 'the group is told');
    expect((await activeBinding(h.app.store, { platform: 'zalo', chatId: group.id }))?.role).toBe('commune');
    await h.say(group, '@Bot Haicap /xa');
    expect(h.texts(group).at(-1)).toContain('Xã Thượng Cốc (Phú Thọ)');
  });
});
