/**
 * Registration and chat changes on Telegram: the administrator is notified in a private
 * chat with buttons and approves with one press; removal and supergroup upgrades move or
 * retire the group's binding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBinding } from '../../../src/access/bindings.js';
import { openTestApp, TEST_DIALECT } from '../../helpers/store.js';
import { TelegramHarness } from './harness.js';

let h: TelegramHarness;
beforeAll(async () => {
  // Two administrators (notices nobody asked for are paced: each goes to every one of them).
  const app = await openTestApp({ env: { PUBLIC_AGGREGATES: 'true', ADMIN_IDS: 'tg:5001,tg:5002' } });
  h = await TelegramHarness.start({ app });
});
afterAll(async () => {
  const app = h?.app;
  await h?.close();
  await app?.dispose();
});

/** Waits until `check` holds (notices travel through the outbox worker, asynchronously). */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe(`Telegram registration and chat changes (${TEST_DIALECT})`, () => {
  it('notifies the administrator with buttons; one press approves and tells the group', async () => {
    const admin = { id: 5001, type: 'private' as const };
    const group = h.chat('group');
    await h.say(group, '/dangky xa Thượng Cốc', { from: h.user(777) });
    expect(h.texts(group).at(-1)).toMatch(/Đã gửi yêu cầu đăng ký DK\d+/);
    await eventually(() => h.server.botMessages(admin.id).length > 0, 'a notice in the administrator chat');
    const notice = h.server.botMessages(admin.id).at(-1)!;
    expect(notice.text).toContain('Yêu cầu đăng ký');
    const buttons = notice.replyMarkup!.inline_keyboard.flat();
    const approve = buttons.find((b) => b.text.includes('Duyệt'));
    expect(approve, JSON.stringify(buttons)).toBeDefined();
    await h.press(admin, notice.message_id, approve!.callback_data!, h.user(admin.id));
    await eventually(() => h.texts(group).some((t) => t.includes('đã được đăng ký là nhóm xã, phường')), 'the group is told');
    expect((await activeBinding(h.app.store, { platform: 'telegram', chatId: String(group.id) }))?.role).toBe('commune');
  });

  it('moves the binding when the group becomes a supergroup, and retires it when the bot is removed', async () => {
    const group = h.chat('group');
    const admin = { id: 5002, type: 'private' as const };
    await h.say(admin, `/gan tg:${group.id} xa Yên Phú`, { from: h.user(admin.id) });
    const newId = group.id - 7;
    const migrated = h.server.pushUpdate({
      message: { message_id: 9001, date: Math.floor(Date.now() / 1000), chat: { id: group.id, type: 'group', title: 'Nhóm cũ' }, from: { id: 777, is_bot: false, first_name: 'A' }, migrate_to_chat_id: newId },
    });
    await h.whenHandled(migrated.update_id);
    expect(await activeBinding(h.app.store, { platform: 'telegram', chatId: String(group.id) })).toBeNull();
    expect((await activeBinding(h.app.store, { platform: 'telegram', chatId: String(newId) }))?.role).toBe('commune');
    const removed = h.server.pushUpdate({
      my_chat_member: {
        chat: { id: newId, type: 'supergroup', title: 'Nhóm mới' },
        from: { id: 777, is_bot: false, first_name: 'A' },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'Bot' } },
        new_chat_member: { status: 'kicked', user: { id: 1, is_bot: true, first_name: 'Bot' }, until_date: 0 },
      },
    });
    await h.whenHandled(removed.update_id);
    expect(await activeBinding(h.app.store, { platform: 'telegram', chatId: String(newId) })).toBeNull();
  });
});
