import { writeDossiers } from '../data/dossier-writer.js';
import { BUMP_FIGURES_VERSION_SQL, newFiguresVersion } from '../data/figure-counts.js';
import { finishImportRun, startImportRun } from '../data/imports.js';
import { getMeta, setMeta } from '../data/meta.js';
import type { Store } from '../data/store.js';
import { WorkingCalendar } from '../time/calendar.js';
import { addDays, dayFromIso, dayOf, startOfDayInstant } from '../time/day.js';
import { loadCalendar } from '../data/calendar.js';
import { parseUnitType } from '../names/prefix.js';
import {
  DEMO_CALENDAR_NOTICES,
  DEMO_COMMUNES,
  DEMO_INDICATORS,
  DEMO_PROVINCES,
  DEMO_RECOMMENDATIONS,
  DEMO_REPORTED_FIGURES,
  DEMO_SECTORS,
  DEMO_SOURCES,
  DEMO_WORKING_GROUPS,
} from './catalog.js';
import { generateDemoDossiers } from './dossiers.js';
import { DEFAULT_DEPARTMENTS } from '../hotline/default-departments.js';
import { saveDepartmentsWithin } from '../hotline/department-store.js';
import { recommendationCode } from '../hotline/codes.js';
import { GROUP_7_TARGET } from './targets.js';

const DEMO_SOURCE = 'Dữ liệu mẫu (demo)';
const META_DEMO_FOR = 'demo_generated_at';
const BATCH = 5_000;

/** Whether the store holds only the demo dataset (so it may be refreshed or replaced). */
async function isDemoOnly(store: Store): Promise<boolean> {
  const other = await store.prisma.importRun.count({ where: { kind: { not: 'demo' } } });
  return other === 0 && (await getMeta(store, META_DEMO_FOR)) !== null;
}

/**
 * Loads the demo dataset into an empty store, or brings the demo dossiers up to `now` when
 * the store holds only demo data generated on an earlier day. Does nothing when the store
 * holds any data of its own. Returns what it did.
 */
export async function ensureDemoData(store: Store, now: Date): Promise<'loaded' | 'refreshed' | 'kept'> {
  const communes = await store.prisma.commune.count();
  if (communes === 0 && (await store.prisma.importRun.count()) === 0) {
    await loadDemoCatalog(store);
    await loadDemoDossiers(store, now);
    return 'loaded';
  }
  const generatedAt = await getMeta(store, META_DEMO_FOR);
  if (generatedAt && (await isDemoOnly(store)) && dayOf(new Date(generatedAt)) < dayOf(now)) {
    await store.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM dossier');
      await tx.run('DELETE FROM figure_day');
      await tx.run('DELETE FROM figure_month');
      await tx.run(BUMP_FIGURES_VERSION_SQL, [newFiguresVersion()]);
    });
    await loadDemoDossiers(store, now);
    return 'refreshed';
  }
  return 'kept';
}

