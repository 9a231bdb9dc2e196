/**
 * What the store keeps about each import and who may read it: file names are masked
 * before they are stored and shown only to administrators in their private chat; a failed
 * import says exactly what it kept; a run left "running" by a dead process is marked
 * interrupted at the next start and shown as such.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/log.js';
import { bindChat } from '../../src/access/bindings.js';
import type { ChatRef } from '../../src/core/request.js';
import { markInterruptedImports, startImportRun } from '../../src/data/imports.js';
import { importDossiers } from '../../src/import/dossiers/import-dossiers.js';
import { summaryLines } from '../../src/import/report.js';
import { plain } from '../helpers/ask.js';
import { openTestApp, openTestStore, TEST_DIALECT } from '../helpers/store.js';
import { dossierCsv, IMPORT_NOW, tempDir } from './fixtures.js';

const tmp = tempDir();
const ADMIN = '900';
const GROUP: ChatRef = { platform: 'telegram', id: '-100777', kind: 'group', title: 'Lãnh đạo tỉnh' };
const ADMIN_PRIVATE: ChatRef = { platform: 'telegram', id: ADMIN, kind: 'private' };

let app: App & { dispose(): Promise<void> };
beforeAll(async () => {
  app = await openTestApp({ now: IMPORT_NOW, env: { ADMIN_IDS: `telegram:${ADMIN}` } });
  const province = await app.store.sql.get<{ id: unknown }>("SELECT id FROM province WHERE code = '25'");
  await bindChat(app.store, { platform: 'telegram', chatId: GROUP.id, chatTitle: GROUP.title!, isGroup: true }, 'leader', Number(province!.id), 'test', IMPORT_NOW);
});
afterAll(async () => {
  await app?.dispose();
  tmp.cleanup();
});

async function say(text: string, chat: ChatRef, user = 'u-1'): Promise<string> {
  const r = await app.router.handle({ text, chat, user: { id: user, name: 'Cán bộ' }, addressed: true });
  if (!r) throw new Error(`no reply to ${text}`);
  return plain(r);
}

describe(`import runs as recorded and shown (${TEST_DIALECT})`, () => {
  it('when a file name carries a phone number, then it is stored masked, /capnhat shows it only to an administrator in private, and the group sees kind, time and counts', async () => {
    const path = tmp.file('hoso bà Quách Thị Xuyến 0912345678.csv', dossierCsv([{ code: 'RR-1' }]));
    const r = await importDossiers(app.store, path, { now: IMPORT_NOW });
    expect(r.status).toBe('done');
    const stored = await app.store.sql.all<{ source: string }>('SELECT source FROM import_run');
    const sources = stored.map((s) => s.source).join('\n');
    for (const s of ['0912345678', 'Quách', 'Xuyến']) expect(sources).not.toContain(s);
    expect(sources).toContain('hoso bà Q•••• T•• X•••• 09••••••78.csv');

    const group = await say('/capnhat', GROUP);
    expect(group).toContain('10/01/2026 10:00 · hồ sơ: thêm 1, cập nhật 0, không đổi 0, từ chối 0');
    expect(group).not.toContain('.csv');
    // An administrator in the group: the others read the answer too.
    expect(await say('/capnhat', GROUP, ADMIN)).not.toContain('.csv');

    const admin = await say('/capnhat', ADMIN_PRIVATE, ADMIN);
    expect(admin).toContain('10/01/2026 10:00 · hồ sơ · hoso bà Q•••• T•• X•••• 09••••••78.csv: thêm 1, cập nhật 0, không đổi 0, từ chối 0');
  });

  it('when an import fails after some batches were written, then the report says how many rows were kept and to run the same file again', async () => {
    const good = Array.from({ length: 5 }, (_, i) => ({ code: `KEPT-${i}` }));
    const path = tmp.file('cut.csv', `${dossierCsv(good)}H-CUT,05293,HT,"Hộ tị`);
    const r = await importDossiers(app.store, path, { now: IMPORT_NOW, batchSize: 2 });
    expect(r.status).toBe('failed');
    const text = summaryLines(r).join('\n');
    expect(text).toContain('Đã ghi 4 dòng đầu; chạy lại cùng tệp để hoàn tất');
    const kept = await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM dossier WHERE code LIKE 'KEPT-%'");
    expect(Number(kept!.n)).toBe(4);
  });

  it('when a run was left running by a process that died, then the next start marks it interrupted and /capnhat shows it', async () => {
    // A process that is surely gone: pid 2^22 + 1 is above Linux's pid_max default range.
    const dead = await startImportRun(app.store, 'dossiers', 'dead.csv', new Date('2026-01-10T02:00:00Z'), { host: 'this', pid: 4_194_305 });
    const alive = await startImportRun(app.store, 'dossiers', 'alive.csv', new Date('2026-01-10T02:30:00Z'));
    const marked = await markInterruptedImports(app.store, IMPORT_NOW, { host: 'this' });
    expect(marked).toBe(1);
    const rows = await app.store.sql.all<{ id: unknown; status: string }>('SELECT id, status FROM import_run WHERE id IN (?, ?) ORDER BY id', [dead, alive]);
    expect(rows.map((x) => x.status)).toEqual(['interrupted', 'running']);
    const admin = await say('/capnhat', ADMIN_PRIVATE, ADMIN);
    expect(admin).toContain('10/01/2026 09:00 · hồ sơ · dead.csv: thêm 0, cập nhật 0, không đổi 0, từ chối 0 (bị gián đoạn)');
    expect(await say('/capnhat', GROUP)).toContain('10/01/2026 09:00 · hồ sơ: thêm 0, cập nhật 0, không đổi 0, từ chối 0 (bị gián đoạn)');
  });

  it('when the bot starts on a store where a killed import on this host left its run running, then the run is marked interrupted', async () => {
    const store = await openTestStore();
    try {
      const id = await startImportRun(store, 'dossiers', 'killed.csv', new Date('2026-01-10T01:00:00Z'), { host: hostname(), pid: 4_194_305 });
      const started = await createApp({ env: parseEnv({ DEMO_DATA: 'false' }), store, clock: fixedClock(IMPORT_NOW), log: silentLogger });
      await started.instance.stop();
      const row = await store.sql.get<{ status: string }>('SELECT status FROM import_run WHERE id = ?', [id]);
      expect(row?.status).toBe('interrupted');
    } finally {
      await store.dispose();
    }
  });
});
