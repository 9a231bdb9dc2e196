/** /capnhat on a store with no import yet, and after a file import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { importDossiers } from '../../src/import/dossiers/import-dossiers.js';
import { importUnits } from '../../src/import/units/import-units.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';
import { dossierCsv, tempDir } from './fixtures.js';

const tmp = tempDir();
let app: App & { dispose(): Promise<void> };
beforeAll(async () => {
  app = await openTestApp({ demo: false, now: new Date('2026-01-10T03:00:00Z'), env: { STALE_AFTER_HOURS: '24' } });
});
afterAll(async () => {
  await app?.dispose();
  tmp.cleanup();
});

describe(`/capnhat (${TEST_DIALECT})`, () => {
  it('says when nothing has been imported', async () => {
    const text = plain(await ask(app, '/capnhat'));
    expect(text).toContain('Chưa có lần nhập số liệu nào.');
    expect(text).toContain('Chưa có số liệu.');
  });

  it('lists the latest imports with when, what, the source and the counts; warns when the figures are stale', async () => {
    const units = ['code,name,type,province_code,province_name,merged_from_codes', '05293,Thượng Cốc,xã,25,Phú Thọ,05284:Xã Văn Sơn'].join('\n');
    await importUnits(app.store, tmp.file('don-vi.csv', units), { now: new Date('2026-01-08T01:00:00Z') });
    await importDossiers(app.store, tmp.file('ho-so.csv', dossierCsv([{ code: 'K-1' }, { code: 'K-2', status: '0' }])), { now: new Date('2026-01-08T02:15:00Z') });
    const text = plain(await ask(app, '/capnhat'));
    expect(text).toContain('08/01/2026 09:15 · hồ sơ · ho-so.csv: thêm 1, cập nhật 0, không đổi 0, từ chối 1');
    expect(text).toContain('08/01/2026 08:00 · danh sách đơn vị · don-vi.csv: thêm 1, cập nhật 0, không đổi 0, từ chối 0');
    expect(text.indexOf('ho-so.csv')).toBeLessThan(text.indexOf('don-vi.csv'));
    expect(text).toContain('Số liệu cập nhật: 08/01/2026 09:15');
    expect(text).toContain('⚠ Số liệu đã hơn 24 giờ chưa được cập nhật, có thể đã cũ.');
  });
});
