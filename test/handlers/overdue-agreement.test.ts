/**
 * One overdue rule: the "Quá hạn" count that /xa shows under "Đang giải quyết" is the
 * length of the list /quahan gives for the same commune, on the demo store and on a store
 * of random dossiers (paused, late-closed, without due date, due today…); and at any past
 * instant the counts and the lists of the data layer agree too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossiers } from '../../src/data/dossier-writer.js';
import { overdueByCommune, overdueDossiers } from '../../src/data/overdue.js';
import { loadDemoCatalog } from '../../src/demo/load.js';
import { Rng } from '../../src/demo/rng.js';
import { Channel, Status, type ChannelCode, type DossierRecord, type StatusCode } from '../../src/domain/dossier.js';
import { dayOf, endOfDayInstant, startOfDayInstant } from '../../src/time/day.js';
import { ask, fieldAfter, plain } from '../helpers/ask.js';
import { DEMO_NOW, openTestApp, TEST_DIALECT } from '../helpers/store.js';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

const OPEN_STATUSES: StatusCode[] = [Status.registered, Status.received, Status.processing, Status.supplementRequested, Status.financialObligation, Status.stopped];

/** Random dossiers of the given communes, received over the 200 days before `now`. */
function randomDossiers(rng: Rng, communeIds: number[], sectorIds: number[], now: Date, n: number): DossierRecord[] {
  const today = dayOf(now);
  const out: DossierRecord[] = [];
  for (let i = 0; i < n; i++) {
    const day = today - rng.int(0, 200);
    const receivedAt = new Date(startOfDayInstant(day).getTime() + rng.int(1, 9) * 3_600_000);
    const dueDay = day + rng.pick([0, 1, 2, 5, 10, 15, 30]);
    const dueAt = rng.chance(0.05) ? null : new Date(startOfDayInstant(dueDay).getTime() + 10 * 3_600_000);
    const closedAt = new Date(receivedAt.getTime() + rng.int(1, 40 * 24) * 3_600_000);
    const open = closedAt.getTime() > now.getTime() || rng.chance(0.3);
    const status: StatusCode = open ? rng.pick(OPEN_STATUSES) : rng.pick([Status.processed, Status.returned, Status.refused, Status.withdrawn]);
    out.push({
      code: `R-${String(i).padStart(6, '0')}`,
      communeId: rng.pick(communeIds),
      sectorId: rng.chance(0.1) ? null : rng.pick(sectorIds),
      channel: rng.pick([Channel.online, Channel.direct, Channel.postal]) as ChannelCode,
      receivedAt,
      dueAt,
      processedAt: open ? null : closedAt,
      returnedAt: open ? null : closedAt,
      status,
      supplementCount: 0,
      supplementDays: 0,
    });
  }
  return out;
}

/** /xa's overdue count and /quahan's list length for every commune of the store. */
async function expectXaEqualsQuahan(app: TestApp): Promise<number> {
  const communes = await app.store.sql.all<{ code: string }>('SELECT code FROM commune ORDER BY code');
  expect(communes.length).toBeGreaterThan(5);
  let overdueSeen = 0;
  for (const { code } of communes) {
    const xa = await ask(app, `/xa ${code}`);
    expect(xa.status, plain(xa)).toBe('ok');
    const count = fieldAfter(xa, /^Đang giải quyết/, 'Quá hạn');
    const list = await ask(app, `/quahan ${code}`);
    expect(list.status, plain(list)).toBe('ok');
    const total = /: ([\d.]+) hồ sơ\./.exec(plain(list))?.[1];
    expect(total, `commune ${code}: /xa says ${count}, /quahan says ${total}`).toBe(count);
    overdueSeen += Number(count!.replace(/\./g, ''));
  }
  return overdueSeen;
}

/** A store with the demo units and 6,000 random dossiers, as of DEMO_NOW. */
async function openRandomStore(): Promise<TestApp> {
  const app = await openTestApp({ demo: false });
  await loadDemoCatalog(app.store);
  const sectorIds = (await app.store.sql.all<{ id: unknown }>('SELECT id FROM sector')).map((r) => Number(r.id));
  await writeDossiers(app.store, randomDossiers(new Rng(20_250_701), await communeIdsOf(app), sectorIds, DEMO_NOW, 6_000), null, DEMO_NOW);
  return app;
}

async function communeIdsOf(app: TestApp): Promise<number[]> {
  return (await app.store.sql.all<{ id: unknown }>('SELECT id FROM commune ORDER BY id')).map((r) => Number(r.id));
}

describe.each([
  ['the demo store', () => openTestApp()],
  ['a random store', openRandomStore],
])(`/xa's overdue count equals /quahan's list on %s (${TEST_DIALECT})`, (_name, open) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await open();
  }, 120_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('for every commune', async () => {
    expect(await expectXaEqualsQuahan(app)).toBeGreaterThan(0);
  }, 120_000);

  it("and the data layer's counts equal its lists, now and at the end of random past days", async () => {
    const communeIds = await communeIdsOf(app);
    const rng = new Rng(5);
    const moments = [{ at: DEMO_NOW, live: true }];
    for (let i = 0; i < 10; i++) moments.push({ at: endOfDayInstant(dayOf(DEMO_NOW) - rng.int(1, 200)), live: false });
    for (const m of moments) {
      const counts = await overdueByCommune(app.store, communeIds, m.at, m.live);
      for (const id of communeIds) {
        const list = await overdueDossiers(app.store, [id], null, m.at, m.live);
        expect(list.length, `commune ${id} at ${m.at.toISOString()}`).toBe(counts.get(id));
      }
    }
  });
});
