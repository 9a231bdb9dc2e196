/**
 * Issue 9, fault 1: a group could become an administrator chat through a bare "1".
 * Administrators are people (ADMIN_IDS), never chats; a bare number answers only an
 * offer that is unambiguous (one pending decision, or the notice it replies to), else the
 * bot asks which request, by code; every approval says what it approved, and is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBinding } from '../../src/access/bindings.js';
import { latestAudit } from '../../src/access/audit.js';
import type { Reply } from '../../src/core/reply.js';
import type { ChatRef } from '../../src/core/request.js';
import type { Notice } from '../../src/notify/notices.js';
import { TEXT } from '../../src/text/messages.js';
import { plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
const notices: Notice[] = [];
const ADMIN: ChatRef = { platform: 'zalo', id: 'adminz', kind: 'private' };
const groupA: ChatRef = { platform: 'zalo', id: 'groupA', kind: 'group', title: 'Hỗ trợ xã' };
const groupB: ChatRef = { platform: 'zalo', id: 'groupB', kind: 'group', title: 'Hỗ trợ xã' };

async function send(chat: ChatRef, userId: string, text: string, extra: { replyTo?: { fromBot: boolean; text: string } } = {}): Promise<Reply> {
  const r = await app.router.handle({ text, chat, user: { id: userId, name: 'Cán bộ' }, addressed: true, ...extra });
  if (!r) throw new Error(`no reply to ${text}`);
  return r;
}

const codeOf = (r: Reply) => /(DK\d+)/.exec(plain(r))![1]!;

beforeAll(async () => {
  app = await openTestApp({ env: { ADMIN_IDS: 'zalo:adminz', DEFAULT_PROVINCE: 'Phú Thọ' } });
  await app.ctx.notices.register('zalo', async (n) => void notices.push(n));
});
afterAll(async () => {
  await app?.dispose();
});

describe(`decisions answered by number (${TEST_DIALECT})`, () => {
  it('never lets a chat ask for the administrator role', async () => {
    for (const text of ['/dangky quantri', '/dangky admin', '/dangky quản trị']) {
      const r = await send(groupB, 'mallory', text);
      expect(r.status).toBe('user_error');
      expect(plain(r)).toContain(TEXT.adminNotForChats);
    }
    expect(notices).toHaveLength(0);
    // An administrator cannot bind a chat as administrator either.
    const gan = await send(ADMIN, 'adminz', '/gan zalo:groupB quantri');
    expect(plain(gan)).toContain(TEXT.adminNotForChats);
    expect(await activeBinding(app.store, { platform: 'zalo', chatId: 'groupB' })).toBeNull();
  });

  it('with two requests waiting, a bare "1" approves neither and asks which, by code', async () => {
    const a = codeOf(await send(groupA, 'alice', '/dangky xa Thượng Cốc'));
    const b = codeOf(await send(groupB, 'mallory', '/dangky lanhdao'));
    expect(notices.map((n) => n.chatId)).toEqual(['adminz', 'adminz']);
    const r = await send(ADMIN, 'adminz', '1');
    expect(r.status).toBe('user_error');
    const text = plain(r);
    expect(text).toContain(a);
    expect(text).toContain(b);
    expect(text).toContain(`/duyet ${a}`);
    expect(await activeBinding(app.store, { platform: 'zalo', chatId: 'groupA' })).toBeNull();
    expect(await activeBinding(app.store, { platform: 'zalo', chatId: 'groupB' })).toBeNull();

    // Answering the notice itself (a reply that quotes it) is unambiguous.
    const quoted = plain(notices[1]!.reply);
    const rejected = await send(ADMIN, 'adminz', '2', { replyTo: { fromBot: true, text: quoted } });
    expect(plain(rejected)).toContain(b);
    expect(await activeBinding(app.store, { platform: 'zalo', chatId: 'groupB' })).toBeNull();

    // One decision left: "1" approves it, and says exactly what it approved.
    const approved = await send(ADMIN, 'adminz', '1');
    const said = plain(approved);
    expect(said).toContain(a);
    expect(said).toContain('"Hỗ trợ xã" (zalo:groupA)');
    expect(said).toContain('nhóm xã, phường');
    expect(said).toContain('xã Thượng Cốc');
    expect((await activeBinding(app.store, { platform: 'zalo', chatId: 'groupA' }))?.role).toBe('commune');
    const audit = await latestAudit(app.store, 5);
    expect(audit.find((e) => e.action === 'registration_approved')).toMatchObject({ actor: 'zalo:adminz', chat: 'zalo:groupA' });
    expect(audit.find((e) => e.action === 'registration_rejected')).toMatchObject({ actor: 'zalo:adminz', chat: 'zalo:groupB' });

    // Nothing left to decide: a bare number is not read as a decision.
    const none = await send(ADMIN, 'adminz', '1');
    expect(await activeBinding(app.store, { platform: 'zalo', chatId: 'groupB' })).toBeNull();
    expect(none.status).toBe('user_error');
  });

  it('a group bound as administrator by an earlier version has no administrator rights', async () => {
    await app.store.sql.run(
      "INSERT INTO chat_binding (platform, chat_id, chat_title, is_group, role, unit_id, bound_by, bound_at) VALUES ('zalo', 'old-admin-group', NULL, ?, 'admin', NULL, 'old', ?)",
      [true, new Date()],
    );
    const r = await send({ platform: 'zalo', id: 'old-admin-group', kind: 'group' }, 'x', '/quahan');
    expect(r.status).toBe('denied');
  });
});
