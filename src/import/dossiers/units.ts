import { foldKey, hasDiacritics, toneKey } from '../../names/keys.js';
import { stripProvincePrefix, stripUnitPrefix } from '../../names/prefix.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import type { DossierField } from './fields.js';

/** A unit as the importers need it (plain data, so it can be handed to a worker thread). */
export interface UnitLite {
  id: number;
  code: string;
  name: string;
  provinceId: number;
}

export interface ProvinceLite {
  id: number;
  code: string;
  name: string;
}

const VI = new Intl.Collator('vi');

export type UnitMatch = { ok: true; unit: UnitLite } | { ok: false; field: DossierField; message: string };

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Finds the receiving unit of a dossier row: by its 5-digit code, or by its current name
 * (with or without type word and diacritics), narrowed by a province column when the file
 * has one. A name carried by units of several provinces is resolved by the deployment's
 * province when it has one there, and otherwise rejected: a guess would file the dossier
 * under the wrong commune. Old (pre-merger) names are not accepted in exports.
 */
export class UnitLookup {
  private readonly byCode = new Map<string, UnitLite>();
  private readonly byTone = new Map<string, UnitLite[]>();
  private readonly byFold = new Map<string, UnitLite[]>();
  private readonly provinceByCode = new Map<string, ProvinceLite>();
  private readonly provinceByKey = new Map<string, ProvinceLite>();
  private readonly provinceName = new Map<number, string>();
  private readonly cache = new Map<string, UnitMatch>();

  constructor(
    units: readonly UnitLite[],
    provinces: readonly ProvinceLite[],
    private readonly defaultProvinceId: number | null,
  ) {
    for (const u of units) {
      this.byCode.set(u.code, u);
      push(this.byTone, toneKey(u.name), u);
      push(this.byFold, foldKey(u.name), u);
    }
    for (const p of provinces) {
      this.provinceByCode.set(p.code, p);
      this.provinceByKey.set(foldKey(p.name), p);
      this.provinceName.set(p.id, p.name);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  /** Resolves one row's unit; answers for repeated cell values are remembered. */
  resolve(unitCode: string, unitName: string, provinceCode: string, provinceName: string): UnitMatch {
    // The common case, a known 5-digit code, needs no cache key.
    const direct = unitCode.length === 5 ? this.byCode.get(unitCode) : undefined;
    if (direct) return { ok: true, unit: direct };
    const key = `${unitCode}\u0000${unitName}\u0000${provinceCode}\u0000${provinceName}`;
    let m = this.cache.get(key);
    if (!m) {
      m = this.resolveUncached(unitCode, unitName, provinceCode, provinceName);
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, m);
    }
    return m;
  }

  private resolveUncached(unitCode: string, unitName: string, provinceCode: string, provinceName: string): UnitMatch {
    if (/^\d{5}$/.test(unitCode)) {
      const unit = this.byCode.get(unitCode);
      return unit ? { ok: true, unit } : { ok: false, field: 'unitCode', message: T.unitUnknownCode(unitCode) };
    }
    // A name written in the code column is still a name.
    const name = unitName || unitCode;
    const field: DossierField = unitName ? 'unitName' : 'unitCode';
    let provinceId: number | null = null;
    if (provinceCode || provinceName) {
      const p = this.findProvince(provinceCode, provinceName);
      if (!p) return { ok: false, field: provinceCode ? 'provinceCode' : 'provinceName', message: T.provinceUnknown(provinceCode || provinceName) };
      provinceId = p.id;
    }
    const stripped = stripUnitPrefix(name).name;
    const candidates = (hasDiacritics(stripped) ? this.byTone.get(toneKey(stripped)) : undefined) ?? this.byFold.get(foldKey(stripped)) ?? [];
    const inProvince = provinceId === null ? candidates : candidates.filter((u) => u.provinceId === provinceId);
    if (inProvince.length === 1) return { ok: true, unit: inProvince[0]! };
    if (inProvince.length === 0) return { ok: false, field, message: T.unitUnknownName(name) };
    const preferred = this.defaultProvinceId === null ? [] : inProvince.filter((u) => u.provinceId === this.defaultProvinceId);
    if (preferred.length === 1) return { ok: true, unit: preferred[0]! };
    const provinces = [...new Set(inProvince.map((u) => this.provinceName.get(u.provinceId) ?? ''))].sort(VI.compare).join(', ');
    return { ok: false, field, message: T.unitAmbiguous(name, provinces) };
  }

  private findProvince(code: string, name: string): ProvinceLite | undefined {
    if (/^\d{1,2}$/.test(code)) return this.provinceByCode.get(code.padStart(2, '0'));
    if (name) return this.provinceByKey.get(foldKey(stripProvincePrefix(name).name));
    return this.provinceByKey.get(foldKey(stripProvincePrefix(code).name));
  }
}
