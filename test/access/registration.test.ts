/**
 * Registration end to end through the router: a group asks, administrators are notified
 * with buttons, an administrator decides, the group is told and gets its role; plus direct
 * binding, listing, revoking, the audit log and chat changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBinding } from '../../src/access/bindings.js';
import { chatLeft, chatMigrated } from '../../src/access/chat-changes.js';
import type { Reply } from '../../src/core/reply.js';
import type { ChatRef } from '../../src/core/request.js';
import type { Notice } from '../../src/notify/notices.js';
import { plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
const received: Notice[] = [];
const GROUP: ChatRef = { platform: 'telegram', id: '-100777', kind: 'group', title: 'Hỗ trợ xã Thượng Cốc' };
const ADMIN_PRIVATE: ChatRef = { platform: 'telegram', id: '1001', kind: 'private' };

async function send(chat: ChatRef, userId: string, text: string): Promise<Reply> {
  const r = await app.router.handle({ text, chat, user: { id: userId, name: 'Cán bộ xã' }, addressed: true });
  if (!r) throw new Error('no reply');
  return r;
}

beforeAll(async () => {
  app = await openTestApp({ env: { ADMIN_IDS: 'tg:1001,zalo:adminz', DEFAULT_PROVINCE: 'Phú Thọ' } });
  await app.ctx.notices.register('telegram', async (n) => {
    received.push(n);
  });
});
afterAll(async () => {
  await app?.dispose();
});

describe(`registration (${TEST_DIALECT})`, () => {
  let code = '';

  it('an unregistered group sees only /giup and /dangky', async () => {
    expect((await send(GROUP, '42', '/xa Thượng Cốc')).status).toBe('denied');
    expect((await send(GROUP, '42', '/giup')).status).toBe('ok');
  });

  it('files a request and notifies every administrator in a private chat, with buttons', async () => {
    const r = await send(GROUP, '42', '/dangky xa Thượng Cốc');
    const m = /yêu cầu đăng ký (DK\d+)/.exec(plain(r));
    expect(m).not.toBeNull();
    code = m![1]!;
    const toTelegramAdmin = received.find((n) => n.chatId === '1001');
    expect(toTelegramAdmin).toBeDefined();
    expect(plain(toTelegramAdmin!.reply)).toContain('Hỗ trợ xã Thượng Cốc');
    expect(plain(toTelegramAdmin!.reply)).toContain('nhóm xã, phường: xã Thượng Cốc (Phú Thọ)');
    expect(toTelegramAdmin!.reply.choices?.options.map((o) => o.command)).toEqual([`/duyet ${code}`, `/tuchoi ${code}`]);
    // The Zalo administrator's notice waits until a Zalo channel runs.
    expect(await app.ctx.notices.waiting('zalo')).toBe(1);
  });

  it('does not duplicate a pending request', async () => {
    const r = await send(GROUP, '43', '/dangky xa Thượng Cốc');
    expect(plain(r)).toContain(`${code} đang chờ`);
    expect(await app.store.prisma.registrationRequest.count({ where: { status: 'pending' } })).toBe(1);
  });

  it('refuses decisions from non-administrators, and audits the attempt', async () => {
    const r = await send(GROUP, '42', `/duyet ${code}`);
    expect(r.status).toBe('denied');
    expect(plain(r)).toBe('Lệnh /duyet chỉ dành cho quản trị viên.');
    expect(await app.store.prisma.auditEntry.count({ where: { action: 'denied', actor: 'telegram:42' } })).toBeGreaterThan(0);
  });

  it('lists pending requests for an administrator, who approves one; the group is told and gets its role', async () => {
    expect(plain(await send(ADMIN_PRIVATE, '1001', '/duyet'))).toContain(code);
    const before = received.length;
    const r = await send(ADMIN_PRIVATE, '1001', `/duyet ${code}`);
    expect(plain(r)).toContain(`Đã duyệt yêu cầu ${code}`);
    const told = received.slice(before).find((n) => n.chatId === GROUP.id);
    expect(plain(told!.reply)).toContain('đã được đăng ký là nhóm xã, phường');
    const b = await activeBinding(app.store, { platform: 'telegram', chatId: GROUP.id });
    expect(b?.role).toBe('commune');
    expect(plain(await send(GROUP, '42', '/xa'))).toContain('Xã Thượng Cốc (Phú Thọ)');
    expect(plain(await send(ADMIN_PRIVATE, '1001', `/duyet ${code}`))).toContain('đã được xử lý trước đó');
  });

  it('rejects a request with a reason the requester sees', async () => {
    const other: ChatRef = { platform: 'telegram', id: '-100888', kind: 'group', title: 'Nhóm lạ' };
    const filed = plain(await send(other, '50', '/dangky lanhdao'));
    const c = /(DK\d+)/.exec(filed)![1]!;
    const before = received.length;
    expect(plain(await send(ADMIN_PRIVATE, '1001', `/tuchoi ${c} Nhóm không thuộc UBND tỉnh`))).toContain(`Đã từ chối yêu cầu ${c}`);
    expect(plain(received.slice(before).find((n) => n.chatId === other.id)!.reply)).toContain('Lý do: Nhóm không thuộc UBND tỉnh');
    expect(await activeBinding(app.store, { platform: 'telegram', chatId: other.id })).toBeNull();
  });

  it('binds, lists and revokes chats directly', async () => {
    expect(plain(await send(ADMIN_PRIVATE, '1001', '/gan tg:-100999 so Nông nghiệp và Môi trường'))).toContain('Đã gán telegram:-100999 là nhóm sở, ngành: Sở Nông nghiệp và Môi trường (Phú Thọ)');
    expect(plain(await send(ADMIN_PRIVATE, '1001', '/gan tg:-100998 to 10'))).toContain('tổ công tác số 10');
    const list = plain(await send(ADMIN_PRIVATE, '1001', '/dsnhom'));
    expect(list).toContain('telegram:-100777 "Hỗ trợ xã Thượng Cốc": nhóm xã, phường');
    expect(list).toContain('telegram:-100999');
    expect(plain(await send(ADMIN_PRIVATE, '1001', '/thuhoi tg:-100998'))).toContain('Đã thu hồi');
    expect(plain(await send(ADMIN_PRIVATE, '1001', '/thuhoi tg:-100998'))).toContain('chưa được đăng ký');
  });

  it('answers bad registrations with the usual suggestions', async () => {
    const g: ChatRef = { platform: 'telegram', id: '-100111', kind: 'group' };
    expect(plain(await send(g, '60', '/dangky xa Thuong Cok'))).toContain('Ý bạn là');
    expect(plain(await send(g, '60', '/dangky so Không Có'))).toContain('Không tìm thấy sở, ngành');
    expect(plain(await send(g, '60', '/dangky vua Thượng Cốc'))).toContain('Không hiểu vai trò');
    expect(plain(await send(g, '60', '/dangky'))).toContain('Ví dụ');
    expect(await app.store.prisma.registrationRequest.count({ where: { chatId: '-100111' } })).toBe(0);
  });

  it('follows chat changes: a supergroup upgrade keeps the role, removal retires it', async () => {
    await chatMigrated(app.store, { platform: 'telegram', chatId: GROUP.id }, '-1009999', new Date());
    expect((await activeBinding(app.store, { platform: 'telegram', chatId: '-1009999' }))?.role).toBe('commune');
    expect(await activeBinding(app.store, { platform: 'telegram', chatId: GROUP.id })).toBeNull();
    await chatLeft(app.store, { platform: 'telegram', chatId: '-1009999' }, new Date());
    expect(await activeBinding(app.store, { platform: 'telegram', chatId: '-1009999' })).toBeNull();
  });

  it('records every step in the audit log, shown by /nhatky', async () => {
    const actions = (await app.store.prisma.auditEntry.findMany()).map((e) => e.action);
    for (const a of ['registration_requested', 'registration_approved', 'registration_rejected', 'bound', 'revoked', 'denied', 'migrated', 'retired', 'import'])
      expect(actions, a).toContain(a);
    const log = plain(await send(ADMIN_PRIVATE, '1001', '/nhatky'));
    expect(log).toContain('duyệt đăng ký');
    expect(log).not.toContain('Nhóm không thuộc UBND tỉnh');
  });
});
