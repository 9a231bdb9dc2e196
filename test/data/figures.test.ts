/**
 * The pre-aggregated figures must equal the figures computed from the dossiers themselves,
 * for any period, after any sequence of writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionOf, Status, type DossierRecord } from '../../src/domain/dossier.js';
import { rebuildFigures, writeDossiers } from '../../src/data/dossier-writer.js';
import { dossierFromRow, type DossierRow } from '../../src/data/dossier-row.js';
import { emptyFigures, figuresByCommune, segmentsOf, type PeriodFigures } from '../../src/data/figures.js';
import { overdueByCommune } from '../../src/data/overdue.js';
import { closedAtOf } from '../../src/domain/dossier.js';
import { endOfDayInstant } from '../../src/time/day.js';
import { COUNT_COLUMNS } from '../../src/data/figure-counts.js';
import { Rng } from '../../src/demo/rng.js';
import { addDays, dayFromYmd, startOfMonthDay } from '../../src/time/day.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

/** The reference: the same figures by scanning every dossier. */
function bruteForce(dossiers: DossierRecord[], communeId: number, from: number, to: number): PeriodFigures {
  const f = emptyFigures();
  const ch = (c: number) => (c === 2 ? 'online' : c === 1 ? 'direct' : 'postal') as 'online' | 'direct' | 'postal';
  for (const d of dossiers) {
    if (d.communeId !== communeId) continue;
    const c = contributionOf(d);
    if (c.receivedDay < from && (c.closedDay === null || c.closedDay >= from)) f.carriedOver[ch(d.channel)]++;
    if (c.receivedDay >= from && c.receivedDay <= to) f.newlyReceived[ch(d.channel)]++;
    if (c.closedDay !== null && c.closedDay >= from && c.closedDay <= to) {
      if (c.outcome === 'early') f.resolved.early++;
      if (c.outcome === 'on_time') f.resolved.onTime++;
      if (c.outcome === 'late') f.resolved.late++;
      if (c.outcome === 'refused') f.refused++;
      if (c.outcome === 'withdrawn') f.withdrawn++;
      if (c.inTime766) f.resolved.inTime766++;
    }
  }
  for (const k of ['carriedOver', 'newlyReceived'] as const) f[k].total = f[k].online + f[k].direct + f[k].postal;
  f.received = {
    online: f.carriedOver.online + f.newlyReceived.online,
    direct: f.carriedOver.direct + f.newlyReceived.direct,
    postal: f.carriedOver.postal + f.newlyReceived.postal,
    total: f.carriedOver.total + f.newlyReceived.total,
  };
  f.resolved.total = f.resolved.early + f.resolved.onTime + f.resolved.late;
  f.inProgress = f.received.total - f.resolved.total - f.refused - f.withdrawn;
  return f;
}

async function allDossiers(): Promise<DossierRecord[]> {
  const rows = await app.store.sql.all<DossierRow>(
    'SELECT code, commune_id, sector_id, channel, received_at, due_at, processed_at, returned_at, status, supplement_count, supplement_days FROM dossier',
  );
  return rows.map(dossierFromRow);
}

async function counterTables(): Promise<string> {
  const out: string[] = [];
  for (const t of ['figure_day', 'figure_month']) {
    const rows = await app.store.sql.all<Record<string, unknown>>(`SELECT commune_id, day, ${COUNT_COLUMNS.join(', ')} FROM ${t} ORDER BY commune_id, day`);
    for (const r of rows) if (COUNT_COLUMNS.some((c) => Number(r[c]) !== 0)) out.push(`${t}|${COUNT_COLUMNS.map((c) => Number(r[c])).join(',')}|${r.commune_id}|${r.day}`);
  }
  return out.join('\n');
}

