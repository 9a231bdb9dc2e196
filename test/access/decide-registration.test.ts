/**
 * Approving a registration (/duyet) is one use case in src/access/: decide → bind → audit →
 * notify, in one transaction. When any step fails nothing of it stays (the request is still
 * pending, the chat unbound, no audit entry, no notice); two administrators approving at
 * once decide it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeBinding } from '../../src/access/bindings.js';
import { decideRegistration, type DecisionInput } from '../../src/access/decide-registration.js';
import { fileRequest, requestByCode } from '../../src/access/registrations.js';
import { reply } from '../../src/core/reply.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
let communeId: number;
beforeAll(async () => {
  app = await openTestApp({ env: { ADMIN_IDS: 'zalo:adminz' } });
  communeId = Number((await app.store.sql.get<{ id: unknown }>("SELECT id FROM commune WHERE code = '05293'"))!.id);
});
afterAll(async () => {
  await app?.dispose();
});

const count = async (sql: string, params: unknown[] = []) => Number((await app.store.sql.get<{ n: unknown }>(sql, params))!.n);

async function request(chatId: string) {
  const chat = { platform: 'zalo', chatId, chatTitle: 'Hỗ trợ xã', isGroup: true };
  return (await fileRequest(app.store, chat, { id: 'u1', name: 'Cán bộ' }, 'commune', communeId, new Date())).request;
}

const approval = (code: string): DecisionInput => ({
  code,
  approve: true,
  reason: null,
  actor: 'zalo:adminz',
  now: new Date(),
  told: () => reply([{ kind: 'text', text: 'Đã duyệt.' }]),
});

describe(`approving a registration (${TEST_DIALECT})`, () => {
  it('when a step fails, leaves nothing of the decision: still pending, unbound, no audit entry, no notice', async () => {
    const r = await request('atomic');
    const auditBefore = await count('SELECT COUNT(*) AS n FROM audit_entry');
    await app.store.sql.exec('ALTER TABLE audit_entry RENAME TO audit_entry_away');
    try {
      await expect(decideRegistration(app.ctx, approval(r.code))).rejects.toThrow();
    } finally {
      await app.store.sql.exec('ALTER TABLE audit_entry_away RENAME TO audit_entry');
    }
    expect((await requestByCode(app.store, r.code))!.status).toBe('pending');
    expect(await activeBinding(app.store, { platform: 'zalo', chatId: 'atomic' })).toBeNull();
    expect(await count('SELECT COUNT(*) AS n FROM audit_entry')).toBe(auditBefore);
    expect(await count('SELECT COUNT(*) AS n FROM notice WHERE key = ?', [`registration-decided:${r.code}`])).toBe(0);

    // With every step working, the same request is decided, bound, audited and noticed.
    const done = await decideRegistration(app.ctx, approval(r.code));
    expect(done.kind).toBe('decided');
    expect((await activeBinding(app.store, { platform: 'zalo', chatId: 'atomic' }))?.role).toBe('commune');
    expect(await count('SELECT COUNT(*) AS n FROM audit_entry')).toBe(auditBefore + 1);
    expect(await count('SELECT COUNT(*) AS n FROM notice WHERE key = ?', [`registration-decided:${r.code}`])).toBe(1);
  });

  it('two approvals at once decide it once: one binding, one audit entry', async () => {
    const r = await request('twice');
    const results = await Promise.all([decideRegistration(app.ctx, approval(r.code)), decideRegistration(app.ctx, approval(r.code))]);
    expect(results.map((x) => x.kind).sort()).toEqual(['already', 'decided']);
    expect(await count("SELECT COUNT(*) AS n FROM chat_binding WHERE chat_id = 'twice'")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'registration_approved' AND detail LIKE ?", [`${r.code} %`])).toBe(1);
  });
});
