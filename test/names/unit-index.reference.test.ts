/**
 * The resolver against the full reference data in ../shared/data (3,321 units, 10,604 old
 * communes). Skipped, with the reason printed, where that folder is absent.
 */
import { describe, expect, it } from 'vitest';
import { foldKey, hasDiacritics, stripUnitPrefix, toneKey } from '../../src/names/normalize.js';
import { UnitIndex, type Resolution, type UnitRecord } from '../../src/names/unit-index.js';
import { loadReferenceData } from './reference-data.js';

const data = loadReferenceData();
if (!data.ok) console.warn(`names reference tests skipped: ${data.reason}`);

const PHU_THO = 25;

/** True when the answer is this unit, found or among the options. */
function reaches(r: Resolution, unit: UnitRecord): boolean {
  if (r.kind === 'found') return r.unit.id === unit.id;
  if (r.kind === 'ambiguous') return r.options.some((u) => u.id === unit.id);
  return false;
}

describe.skipIf(!data.ok)('UnitIndex on the reference data', () => {
  const { units, communes, merges, ambiguities } = data.ok ? data : { units: [], communes: [], merges: [], ambiguities: [] };
  const index = new UnitIndex(units);
  const byToneKey = new Map<string, UnitRecord[]>();
  for (const u of units) byToneKey.set(toneKey(u.name), [...(byToneKey.get(toneKey(u.name)) ?? []), u]);

  it('holds 3,321 units and 10,604 former names', () => {
    expect(index.size).toBe(3321);
    expect(units.reduce((n, u) => n + u.formerNames.length, 0)).toBe(10604);
  });

  it('reaches every unit by its name typed without diacritics (name_ascii and foldKey)', () => {
    const misses: string[] = [];
    for (const row of communes) {
      const unit = index.getByCode(row.code)!;
      for (const q of [row.name_ascii, foldKey(row.name)]) {
        if (!reaches(index.resolve(q), unit)) misses.push(`${row.code} "${q}"`);
        if (!reaches(index.resolve(q, { provinceId: unit.provinceId }), unit)) misses.push(`${row.code} "${q}" (own province)`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('finds every name that is unique in the country when typed with diacritics', () => {
    const misses: string[] = [];
    let unique = 0;
    for (const unit of units) {
      const r = index.resolve(unit.name);
      // A name written without any diacritic ("Minh Thanh") cannot be told from a user typing
      // "Minh Thành" without them, so it is only required to reach its unit.
      if (byToneKey.get(toneKey(unit.name))!.length === 1 && hasDiacritics(unit.name)) {
        unique++;
        if (r.kind !== 'found' || r.unit.id !== unit.id) misses.push(`${unit.code} ${unit.name}: ${r.kind}`);
      } else if (!reaches(r, unit)) {
        misses.push(`${unit.code} ${unit.name} (shared or plain): ${r.kind}`);
      }
    }
    expect(misses).toEqual([]);
    // 3,321 less the ~900 units whose names repeat across provinces and those without diacritics.
    expect(unique).toBeGreaterThan(2300);
  });

  it('answers every name of name_ambiguity.csv with all the units that carry it', () => {
    expect(ambiguities).toHaveLength(314);
    const wrong = ambiguities.filter((row) => {
      const r = index.resolve(row.name);
      return r.kind !== 'ambiguous' || r.options.filter((u) => u.name === row.name).length !== Number(row.n_units);
    });
    expect(wrong.map((row) => row.name)).toEqual([]);
  });

  it('finds every unit with its type word and its own province preferred', () => {
    const misses = units.filter((u) => {
      const q = `${u.type === 'phuong' ? 'phường' : u.type === 'dac_khu' ? 'đặc khu' : 'xã'} ${u.name}`;
      const r = index.resolve(q, { provinceId: u.provinceId });
      return hasDiacritics(u.name) ? r.kind !== 'found' || r.unit.id !== u.id : !reaches(r, u);
    });
    expect(misses.map((u) => u.code)).toEqual([]);
  });

  it('answers "Yên Phú" with units in several provinces, and with Phú Thọ preferred with 05305', () => {
    const r = index.resolve('Yên Phú');
    expect(r.kind).toBe('ambiguous');
    const provinces = r.kind === 'ambiguous' ? new Set(r.options.map((u) => u.provinceId)) : new Set();
    expect(provinces.size).toBeGreaterThan(1);

    const here = index.resolve('Yên Phú', { provinceId: PHU_THO });
    expect(here.kind === 'found' && here.unit.code).toBe('05305');
    expect(here.kind === 'found' && here.alsoElsewhere?.length).toBeGreaterThan(0);
  });

  it('leads the old commune "Văn Sơn" to Thượng Cốc (05293) with Phú Thọ preferred', () => {
    // The merge map says so (old_name carries its type word) …
    const row = merges.find((m) => m.new_code === '05293' && stripUnitPrefix(m.old_name).name === 'Văn Sơn');
    expect(row?.old_name).toBe('Xã Văn Sơn');
    // … and the resolver follows it.
    const r = index.resolve('Văn Sơn', { provinceId: PHU_THO });
    expect(r).toMatchObject({ kind: 'found', unit: { code: '05293', name: 'Thượng Cốc' }, via: { formerName: 'Văn Sơn' } });
  });

  it('reaches the new unit from every old name with its province preferred, unless a current name there takes precedence', () => {
    const currentKeys = new Set(units.flatMap((u) => [`${u.provinceId} ${toneKey(u.name)}`, `${u.provinceId} ${foldKey(u.name)}`]));
    const misses: string[] = [];
    let checked = 0;
    for (const m of merges) {
      const unit = index.getByCode(m.new_code)!;
      const old = stripUnitPrefix(m.old_name).name;
      // Current names come first: exactly (same tone key), or loosely when the old name has no
      // diacritics to be exact with.
      const key = hasDiacritics(old) ? toneKey(old) : foldKey(old);
      if (currentKeys.has(`${unit.provinceId} ${key}`)) continue;
      checked++;
      if (!reaches(index.resolve(m.old_name, { provinceId: unit.provinceId }), unit)) misses.push(`${m.old_name} → ${m.new_code}`);
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(7000);
  });

  it('finds a unit by code', () => {
    expect(index.resolve('05293')).toMatchObject({ kind: 'found', unit: { name: 'Thượng Cốc' } });
  });

  it('suggests Thượng Cốc for the typo "Thuong Cok"', () => {
    const r = index.resolve('Thuong Cok');
    expect(r.kind).toBe('not_found');
    expect(r.kind === 'not_found' && r.suggestions.map((u) => u.code)).toContain('05293');
    expect(r.kind === 'not_found' && r.suggestions[0]?.code).toBe('05293');
  });
});