describe('segmentsOf', () => {
  it('covers a period exactly once with whole months in the middle', () => {
    const from = dayFromYmd(2025, 7, 15);
    const to = dayFromYmd(2025, 10, 3);
    const segs = segmentsOf(from, to, 1);
    expect(segs.map((s) => s.table)).toEqual(['figure_day', 'figure_month', 'figure_day']);
    expect(segs[0]).toMatchObject({ from, to: dayFromYmd(2025, 7, 31) });
    expect(segs[1]).toMatchObject({ from: dayFromYmd(2025, 8, 1), to: dayFromYmd(2025, 9, 30) });
    expect(segs[2]).toMatchObject({ from: dayFromYmd(2025, 10, 1), to });
  });
  it('uses days only for a period inside one month', () => {
    expect(segmentsOf(dayFromYmd(2025, 7, 1), dayFromYmd(2025, 7, 28), 1).map((s) => s.table)).toEqual(['figure_day']);
    expect(segmentsOf(dayFromYmd(2025, 7, 1), dayFromYmd(2025, 7, 31), 1).map((s) => s.table)).toEqual(['figure_month']);
  });
});

describe(`figures from counters equal figures from dossiers (${TEST_DIALECT})`, () => {
  it('for random periods and every demo commune', async () => {
    const dossiers = await allDossiers();
    const communes = [...new Set(dossiers.map((d) => d.communeId))];
    const rng = new Rng(7);
    const start = dayFromYmd(2025, 6, 20);
    for (let i = 0; i < 25; i++) {
      const from = start + rng.int(0, 480);
      const to = from + rng.int(0, 200);
      const got = await figuresByCommune(app.store, communes, from, to);
      for (const id of communes) expect(got.get(id), `commune ${id} ${from}..${to}`).toEqual(bruteForce(dossiers, id, from, to));
    }
  });

  it('counts dossiers overdue at the end of any past day exactly', async () => {
    const dossiers = await allDossiers();
    const communes = [...new Set(dossiers.map((d) => d.communeId))];
    const rng = new Rng(3);
    for (let i = 0; i < 15; i++) {
      const at = endOfDayInstant(dayFromYmd(2025, 7, 1) + rng.int(0, 500));
      const got = await overdueByCommune(app.store, communes, at, false);
      for (const id of communes) {
        const expected = dossiers.filter((d) => {
          const closed = closedAtOf(d);
          return d.communeId === id && d.dueAt !== null && d.dueAt < at && (closed === null || closed > at);
        }).length;
        expect(got.get(id), `commune ${id} at ${at.toISOString()}`).toBe(expected);
      }
    }
  });

  it('stays exact through updates, re-writes and status changes, as a full rebuild shows', async () => {
    const dossiers = await allDossiers();
    const rng = new Rng(11);
    const changed = dossiers.slice(0, 3_000).map((d) => {
      const x = rng.next();
      if (x < 0.3) return { ...d, status: Status.withdrawn, returnedAt: new Date(d.receivedAt.getTime() + 86_400_000), processedAt: null };
      if (x < 0.6) return { ...d, channel: (d.channel === 2 ? 1 : 2) as 1 | 2 };
      if (x < 0.8) return { ...d, receivedAt: new Date(d.receivedAt.getTime() - 40 * 86_400_000) };
      return d;
    });
    const r1 = await writeDossiers(app.store, changed, null);
    expect(r1.inserted).toBe(0);
    expect(r1.updated + r1.unchanged).toBe(changed.length);
    const again = await writeDossiers(app.store, changed, null);
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: changed.length });
    const incremental = await counterTables();
    await rebuildFigures(app.store);
    expect(await counterTables()).toEqual(incremental);
    // And a month straddling the changes still adds up.
    const from = startOfMonthDay(dayFromYmd(2025, 9, 10));
    const all = await allDossiers();
    const ids = [...new Set(all.map((d) => d.communeId))];
    const got = await figuresByCommune(app.store, ids, from, addDays(from, 45));
    for (const id of ids) expect(got.get(id)).toEqual(bruteForce(all, id, from, addDays(from, 45)));
  });
});
