import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { dayOf } from '../../src/time/day.js';
import { understand } from '../../src/understanding/understand.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp } from '../helpers/store.js';

const hasFigures = (r: Reply) => r.blocks.some((b) => b.kind === 'fields');

/** Messages nobody should write, each with whether figures may come back. */
const BAD: [name: string, text: string, figures: boolean][] = [
  ['5,000 characters', 'thượng cốc '.repeat(455), false],
  ['5,000 letters without a space', 'a'.repeat(5_000), false],
  ['only emoji', '🏛️🎉😀👍🏻🇻🇳', false],
  ['only zero-width and direction marks', '\u200B\u200C\u200D\u200E\u200F\u202E\u2066\uFEFF', false],
  ['right-to-left text', 'مرحبا كم عدد الملفات', false],
  ['mixed scripts without a name', 'Привет 你好 ສະບາຍດີ', false],
  ['SQL', "'; DROP TABLE dossier; --", false],
  ['SQL with a union', '1 UNION SELECT * FROM audit_log', false],
  ['HTML', '<script>alert(1)</script>', false],
  ['a template', '${process.env.TELEGRAM_BOT_TOKEN} {{7*7}}', false],
  ['two communes and two periods', 'thượng cốc và yên phú tháng 7 và tháng 8', false],
  ['two periods only', 'tháng 7 hay tháng 8', false],
  ['control characters', '\u0000\u0001\u0007\u001b[31m', false],
  ['a lone surrogate', 'thượng \uD800 cốc', true],
  ['a name hidden by zero-width spaces and an RTL override', 'thượng\u200Bcốc\u202E tháng\u202C 7/2025', true],
  ['a name in mixed scripts', 'Thượng Cốc 上谷 ثلاثة tháng 7/2025', true],
  ['HTML around a name', '<b>yên phú</b> quý 3/2025', true],
  ['a phone number and an ID', 'xã yên phú 0912 345 678 001203004567', false],
];

describe('bad input to the question reader', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  beforeAll(async () => {
    app = await openTestApp();
  });
  afterAll(async () => {
    await app?.dispose();
  });

  for (const [name, text, figures] of BAD) {
    it(`when a message is ${name}, then a short sane reply${figures ? '' : ' without figures'}, never a crash`, async () => {
      const r = await ask(app, text);
      expect(r.status).not.toBe('denied');
      const shown = plain(r);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).not.toMatch(/Error|at \w+ \(|undefined|NaN|\[object/);
      expect(shown).not.toContain('0912');
      if (!figures) {
        expect(hasFigures(r)).toBe(false);
        expect(shown.length).toBeLessThan(600);
      }
    });
  }

  it('when 2,000 random strings are read, then the reader never throws and always answers', async () => {
    const dir = await app.ctx.directory.get();
    const ctx = { dir, today: dayOf(app.ctx.clock.now()), role: null, commands: new Set(app.router.commands.map((c) => c.name)) };
    const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạ0123456789 /-.&@%?!<>"\'\u200B\u202E😀上ب';
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2_000; i++) {
      const len = 1 + rand(120);
      let s = '';
      for (let k = 0; k < len; k++) s += alphabet[rand(alphabet.length)];
      expect(() => understand(s, ctx)).not.toThrow();
    }
  });
});
