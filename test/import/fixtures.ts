/**
 * Shared pieces of the import tests: temporary files in any encoding, dossier rows in the
 * national sync schema's columns, a store with the demo units, and the check that the
 * incrementally kept figure counters equal a rebuild from the dossiers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { rebuildFigures } from '../../src/data/dossier-writer.js';
import { COUNT_COLUMNS } from '../../src/data/figure-counts.js';
import type { Store } from '../../src/data/store.js';
import { loadDemoCatalog } from '../../src/demo/load.js';
import { openTestStore } from '../helpers/store.js';

/** Where the shared reference data is, when the checkout has it. */
export const SHARED_DATA = resolve(import.meta.dirname, '../../../shared/data');

/** The instant the import tests run at (dates after it are "in the future"). */
export const IMPORT_NOW = new Date('2026-01-10T03:00:00.000Z');

/** A temporary folder removed by `cleanup()`. */
export function tempDir(): { dir: string; file(name: string, content: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-import-'));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Text in one of the encodings exports come in. */
export function encode(text: string, encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16le' | 'utf16be-bom' | 'windows1258'): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf16le':
      return iconv.encode(text, 'utf16le');
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'windows1258':
      return iconv.encode(toneMarksApart(text), 'windows1258');
  }
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Vietnamese as Windows-1258 spells it: letters with their quality mark precomposed (â, ơ, ư,
 * đ…), tones as separate combining marks after them.
 */
function toneMarksApart(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFD');
      const tones = d.match(TONE_MARKS)?.join('') ?? '';
      return tones ? d.replace(TONE_MARKS, '').normalize('NFC') + tones : ch;
    })
    .join('');
}

/** The national sync schema's columns, with personal-data columns that must be dropped. */
export const DOSSIER_HEADER = [
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
  'ChuHoSo',
  'SoGiayToChuHoSo',
  'SoDienThoai',
  'DiaChiThuongTru',
];

/** A citizen's data as exports carry it; none of it may reach the store or a report. */
export const PERSONAL = { name: 'Nguyễn Thị Bình', id: '001190012345', phone: '0912345678', address: 'Số 5 Ngõ 7, Thượng Cốc' };

export interface DossierCells {
  code: string;
  unit?: string;
  sectorCode?: string;
  sectorName?: string;
  channel?: string;
  received?: string;
  due?: string;
  processed?: string;
  returned?: string;
  status?: string;
  supplementCount?: string;
  supplementDays?: string;
}

function csvCell(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One dossier row in DOSSIER_HEADER order; defaults make a valid resolved dossier of Thượng Cốc. */
export function dossierRow(d: DossierCells): string[] {
  return [
    d.code,
    d.unit ?? '05293',
    d.sectorCode ?? 'HT',
    d.sectorName ?? 'Hộ tịch',
    d.channel ?? '2',
    d.received ?? '02/07/2025 08:30',
    d.due ?? '07/07/2025 17:00',
    d.processed ?? '04/07/2025 10:00',
    d.returned ?? '04/07/2025 15:00',
    d.status ?? '10',
    d.supplementCount ?? '0',
    d.supplementDays ?? '0',
    PERSONAL.name,
    PERSONAL.id,
    PERSONAL.phone,
    PERSONAL.address,
  ];
}

/** A CSV export of the given rows (header first), with CRLF line ends as Excel writes. */
export function dossierCsv(rows: DossierCells[], delimiter = ','): string {
  const lines = [DOSSIER_HEADER, ...rows.map(dossierRow)].map((cells) => cells.map((c) => csvCell(c, delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/** A fresh store with the demo units, departments and sectors (no dossiers). */
export async function storeWithUnits(): Promise<Store & { dispose(): Promise<void> }> {
  const store = await openTestStore();
  await loadDemoCatalog(store);
  return store;
}

type FigureRow = Record<string, unknown>;

async function figureRows(store: Store, table: 'figure_day' | 'figure_month'): Promise<string[]> {
  const rows = await store.sql.all<FigureRow>(`SELECT commune_id, day, ${COUNT_COLUMNS.join(', ')} FROM ${table}`);
  return rows
    .map((r) => [r.commune_id, r.day, ...COUNT_COLUMNS.map((c) => r[c])].map(Number))
    .filter((v) => v.slice(2).some((x) => x !== 0))
    .map((v) => v.join(','))
    .sort();
}

/**
 * The figure counters as kept by the writes, and as rebuilt from the dossiers themselves
 * (rebuildFigures replaces the tables, so the store ends with the rebuilt ones).
 */
export async function countersAndRebuild(store: Store): Promise<{ kept: string[][]; rebuilt: string[][] }> {
  const kept = [await figureRows(store, 'figure_day'), await figureRows(store, 'figure_month')];
  await rebuildFigures(store);
  const rebuilt = [await figureRows(store, 'figure_day'), await figureRows(store, 'figure_month')];
  return { kept, rebuilt };
}

/** Every stored dossier as comparable text (to prove a re-import changed nothing). */
export async function storedDossiers(store: Store): Promise<string[]> {
  const rows = await store.sql.all<Record<string, unknown>>(
    'SELECT code, commune_id, sector_id, channel, received_at, due_at, processed_at, returned_at, closed_at, status, supplement_count, supplement_days FROM dossier ORDER BY code',
  );
  return rows.map((r) => Object.values(r).map((v) => (v instanceof Date ? v.getTime() : v === null ? '' : String(Number.isNaN(Number(v)) ? v : Number(v)))).join('|'));
}

/** Everything the store holds as text, to search for personal data. */
export async function storeText(store: Store): Promise<string> {
  const tables = ['dossier', 'sector', 'import_run', 'commune', 'former_unit', 'reported_figure', 'indicator', 'calendar_day', 'meta'];
  const parts: string[] = [];
  for (const t of tables) parts.push(JSON.stringify(await store.sql.all(`SELECT * FROM ${t}`)));
  return parts.join('\n');
}
