/**
 * Loads the shared reference data (communes.csv, commune_merge_map.csv, name_ambiguity.csv) for the
 * names tests and the timing script, with the communes as UnitRecords. The files live outside the repository (see SOURCES.md);
 * when they are absent the callers skip, so the loader reports why instead of throwing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stripUnitPrefix } from '../../src/names/normalize.js';
import type { UnitRecord, UnitType } from '../../src/names/unit-index.js';

/** Where the shared reference data sits relative to this folder (test/names → /work/shared). */
export const DATA_DIR = path.resolve(import.meta.dirname, '../../../shared/data');

/** One row of communes.csv (only the columns the tests read). */
export interface CommuneRow {
  code: string;
  name: string;
  type: string;
  province_code: string;
  province_name: string;
  type_current: string;
  name_ascii: string;
}

/** One row of commune_merge_map.csv. */
export interface MergeRow {
  new_code: string;
  new_name: string;
  province_code: string;
  old_code: string;
  old_name: string;
  old_district: string;
  old_province: string;
  share: string;
}

/** One row of name_ambiguity.csv: a name that several units carry. */
export interface AmbiguityRow {
  name: string;
  n_units: string;
  units: string;
}

export type ReferenceData =
  | { ok: true; units: UnitRecord[]; communes: CommuneRow[]; merges: MergeRow[]; ambiguities: AmbiguityRow[] }
  | { ok: false; reason: string };

const TYPES: Record<string, UnitType> = { xã: 'xa', phường: 'phuong', 'đặc khu': 'dac_khu' };

function readCsv<T>(file: string): T[] {
  // csv-parse follows RFC 4180: merged_from fields are quoted and contain commas.
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as T[];
}

/**
 * Reads both files and builds one UnitRecord per commune, with its former names from the merge
 * map (type word stripped). Province ids are the numeric province codes.
 */
export function loadReferenceData(): ReferenceData {
  const communesFile = path.join(DATA_DIR, 'communes.csv');
  const mergesFile = path.join(DATA_DIR, 'commune_merge_map.csv');
  const ambiguityFile = path.join(DATA_DIR, 'name_ambiguity.csv');
  for (const file of [communesFile, mergesFile, ambiguityFile]) {
    if (!existsSync(file)) return { ok: false, reason: `reference data not found: ${file}` };
  }
  const communes = readCsv<CommuneRow>(communesFile);
  const merges = readCsv<MergeRow>(mergesFile);
  const ambiguities = readCsv<AmbiguityRow>(ambiguityFile);

  const units = new Map<string, UnitRecord>();
  for (const row of communes) {
    // type_current carries later changes (a xã that became a phường); fall back to the 2025 type.
    const type = TYPES[row.type_current] ?? TYPES[row.type];
    if (!type) throw new Error(`unknown unit type "${row.type_current}" for ${row.code}`);
    units.set(row.code, {
      id: Number(row.code),
      code: row.code,
      name: row.name,
      type,
      provinceId: Number(row.province_code),
      provinceName: row.province_name,
      formerNames: [],
    });
  }
  for (const row of merges) {
    const unit = units.get(row.new_code);
    if (!unit) continue;
    const old = stripUnitPrefix(row.old_name);
    unit.formerNames.push({ name: old.name, type: old.typeHint, code: row.old_code || null });
  }
  return { ok: true, units: [...units.values()], communes, merges, ambiguities };
}
