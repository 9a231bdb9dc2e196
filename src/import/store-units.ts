import type { Store } from '../data/store.js';
import { toNumber } from '../data/sql/driver.js';
import { foldKey } from '../names/keys.js';
import { stripProvincePrefix } from '../names/prefix.js';
import type { ProvinceLite, UnitLite } from './dossiers/units.js';

/** Every unit and province in the store, as plain rows (one query each, no Prisma). */
export async function loadUnitList(store: Store): Promise<{ units: UnitLite[]; provinces: ProvinceLite[] }> {
  const [units, provinces] = await Promise.all([
    store.sql.all<{ id: unknown; code: string; name: string; province_id: unknown }>('SELECT id, code, name, province_id FROM commune'),
    store.sql.all<{ id: unknown; code: string; name: string }>('SELECT id, code, name FROM province'),
  ]);
  return {
    units: units.map((u) => ({ id: toNumber(u.id), code: u.code, name: u.name, provinceId: toNumber(u.province_id) })),
    provinces: provinces.map((p) => ({ id: toNumber(p.id), code: p.code, name: p.name })),
  };
}

/** A province by name ("Phú Thọ", "tỉnh Phu Tho") or code ("25"), or null. */
export function findProvinceIn(provinces: readonly ProvinceLite[], text: string | null | undefined): ProvinceLite | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  if (/^\d{1,2}$/.test(t)) return provinces.find((p) => p.code === t.padStart(2, '0')) ?? null;
  const k = foldKey(stripProvincePrefix(t).name);
  return provinces.find((p) => foldKey(p.name) === k) ?? null;
}
