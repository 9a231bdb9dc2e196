/**
 * Who may see what: every role against every command, on the demo store. A commune chat
 * never receives another commune's dossier codes; a department chat only its sectors'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActAs } from '../../src/access/access.js';
import type { Role } from '../../src/access/roles.js';
import type { Reply } from '../../src/core/reply.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
const ids = { commune: 0, otherCommune: 0, department: 0, group: 0, province: 0 };

beforeAll(async () => {
  app = await openTestApp();
  const p = app.store.prisma;
  ids.commune = (await p.commune.findUniqueOrThrow({ where: { code: '05293' } })).id;
  ids.otherCommune = (await p.commune.findUniqueOrThrow({ where: { code: '05305' } })).id;
  ids.province = (await p.province.findUniqueOrThrow({ where: { code: '25' } })).id;
  ids.department = (await p.department.findFirstOrThrow({ where: { provinceId: ids.province, code: 'NNMT' } })).id;
  ids.group = (await p.workingGroup.findFirstOrThrow({ where: { provinceId: ids.province, number: 7 } })).id;
});
afterAll(async () => {
  await app?.dispose();
});

type Who = 'unregistered' | Role;
const actAs = (who: Who): ActAs => {
  switch (who) {
    case 'unregistered':
      return { role: null, unitId: null, isAdmin: false };
    case 'commune':
      return { role: 'commune', unitId: ids.commune, isAdmin: false };
    case 'department':
      return { role: 'department', unitId: ids.department, isAdmin: false };
    case 'working_group':
      return { role: 'working_group', unitId: ids.group, isAdmin: false };
    case 'leader':
      return { role: 'leader', unitId: ids.province, isAdmin: false };
    case 'admin':
      return { role: 'admin', unitId: null, isAdmin: true };
  }
};

async function as(who: Who, text: string): Promise<Reply> {
  const r = await app.router.handle({
    text,
    chat: { platform: 'console', id: `matrix-${who}`, kind: 'group' },
    user: { id: `u-${who}` },
    addressed: true,
    actAs: actAs(who),
  });
  if (!r) throw new Error('no reply');
  return r;
}

const WHO: Who[] = ['unregistered', 'commune', 'department', 'working_group', 'leader', 'admin'];
// y = answered, d = denied. Columns follow WHO.
const MATRIX: [string, string][] = [
  ['/giup', 'yyyyyy'],
  ['/xa Yên Phú', 'dyyyyy'],
  ['/tongquan', 'dyyyyy'],
  ['/xephang đúng hạn', 'dyyyyy'],
  ['/bieudo đúng hạn', 'dyyyyy'],
  ['/baocaotuan', 'dyyyyy'],
  ['/to 7', 'dyyyyy'],
  ['/quahan', 'dyyyyy'],
  ['/quahan Yên Phú', 'ddydyy'],
  ['/quahan Thanh Ba', 'ddyyyy'],
  ['/nhatky', 'dddddy'],
  ['/dsnhom', 'dddddy'],
  ['/duyet', 'dddddy'],
  ['/thuhoi console:khongco', 'ddddd-'],
  ['/gan console:matrix-x xa Thượng Cốc', 'dddddy'],
];

describe(`permissions: roles × commands (${TEST_DIALECT})`, () => {
  for (const [command, row] of MATRIX) {
    WHO.forEach((who, i) => {
      const expected = row[i];
      if (expected === '-') return;
      it(`${who} ${expected === 'y' ? 'may' : 'may not'} run ${command}`, async () => {
        const r = await as(who, command);
        if (expected === 'y') expect(r.status, plain(r)).not.toBe('denied');
        else {
          expect(r.status).toBe('denied');
          expect(plain(r).split('\n')).toHaveLength(1);
          expect(plain(r)).not.toMatch(/H44\.|\d+ hồ sơ/);
        }
      });
    });
  }

  it('a commune chat never receives another commune\'s dossier codes, whatever it asks', async () => {
    const own = '05293';
    const asks = ['/quahan', '/quahan 2', '/quahan 3', '/quahan Thượng Cốc', '/quahan Yên Phú', '/quahan đất đai', '/quahan Sở Tư pháp', '/quahan 05305', '/quahan Sở Nông nghiệp và Môi trường'];
    let seen = 0;
    for (const text of asks) {
      const out = plain(await as('commune', text));
      for (const m of out.matchAll(/H44\.(\d{5})-/g)) {
        seen++;
        expect(m[1], `${text} showed ${m[0]}`).toBe(own);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('a department chat lists only dossiers of its own sectors', async () => {
    const sectors = await app.store.prisma.sector.findMany({ where: { departmentId: ids.department } });
    const own = new Set(sectors.map((s) => s.name));
    const r = await as('department', '/quahan');
    const headings = r.blocks.flatMap((b) => (b.kind === 'list' && b.heading ? [b.heading] : []));
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(own.has(h.split(' · ')[1]!.replace(/ \(\d+\)$/, ''))).toBe(true);
    expect((await as('department', '/quahan hộ tịch')).status).toBe('denied');
  });

  it('a working group chat lists only its communes', async () => {
    const members = new Set(['08152', '08173', '08203', '08209', '08218', '08227']);
    const out = plain(await as('working_group', '/quahan'));
    for (const m of out.matchAll(/H44\.(\d{5})-/g)) expect(members.has(m[1]!)).toBe(true);
    expect((await as('working_group', '/quahan Thượng Cốc')).status).toBe('denied');
  });

  it('a chat\'s defaults follow its role', async () => {
    expect(plain(await as('commune', '/xa'))).toContain('Xã Thượng Cốc (Phú Thọ)');
    expect(plain(await as('working_group', '/to'))).toContain('Tổ công tác số 7');
    expect(plain(await as('department', '/quahan'))).toContain('Sở Nông nghiệp và Môi trường');
    expect(plain(await as('commune', '/quahan'))).toContain('xã Thượng Cốc');
  });

  it('an unregistered chat gets help with a polite explanation of how to register', async () => {
    const out = plain(await as('unregistered', '/giup'));
    expect(out).toContain('/dangky xa <tên xã>');
    const denied = plain(await as('unregistered', '/xa Thượng Cốc'));
    expect(denied).toContain('chưa đăng ký');
    expect(denied).toContain('/dangky');
  });

  it('denied commands are audited', async () => {
    await as('commune', '/nhatky');
    const last = await app.store.prisma.auditEntry.findFirstOrThrow({ where: { action: 'denied' }, orderBy: { id: 'desc' } });
    expect(last.detail).toBe('/nhatky (not_admin)');
    expect(last.chat).toBe('console:matrix-commune');
  });
});

describe(`PUBLIC_AGGREGATES (${TEST_DIALECT})`, () => {
  it('lets an unregistered chat see aggregates but never dossier lists', async () => {
    const pub = await openTestApp({ env: { PUBLIC_AGGREGATES: 'true' } });
    try {
      const chat = { platform: 'telegram' as const, id: '-555', kind: 'group' as const };
      expect((await ask(pub, '/xa Thượng Cốc', chat)).status).toBe('ok');
      expect((await ask(pub, '/tongquan', chat)).status).toBe('ok');
      expect((await ask(pub, '/quahan', chat)).status).toBe('denied');
    } finally {
      await pub.dispose();
    }
  });
});
