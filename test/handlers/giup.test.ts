/**
 * /giup fits one message on every platform (Zalo's 2,000 characters) however many commands
 * the bot has, lists each command once, and /giup <lệnh> shows how to write one command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloRenderer } from '../../src/bot/zalo/renderer.js';
import { COMMANDS } from '../../src/handlers/index.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

describe(`/giup (${TEST_DIALECT})`, () => {
  it('fits one Zalo message and names every command that is not an administrator’s', async () => {
    const out = plain(await ask(app, '/giup'));
    expect(out.length).toBeLessThan(2_000);
    for (const c of COMMANDS.filter((c) => c.access !== 'admin')) expect(out).toContain(`/${c.name}`);
    expect(out).toContain('/giup xa');
  });

  it('fits one message of Zalo’s, in plain text and in markdown, for an unregistered group and for an administrator', async () => {
    const group = { platform: 'zalo' as const, id: 'g-help', kind: 'group' as const };
    for (const r of [await ask(app, '/giup', group), await ask(app, '/giup'), await ask(app, '/khongco', group)]) {
      expect(new ZaloRenderer().render(r)).toHaveLength(1);
      expect(new ZaloRenderer({ markdown: true }).render(r)).toHaveLength(1);
    }
  });

  it('/giup xã shows how to write /xa with every example and its other names', async () => {
    const out = plain(await ask(app, '/giup xã'));
    const xa = COMMANDS.find((c) => c.name === 'xa')!;
    expect(out).toContain(xa.usage);
    for (const e of xa.examples) expect(out).toContain(e);
    expect(out).toContain('/phường');
  });

  it('/giup of a command that does not exist says so and how to ask', async () => {
    const r = await ask(app, '/giup khongco');
    expect(r.status).toBe('user_error');
    expect(plain(r)).toMatch(/Không có lệnh \/khongco[\s\S]*\/giup <lệnh>/);
  });
});
