/**
 * Builds (once, then reuses) a synthetic province-scale store for the benchmarks: 148
 * communes, 2,000,000 dossiers received over 18 months, written through the same
 * writeDossiers path as real imports so the figure counters are the real ones.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeDossiers } from '../../src/data/dossier-writer.js';
import { toNumber } from '../../src/data/sql/driver.js';
import { openStore, type Store, type StoreLocation } from '../../src/data/store.js';
import { Channel, Status, type ChannelCode, type DossierRecord, type StatusCode } from '../../src/domain/dossier.js';
import { Rng } from '../../src/demo/rng.js';
import { addDays, dayFromYmd, startOfDayInstant } from '../../src/time/day.js';

export const BENCH_COMMUNES = 148;
export const BENCH_DOSSIERS = 2_000_000;
/** The benchmark's "now": the dossiers run up to this instant. */
export const BENCH_NOW = new Date('2026-11-20T04:00:00.000Z');
const FIRST_DAY = dayFromYmd(2025, 5, 20);
const LAST_DAY = dayFromYmd(2026, 11, 20);
const VERSION = 'v3';

export const workDir = join(import.meta.dirname, '..', 'work');

/** Path of the cached benchmark database. */
export function provinceDbPath(): string {
  return join(workDir, `province-${BENCH_COMMUNES}-${BENCH_DOSSIERS}-${VERSION}.db`);
}

/** The schema that holds the cached benchmark store on PostgreSQL. */
export const PG_BENCH_SCHEMA = `bench_province_${BENCH_COMMUNES}_${VERSION}`;

/**
 * Where the benchmarks' province store lives: the embedded SQLite file by default;
 * PostgreSQL with `--pg` (at BENCH_DATABASE_URL, else the machine's local server) or
 * whenever BENCH_DATABASE_URL is set.
 */
export function benchStoreLocation(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const url = env.BENCH_DATABASE_URL?.trim();
  if (!url && !argv.includes('--pg')) return { dialect: 'sqlite', file: provinceDbPath() };
  return { dialect: 'postgres', url: url || 'postgresql://postgres@127.0.0.1:5432/test', schema: PG_BENCH_SCHEMA };
}

/** DATABASE_URL for a child process that opens the same benchmark store. */
export function benchDatabaseUrl(loc: StoreLocation): string {
  if (loc.dialect === 'sqlite') return `file:${loc.file}`;
  const u = new URL(loc.url);
  if (loc.schema) u.searchParams.set('schema', loc.schema);
  return u.toString();
}

/** Opens the benchmark store, building it first if needed; reports progress. */
export async function openProvinceStore(print: (s: string) => void, location: StoreLocation = benchStoreLocation()): Promise<{ store: Store; buildSeconds: number | null }> {
  if (location.dialect === 'postgres') return openPgProvinceStore(print, location);
  mkdirSync(workDir, { recursive: true });
  const file = location.file;
  if (existsSync(file)) return { store: await openStore({ dialect: 'sqlite', file }), buildSeconds: null };
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const store = await openStore({ dialect: 'sqlite', file: tmp });
  await fill(store, print, started);
  await store.sql.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await store.close();
  renameSync(tmp, file);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  return { store: await openStore({ dialect: 'sqlite', file }), buildSeconds: (performance.now() - started) / 1000 };
}

/**
 * The PostgreSQL store is kept between runs in its own schema; it is reused when its one
 * import run finished (a build cut short is dropped and built again).
 */
async function openPgProvinceStore(print: (s: string) => void, location: Extract<StoreLocation, { dialect: 'postgres' }>): Promise<{ store: Store; buildSeconds: number | null }> {
  const schema = location.schema ?? PG_BENCH_SCHEMA;
  let store = await openStore({ ...location, schema });
  const done = await store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM import_run WHERE source = 'bench' AND status = 'done'");
  if (toNumber(done?.n) === 1) return { store, buildSeconds: null };
  await store.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await store.close();
  const started = performance.now();
  store = await openStore({ ...location, schema });
  await fill(store, print, started);
  await store.sql.exec('ANALYZE');
  return { store, buildSeconds: (performance.now() - started) / 1000 };
}

/** Writes the synthetic province through the same path as real imports. */
async function fill(store: Store, print: (s: string) => void, started: number): Promise<void> {
  const province = await store.prisma.province.create({ data: { code: '99', name: 'Tỉnh Thử Nghiệm', type: 'tỉnh' } });
  const communeIds: number[] = [];
  for (let i = 1; i <= BENCH_COMMUNES; i++) {
    const c = await store.prisma.commune.create({
      data: { code: String(90000 + i), name: `Thử Nghiệm ${String(i).padStart(3, '0')}`, type: 'xa', provinceId: province.id },
    });
    communeIds.push(c.id);
  }
  const sectorIds: number[] = [];
  for (let i = 1; i <= 20; i++) {
    const s = await store.prisma.sector.create({ data: { provinceId: province.id, code: `LV${i}`, name: `Lĩnh vực ${i}` } });
    sectorIds.push(s.id);
  }
  const run = await store.prisma.importRun.create({ data: { kind: 'dossiers', source: 'bench', startedAt: BENCH_NOW } });
  const rng = new Rng(2025);
  const span = LAST_DAY - FIRST_DAY;
  const batch: DossierRecord[] = [];
  for (let i = 0; i < BENCH_DOSSIERS; i++) {
    batch.push(synthetic(i, rng, span, communeIds, sectorIds));
    if (batch.length === 20_000) {
      await writeDossiers(store, batch, run.id, BENCH_NOW);
      batch.length = 0;
      if ((i + 1) % 200_000 === 0) print(`  built ${i + 1} dossiers (${Math.round((i + 1) / ((performance.now() - started) / 1000))}/s)`);
    }
  }
  if (batch.length) await writeDossiers(store, batch, run.id, BENCH_NOW);
  await store.prisma.importRun.update({ where: { id: run.id }, data: { finishedAt: BENCH_NOW, status: 'done', inserted: BENCH_DOSSIERS } });
}

function synthetic(i: number, rng: Rng, span: number, communeIds: number[], sectorIds: number[]): DossierRecord {
  const day = FIRST_DAY + Math.floor(rng.next() * (span + 1));
  const receivedAt = new Date(startOfDayInstant(day).getTime() + (8 * 60 + rng.int(0, 480)) * 60_000);
  const due = addDays(day, rng.pick([0, 1, 3, 5, 7, 10, 15, 20, 30]));
  const dueAt = new Date(startOfDayInstant(due).getTime() + 17 * 3_600_000);
  const x = rng.next();
  const late = x < 0.015;
  const closedDay = late ? due + rng.int(1, 20) : day + Math.floor(rng.next() * (due - day + 1));
  const closedAt = new Date(startOfDayInstant(closedDay).getTime() + rng.int(8, 16) * 3_600_000);
  const open = closedAt.getTime() > BENCH_NOW.getTime();
  const refused = !open && x > 0.995;
  const status: StatusCode = open ? (rng.chance(0.05) ? Status.supplementRequested : Status.processing) : refused ? Status.refused : Status.returned;
  return {
    code: `B${String(i).padStart(8, '0')}`,
    communeId: communeIds[i % communeIds.length]!,
    sectorId: sectorIds[rng.int(0, sectorIds.length - 1)]!,
    channel: (rng.chance(0.8) ? Channel.online : rng.chance(0.98) ? Channel.direct : Channel.postal) as ChannelCode,
    receivedAt,
    dueAt,
    processedAt: open || refused ? null : closedAt,
    returnedAt: open ? null : closedAt,
    status,
    supplementCount: 0,
    supplementDays: 0,
  };
}
