/**
 * The files the import benchmark loads: the real unit list when ../shared/data is there
 * (a small synthetic one otherwise), and a 1,000,000-row dossier export of one province in
 * the national sync schema's columns, written once to bench/work/ and reused.
 *
 * The export is shaped like a real one: a province's communes (Phú Thọ's 148), dossiers
 * received from 01/07/2025 over 300 days in time order, as one-stop systems export them
 * (about 3,300 a day; Hưng Yên reported 3,500), with the usual channel and status mix.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../../src/demo/rng.js';
import { addDays, dayFromYmd, startOfDayInstant, ymdOf, type Day } from '../../src/time/day.js';

export const workDir = join(import.meta.dirname, '..', 'work');
export const SHARED_COMMUNES = resolve(import.meta.dirname, '../../../shared/data/communes.csv');
export const DOSSIER_ROWS = 1_000_000;
/** The province whose communes receive the dossiers (Phú Thọ), and the export's span. */
const PROVINCE_CODE = '25';
const FIRST_DAY = dayFromYmd(2025, 7, 1);
const DAYS = 300;
const VERSION = 'v2';

/** The dossier export's column names (national sync schema). */
export const EXPORT_HEADER = [
  'MaHoSo',
  'MaDonVi',
  'MaLinhVuc',
  'TenLinhVuc',
  'KenhThucHien',
  'NgayTiepNhan',
  'NgayHenTra',
  'NgayKetThucXuLy',
  'NgayTra',
  'TrangThaiHoSo',
  'SoLanBoSung',
  'SoNgayBoSung',
];

const SECTORS: [string, string][] = [
  ['G01.HT', 'Hộ tịch'],
  ['G01.CT', 'Chứng thực'],
  ['G02.DD', 'Đất đai'],
  ['G03.XD', 'Xây dựng'],
  ['G04.BTXH', 'Bảo trợ xã hội'],
  ['G05.NCC', 'Người có công'],
  ['G06.KD', 'Thành lập và hoạt động của hộ kinh doanh'],
  ['G07.MT', 'Môi trường'],
  ['G08.GD', 'Giáo dục và đào tạo'],
  ['G09.YT', 'Y tế'],
  ['G10.NN', 'Nông nghiệp'],
  ['G11.TG', 'Tôn giáo, tín ngưỡng'],
];

/** Where the unit list comes from: the shared reference file, or a generated stand-in. */
export function unitsFile(): { path: string; real: boolean } {
  if (existsSync(SHARED_COMMUNES)) return { path: SHARED_COMMUNES, real: true };
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, 'units-synthetic.csv');
  const rows = ['code,name,type,province_code,province_name,merged_from_codes'];
  for (let i = 0; i < 148; i++) rows.push(`${String(90000 + i)},Thử Nghiệm ${i + 1},xã,${PROVINCE_CODE},Phú Thọ,`);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return { path, real: false };
}

/** The 5-digit codes of the province's communes, from the unit list in use. */
function communeCodes(units: string): string[] {
  const lines = readFileSync(units, 'utf8').split(/\r?\n/);
  const header = lines[0]!.split(',');
  const code = header.indexOf('code');
  const province = header.indexOf('province_code');
  // Code and province code come before any quoted field in both files.
  return lines
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[province] === PROVINCE_CODE)
    .map((c) => c[code]!);
}

const p2 = (n: number) => String(n).padStart(2, '0');
const csvText = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** "28/07/2025 09:15" of an instant in Vietnam time. */
function vnDateTime(day: Day, minutes: number): string {
  const { year, month, day: d } = ymdOf(day);
  return `${p2(d)}/${p2(month)}/${year} ${p2(Math.floor(minutes / 60))}:${p2(minutes % 60)}`;
}

/** Writes the dossier export (once) and returns its path. */
export async function dossierExport(units: string, print: (s: string) => void): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, `dossiers-${DOSSIER_ROWS}-${VERSION}.csv`);
  if (existsSync(path)) return path;
  const codes = communeCodes(units);
  if (codes.length === 0) throw new Error(`no commune of province ${PROVINCE_CODE} in ${units}`);
  const started = performance.now();
  const tmp = `${path}.writing`;
  const out = createWriteStream(tmp);
  out.write(`${EXPORT_HEADER.join(',')}\n`);
  const rng = new Rng(20250701);
  const perDay = Math.ceil(DOSSIER_ROWS / DAYS);
  const endDay = addDays(FIRST_DAY, DAYS);
  let buf = '';
  let written = 0;
  for (let day = FIRST_DAY; written < DOSSIER_ROWS; day++) {
    const { year, month, day: d } = ymdOf(day);
    const yymmdd = `${String(year).slice(2)}${p2(month)}${p2(d)}`;
    const seq = new Map<string, number>();
    const today = Math.min(perDay, DOSSIER_ROWS - written);
    for (let k = 0; k < today; k++) {
      const commune = codes[Math.floor(rng.next() ** 1.6 * codes.length)]!;
      const n = (seq.get(commune) ?? 0) + 1;
      seq.set(commune, n);
      const minute = 7 * 60 + Math.floor((k / today) * 600);
      const [sectorCode, sectorName] = rng.pick(SECTORS);
      const channel = rng.chance(0.6) ? 2 : rng.chance(0.99) ? 1 : 3;
      const due = addDays(day, rng.pick([0, 3, 5, 7, 10, 14, 21]));
      const x = rng.next();
      let status: number;
      let end: Day | null = null;
      const ageDays = endDay - day;
      if (x < 0.01) status = 3;
      else if (x < 0.02) status = 7;
      else if (x < 0.04) status = 5;
      else if (ageDays < 20 && x < 0.3) status = 4;
      else status = rng.chance(0.85) ? 10 : 9;
      if (status !== 4 && status !== 5) end = Math.min(endDay, day + Math.floor(rng.next() * (due - day + (rng.chance(0.02) ? 10 : 1))));
      const supplement = status === 5 || rng.chance(0.03);
      // Closed the day it came in: an hour and a half after reception at the earliest.
      const endMinute = end === day ? Math.min(minute + 90, 23 * 60) : 15 * 60;
      buf +=
        `000.00.${commune}.H${PROVINCE_CODE}-${yymmdd}-${String(n).padStart(4, '0')},${commune},${sectorCode},${csvText(sectorName)},${channel},` +
        `${vnDateTime(day, minute)},${vnDateTime(due, 17 * 60)},${end === null ? '' : vnDateTime(end, endMinute)},` +
        `${end === null || status === 9 ? '' : vnDateTime(end, endMinute + 30)},${status},${supplement ? 1 : 0},${supplement ? rng.int(1, 10) : 0}\n`;
      written++;
      if (buf.length > 1 << 16) {
        if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
        buf = '';
      }
    }
    if (day === addDays(FIRST_DAY, 1_000)) break;
  }
  out.write(buf);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  renameSync(tmp, path);
  print(`  wrote ${path} (${written} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return path;
}

/** The instant the benchmark imports at: the day after the export's last day. */
export const IMPORT_NOW = startOfDayInstant(addDays(FIRST_DAY, DAYS + 1));
