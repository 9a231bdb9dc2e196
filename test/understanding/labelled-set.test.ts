import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { hasDiacritics } from '../../src/names/keys.js';
import { dayOf } from '../../src/time/day.js';
import { ABBREVIATIONS } from '../../src/understanding/lexicon.js';
import { foldWord } from '../../src/understanding/tokens.js';
import { understand, type Understanding } from '../../src/understanding/understand.js';
import { ask } from '../helpers/ask.js';
import { openTestApp } from '../helpers/store.js';
import { QUESTIONS, type Expected, type Row } from './questions.js';

/** What an understanding is, in the labels of the set. */
function labelOf(u: Understanding): Expected | string {
  switch (u.kind) {
    case 'command':
      return `/${u.command}${u.args ? ` ${u.args}` : ''}`;
    case 'ask':
      return 'ask';
    case 'no_data':
      return 'no data';
    case 'small_talk':
      return 'small talk';
    default:
      // Nothing recognisable, a period the bot does not read, a message too long to read.
      return 'unclear';
  }
}

const hasFigures = (r: Reply) => r.blocks.some((b) => b.kind === 'fields');
const abbreviated = (row: Row) => row.typo === true || row.q.split(/[\s,?!.]+/).some((w) => ABBREVIATIONS.has(foldWord(w)) || /^[tq]\d/i.test(w));

describe('the labelled set of questions in plain Vietnamese', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  let read: (row: Row) => Understanding;
  beforeAll(async () => {
    app = await openTestApp();
    const dir = await app.ctx.directory.get();
    const commands = new Set(app.router.commands.map((c) => c.name));
    const today = dayOf(app.ctx.clock.now());
    read = (row) => understand(row.q, { dir, today, role: row.role ?? null, commands });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('is large and varied enough: ≥ 300 rows, a third without diacritics, a fifth with typos or abbreviations, every command', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(300);
    const plain = QUESTIONS.filter((row) => /\p{L}/u.test(row.q) && !hasDiacritics(row.q)).length;
    expect(plain * 3).toBeGreaterThanOrEqual(QUESTIONS.length);
    expect(QUESTIONS.filter(abbreviated).length * 5).toBeGreaterThanOrEqual(QUESTIONS.length);
    const wanted = new Set(QUESTIONS.map((row) => (row.want.startsWith('/') ? row.want.split(' ')[0] : row.want)));
    for (const w of ['/xa', '/quahan', '/tongquan', '/xephang', '/to', '/capnhat', '/giup', 'ask', 'no data', 'small talk']) expect(wanted, w).toContain(w);
  });

  it('when each question is read, then it becomes the command it is labelled with (every row)', () => {
    const misread = QUESTIONS.map((row) => ({ row, got: labelOf(read(row)) })).filter(({ row, got }) => got !== row.want);
    const score = (QUESTIONS.length - misread.length) / QUESTIONS.length;
    process.stdout.write(`labelled set: ${QUESTIONS.length - misread.length}/${QUESTIONS.length} read as labelled (${(score * 100).toFixed(1)} %)\n`);
    expect(misread.map(({ row, got }) => `${row.q} → ${got} (want ${row.want})`)).toEqual([]);
  });

  it('when a question is answered, then the reply starts with how it was read, and a question labelled "ask", "no data" or "unclear" gets no figures', async () => {
    for (const row of QUESTIONS) {
      if (row.role) continue;
      const reply = await ask(app, row.q);
      if (row.want.startsWith('/')) {
        expect(reply.blocks[0], row.q).toEqual({ kind: 'text', text: `Hiểu là: ${row.want}` });
      } else {
        expect(hasFigures(reply), row.q).toBe(false);
        if (row.want === 'ask') expect(reply.choices?.options.length, row.q).toBeGreaterThan(0);
      }
    }
  });
});