/** Units, departments, sectors, working groups, recommendations and published figures. */
export async function loadDemoCatalog(store: Store): Promise<void> {
  const p = store.prisma;
  const provinceIds = new Map<string, number>();
  for (const pr of DEMO_PROVINCES) {
    const row = await p.province.upsert({ where: { code: pr.code }, update: {}, create: pr });
    provinceIds.set(pr.code, row.id);
  }
  const groupIds = new Map<number, number>();
  for (const g of DEMO_WORKING_GROUPS) {
    const provinceId = provinceIds.get(g.provinceCode)!;
    const row = await p.workingGroup.upsert({
      where: { provinceId_number: { provinceId, number: g.number } },
      update: {},
      create: { provinceId, number: g.number, leaderName: g.leaderName, leaderTitle: g.leaderTitle },
    });
    groupIds.set(g.number, row.id);
  }
  const communeIds = new Map<string, number>();
  for (const c of DEMO_COMMUNES) {
    const row = await p.commune.upsert({
      where: { code: c.code },
      update: {},
      create: {
        code: c.code,
        name: c.name,
        type: 'xa',
        provinceId: provinceIds.get(c.provinceCode)!,
        workingGroupId: groupIds.get(c.workingGroup) ?? null,
        formerUnits: { create: c.formerUnits.map(([code, type, name]) => ({ code, type: parseUnitType(type) ?? type, name, share: 'toàn bộ' })) },
      },
    });
    communeIds.set(c.code, row.id);
  }
  const departmentIds = new Map<string, number>();
  const now = new Date();
  for (const [provinceCode, provinceId] of provinceIds) {
    await store.sql.transaction((tx) => saveDepartmentsWithin(tx, provinceId, DEFAULT_DEPARTMENTS, 'default', now));
    for (const d of await p.department.findMany({ where: { provinceId } })) departmentIds.set(`${provinceCode}:${d.code}`, d.id);
  }
  const phuTho = provinceIds.get('25')!;
  for (const s of DEMO_SECTORS) {
    await p.sector.upsert({
      where: { provinceId_code: { provinceId: phuTho, code: s.code } },
      update: {},
      create: { provinceId: phuTho, code: s.code, name: s.name, departmentId: departmentIds.get(`25:${s.department}`) ?? null },
    });
  }
  for (const r of DEMO_RECOMMENDATIONS) {
    const raisedDay = dayFromIso(r.raisedOn);
    const raisedAt = new Date(startOfDayInstant(raisedDay).getTime() + 10 * 3_600_000);
    const answeredAt = r.answer ? new Date(startOfDayInstant(dayFromIso(r.answer.on)).getTime() + 15 * 3_600_000) : null;
    const leadId = departmentIds.get(`${r.provinceCode}:${r.departments[0]}`)!;
    const created = await p.recommendation.create({
      data: {
        code: `KN-DEMO-${r.key}`,
        provinceId: provinceIds.get(r.provinceCode)!,
        content: r.content,
        raisedAt,
        dueAt: new Date(startOfDayInstant(addDays(raisedDay, r.dueInDays)).getTime() + 17 * 3_600_000),
        status: r.answer ? 'answered' : 'open',
        answer: r.answer?.text ?? null,
        answeredAt,
        source: r.source,
        communes: { create: r.communes.map((code) => ({ communeId: communeIds.get(code)! })) },
        departments: {
          create: r.departments.map((code, i) => ({ departmentId: departmentIds.get(`${r.provinceCode}:${code}`)!, lead: i === 0 })),
        },
        events: {
          create: [
            { at: raisedAt, kind: 'raised', actorName: r.raisedBy, text: null },
            { at: raisedAt, kind: 'routed', departmentId: leadId },
            ...(r.answer && answeredAt ? [{ at: answeredAt, kind: 'answered', departmentId: leadId, text: r.answer.text }] : []),
          ],
        },
      },
    });
    await p.recommendation.update({ where: { id: created.id }, data: { code: recommendationCode(created.id) } });
  }
  const unitOf = (provinceCode: string, communeCode?: string) =>
    communeCode
      ? { unitKind: 'commune', unitId: communeIds.get(communeCode)! }
      : { unitKind: 'province', unitId: provinceIds.get(provinceCode)! };
  for (const f of DEMO_REPORTED_FIGURES) {
    const data = {
      ...unitOf(f.provinceCode, f.communeCode),
      periodFrom: f.from,
      periodTo: f.to,
      metric: f.metric,
      value: f.value,
      qualifier: f.qualifier ?? 'exact',
      source: f.source,
      sourceDate: f.sourceDate,
    };
    await p.reportedFigure.create({ data });
  }
  const g = GROUP_7_TARGET;
  const indicators = [
    ...DEMO_INDICATORS,
    ...g.communeCodes.map((communeCode, i) => ({
      provinceCode: '25',
      communeCode,
      from: g.disbursementFrom,
      to: g.to,
      kind: 'disbursement_rate' as const,
      value: Math.round((g.disbursementMean + g.disbursementSpread[i]!) * 100) / 100,
      source: DEMO_SOURCES.SEED_003,
      sourceDate: g.to,
    })),
  ];
  for (const ind of indicators) {
    await p.indicator.create({
      data: {
        ...unitOf(ind.provinceCode, ind.communeCode),
        periodFrom: ind.from,
        periodTo: ind.to,
        kind: ind.kind,
        value: ind.value ?? null,
        rank: 'rank' in ind ? (ind.rank ?? null) : null,
        rankOf: 'rankOf' in ind ? (ind.rankOf ?? null) : null,
        source: ind.source,
        sourceDate: ind.sourceDate,
      },
    });
  }
  for (const n of DEMO_CALENDAR_NOTICES) {
    await p.calendarDay.upsert({ where: { date: n.date }, update: {}, create: n });
  }
}

/** Generates the demo dossiers as of `now` and writes them with their figure counters. */
async function loadDemoDossiers(store: Store, now: Date): Promise<number> {
  const run = await startImportRun(store, 'demo', DEMO_SOURCE, now);
  const communes = await store.prisma.commune.findMany({ select: { id: true, code: true } });
  const phuTho = await store.prisma.province.findUnique({ where: { code: '25' } });
  const sectors = phuTho ? await store.prisma.sector.findMany({ where: { provinceId: phuTho.id }, select: { id: true, code: true } }) : [];
  const calendar: WorkingCalendar = await loadCalendar(store);
  const dossiers = generateDemoDossiers({
    now,
    calendar,
    communeIds: new Map(communes.map((c) => [c.code, c.id])),
    sectorIds: new Map(sectors.map((s) => [s.code, s.id])),
  });
  let inserted = 0;
  for (let i = 0; i < dossiers.length; i += BATCH) {
    const r = await writeDossiers(store, dossiers.slice(i, i + BATCH), run, now);
    inserted += r.inserted;
  }
  await finishImportRun(store, run, { inserted, updated: 0, unchanged: 0, rejected: 0 }, now);
  await setMeta(store, META_DEMO_FOR, now.toISOString());
  return inserted;
}

