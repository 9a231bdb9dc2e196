import { foldKey } from '../names/keys.js';
import { stripProvincePrefix } from '../names/prefix.js';
import { UnitIndex, type UnitRecord, type UnitType } from '../names/unit-index.js';
import type { Store } from './store.js';

export interface ProvinceInfo {
  id: number;
  code: string;
  name: string;
  type: string;
}

export interface CommuneInfo extends UnitRecord {
  workingGroupId: number | null;
}

export interface DepartmentInfo {
  id: number;
  provinceId: number;
  code: string;
  name: string;
}

export interface SectorInfo {
  id: number;
  provinceId: number;
  code: string;
  name: string;
  departmentId: number | null;
}

export interface WorkingGroupInfo {
  id: number;
  provinceId: number;
  number: number;
  leaderName: string;
  leaderTitle: string;
}

/** Name of the unit type in replies ("Xã Thượng Cốc"). */
const UNIT_TYPE_LABEL: Record<UnitType, string> = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu' };

/** "Xã Thượng Cốc": a unit at the start of a line. */
export function unitTitle(u: Pick<UnitRecord, 'type' | 'name'>): string {
  return `${UNIT_TYPE_LABEL[u.type]} ${u.name}`;
}

/** "xã Thượng Cốc": a unit inside a sentence. */
export function unitPhrase(u: Pick<UnitRecord, 'type' | 'name'>): string {
  return `${UNIT_TYPE_LABEL[u.type].toLowerCase()} ${u.name}`;
}

/**
 * Everything about units that handlers look up on every message, held in memory: the
 * name index, provinces, departments, sectors and working groups. Small (a few thousand
 * rows for the whole country) and rebuilt when an import changes the units.
 */
export class Directory {
  readonly index: UnitIndex;
  readonly communes = new Map<number, CommuneInfo>();
  readonly provinces = new Map<number, ProvinceInfo>();
  readonly departments = new Map<number, DepartmentInfo>();
  readonly sectors = new Map<number, SectorInfo>();
  readonly workingGroups = new Map<number, WorkingGroupInfo>();
  private readonly byProvince = new Map<number, CommuneInfo[]>();

  constructor(
    provinces: ProvinceInfo[],
    communes: CommuneInfo[],
    departments: DepartmentInfo[],
    sectors: SectorInfo[],
    workingGroups: WorkingGroupInfo[],
  ) {
    for (const p of provinces) this.provinces.set(p.id, p);
    for (const c of communes) {
      this.communes.set(c.id, c);
      const list = this.byProvince.get(c.provinceId) ?? [];
      list.push(c);
      this.byProvince.set(c.provinceId, list);
    }
    for (const d of departments) this.departments.set(d.id, d);
    for (const s of sectors) this.sectors.set(s.id, s);
    for (const g of workingGroups) this.workingGroups.set(g.id, g);
    this.index = new UnitIndex(communes);
  }

  /** Reads the directory from the store. */
  static async load(store: Store): Promise<Directory> {
    const p = store.prisma;
    const [provinces, communes, departments, sectors, groups] = await Promise.all([
      p.province.findMany({ orderBy: { name: 'asc' } }),
      p.commune.findMany({ include: { formerUnits: true } }),
      p.department.findMany(),
      p.sector.findMany(),
      p.workingGroup.findMany(),
    ]);
    const provinceName = new Map(provinces.map((x) => [x.id, x.name]));
    return new Directory(
      provinces,
      communes.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        type: c.type as UnitType,
        provinceId: c.provinceId,
        provinceName: provinceName.get(c.provinceId) ?? '',
        workingGroupId: c.workingGroupId,
        formerNames: c.formerUnits.map((f) => ({ name: f.name, type: f.type ?? undefined, code: f.code })),
      })),
      departments,
      sectors,
      groups,
    );
  }

  /** Communes of a province, sorted by name. */
  communesOf(provinceId: number): CommuneInfo[] {
    return this.byProvince.get(provinceId) ?? [];
  }

  /** Communes of a working group. */
  communesOfGroup(groupId: number): CommuneInfo[] {
    return [...this.communes.values()].filter((c) => c.workingGroupId === groupId);
  }

  /** Finds a province by name ("Phú Thọ", "tinh phu tho", "TP Huế") or 2-digit code. */
  findProvince(text: string): ProvinceInfo | null {
    const t = text.trim();
    if (/^\d{1,2}$/.test(t)) {
      const code = t.padStart(2, '0');
      return [...this.provinces.values()].find((p) => p.code === code) ?? null;
    }
    const key = foldKey(stripProvincePrefix(t).name);
    if (!key) return null;
    return [...this.provinces.values()].find((p) => foldKey(p.name) === key) ?? null;
  }

  /** Departments of a province whose name or code matches ("Sở Tư pháp", "tư pháp", "TP"). */
  findDepartments(provinceId: number | null, text: string): DepartmentInfo[] {
    const key = foldKey(text).replace(/^so /, '');
    if (!key) return [];
    return [...this.departments.values()].filter(
      (d) =>
        (provinceId === null || d.provinceId === provinceId) &&
        (foldKey(d.name).replace(/^so /, '') === key || foldKey(d.code) === key),
    );
  }

  /** Sectors of a province whose name or code matches ("đất đai", "DD"). */
  findSectors(provinceId: number | null, text: string): SectorInfo[] {
    const key = foldKey(text).replace(/^linh vuc /, '');
    if (!key) return [];
    return [...this.sectors.values()].filter(
      (s) => (provinceId === null || s.provinceId === provinceId) && (foldKey(s.name) === key || foldKey(s.code) === key),
    );
  }
}

/** The meta key bumped by every import that changes units, so caches know to reload. */
export const UNITS_VERSION_KEY = 'units_version';
