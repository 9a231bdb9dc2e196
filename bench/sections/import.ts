/**
 * Issue 4's benchmark: a 1,000,000-row dossier export into a fresh embedded store through
 * the real command line (`npm run import`), in a child process so its peak RSS is its own;
 * then the same file again (nothing changes, everything is compared); beside sqlite3's own
 * `.import` of the same file into a table of the same shape (the floor), when the sqlite3
 * command exists.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BenchSection } from './index.js';
import { DOSSIER_ROWS, dossierExport, EXPORT_HEADER, unitsFile, workDir } from './import-data.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

interface CliFigures {
  status: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
  maxRssMb: number;
}

function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/** Runs what `npm run import -- <args> --json` runs, as a child; returns its figures and the wall time. */
async function importCli(db: string, args: string[]): Promise<CliFigures & { wall: number }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['build/bin/cli.js', ...args, '--json', '--bao-cao', join(workDir, 'rejected.csv')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${db}`, LOG_LEVEL: 'silent' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((err: { stdout?: string; code?: number }) => {
    // Exit code 3 means "done, some rows rejected": still figures.
    if (err.code === 3 && err.stdout) return { stdout: err.stdout };
    throw err;
  });
  const wall = (performance.now() - started) / 1000;
  const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as CliFigures;
  if (figures.status !== 'done') throw new Error(`import failed: ${stdout}`);
  return { ...figures, wall };
}

/** sqlite3's `.import` of the same CSV into a table of the export's columns with the dossier table's key and index. */
function sqliteFloor(csv: string): { seconds: number } | { skipped: string } {
  const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skipped: 'the sqlite3 command is not installed (apt-get install sqlite3)' };
  const db = join(workDir, 'floor.db');
  removeDb(db);
  const cols = EXPORT_HEADER.map((c, i) => `${c} ${i === 4 || i >= 9 ? 'INTEGER' : 'TEXT'}${i === 0 ? ' NOT NULL UNIQUE' : ''}`).join(', ');
  const script = [
    'PRAGMA journal_mode=WAL;',
    'PRAGMA synchronous=NORMAL;',
    `CREATE TABLE dossier_floor (${cols});`,
    'CREATE INDEX dossier_floor_unit_received ON dossier_floor (MaDonVi, NgayTiepNhan);',
    '.mode csv',
    `.import --skip 1 ${csv} dossier_floor`,
  ].join('\n');
  const started = performance.now();
  const r = spawnSync('sqlite3', [db], { input: script, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  removeDb(db);
  if (r.status !== 0) return { skipped: `sqlite3 failed: ${r.stderr.slice(0, 200)}` };
  return { seconds };
}

export const importSection: BenchSection = {
  name: 'import',
  title: `${DOSSIER_ROWS.toLocaleString('en')} dossier rows from CSV into a fresh embedded store`,
  async run(print) {
    mkdirSync(workDir, { recursive: true });
    // The bundle `npm run import` runs (its "preimport" step).
    await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const units = unitsFile();
    print(`units: ${units.real ? units.path : 'synthetic stand-in (../shared/data/communes.csv not found)'}`);
    const csv = await dossierExport(units.path, print);
    print(`export: ${csv} (${(statSync(csv).size / 1024 ** 2).toFixed(1)} MB)`);

    const unitsDb = join(workDir, 'import-units.db');
    removeDb(unitsDb);
    const u = await importCli(unitsDb, ['units', units.path]);
    print(`units import: ${u.rows} rows in ${u.seconds.toFixed(2)} s (wall ${u.wall.toFixed(2)} s), peak RSS ${u.maxRssMb} MB`);

    const db = join(workDir, 'import-bench.db');
    const fresh: (CliFigures & { wall: number })[] = [];
    for (let i = 0; i < 2; i++) {
      removeDb(db);
      copyFileSync(unitsDb, db);
      if (existsSync(`${unitsDb}-wal`)) copyFileSync(`${unitsDb}-wal`, `${db}-wal`);
      const f = await importCli(db, ['dossiers', csv]);
      fresh.push(f);
      print(`fresh import #${i + 1}: ${f.inserted} inserted, ${f.rejected} rejected in ${f.seconds.toFixed(2)} s = ${Math.round(f.rows / f.seconds)} rows/s (wall ${f.wall.toFixed(2)} s), peak RSS ${f.maxRssMb} MB`);
    }
    const again = await importCli(db, ['dossiers', csv]);
    print(`re-import of the unchanged file: ${again.unchanged} unchanged in ${again.seconds.toFixed(2)} s = ${Math.round(again.rows / again.seconds)} rows/s, peak RSS ${again.maxRssMb} MB`);
    removeDb(db);

    const best = fresh.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const floors: number[] = [];
    let skipped: string | null = null;
    for (let i = 0; i < 2 && skipped === null; i++) {
      const f = sqliteFloor(csv);
      if ('skipped' in f) skipped = f.skipped;
      else floors.push(f.seconds);
    }
    const floor = floors.length ? Math.min(...floors) : null;
    if (floor === null) print(`floor skipped: ${skipped}`);
    else print(`floor (sqlite3 .import, same file, same key and index): ${floor.toFixed(2)} s; import is ${(best.seconds / floor).toFixed(2)}× the floor`);

    const rate = Math.round(best.rows / best.seconds);
    const verdict = [
      `${rate >= 100_000 ? 'meets' : 'MISSES'} ≥ 100,000 rows/s`,
      floor === null ? 'floor not measured' : `${best.seconds <= 3 * floor ? 'meets' : 'MISSES'} ≤ 3× floor`,
      `${Math.max(...fresh.map((f) => f.maxRssMb), again.maxRssMb) <= 250 ? 'meets' : 'MISSES'} RSS ≤ 250 MB`,
      `${again.seconds <= best.seconds ? 'meets' : 'MISSES'} re-import ≤ first import`,
    ];
    print(`targets: ${verdict.join('; ')}`);
    return {
      rows: best.rows,
      fileMb: Math.round(statSync(csv).size / 1024 ** 2),
      unitsSeconds: u.seconds,
      importSeconds: best.seconds,
      importRowsPerSecond: rate,
      importPeakRssMb: Math.max(...fresh.map((f) => f.maxRssMb)),
      reimportSeconds: again.seconds,
      reimportRowsPerSecond: Math.round(again.rows / again.seconds),
      reimportPeakRssMb: again.maxRssMb,
      floorSeconds: floor,
      floorSkipped: skipped,
      ratioToFloor: floor === null ? null : Math.round((best.seconds / floor) * 100) / 100,
    };
  },
};
