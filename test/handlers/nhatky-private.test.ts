/**
 * /nhatky reads the audit log: chat ids, actors and decisions that a group must not see.
 * Asked in a group, the log goes to the administrator's private chat (through the one
 * notice path) and the group is told where it went.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { audit } from '../../src/access/audit.js';
import type { ChatRef } from '../../src/core/request.js';
import type { Notice } from '../../src/notify/notices.js';
import { plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

const ADMIN = '900';
const GROUP: ChatRef = { platform: 'telegram', id: '-100555', kind: 'group', title: 'Tổ công tác' };
const PRIVATE: ChatRef = { platform: 'telegram', id: ADMIN, kind: 'private' };
const received: Notice[] = [];

let app: App & { dispose(): Promise<void> };
beforeAll(async () => {
  app = await openTestApp({ env: { ADMIN_IDS: `telegram:${ADMIN}` } });
  await app.ctx.notices.register('telegram', async (n) => {
    received.push(n);
  });
  await audit(app.store, { at: new Date('2026-11-20T01:00:00Z'), actor: 'telegram:900', chat: 'telegram:-100999', action: 'bound', detail: 'commune 7' });
});
afterAll(async () => {
  await app?.dispose();
});

async function say(chat: ChatRef, text: string): Promise<string> {
  const r = await app.router.handle({ text, chat, user: { id: ADMIN, name: 'Quản trị' }, addressed: true });
  if (!r) throw new Error(`no reply to ${text}`);
  return plain(r);
}

describe(`/nhatky (${TEST_DIALECT})`, () => {
  it('when an administrator asks in a group, then the log goes to their private chat and the group is told so without any entry', async () => {
    const inGroup = await say(GROUP, '/nhatky');
    expect(inGroup).toContain('Nhật ký đã được gửi vào tin nhắn riêng của quản trị viên');
    expect(inGroup).not.toContain('telegram:-100999');
    const sent = received.filter((n) => n.chatId === ADMIN && !n.isGroup);
    expect(sent).toHaveLength(1);
    expect(plain(sent[0]!.reply)).toContain('telegram:-100999');
    expect(received.some((n) => n.chatId === GROUP.id)).toBe(false);
  });

  it('when an administrator asks in a private chat, then the log is the answer itself', async () => {
    const before = received.length;
    expect(await say(PRIVATE, '/nhatky')).toContain('telegram:-100999');
    expect(received.length).toBe(before);
  });
});
