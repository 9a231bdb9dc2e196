import type { Directory } from '../data/directory.js';
import { unitPhrase } from '../data/directory.js';
import type { Access } from './access.js';

/**
 * What a command shows, which decides who may use it:
 * open — anyone (help, registration); aggregate — figures of units, for every registered
 * chat (everyone with PUBLIC_AGGREGATES); dossier — lists of dossiers, registered chats
 * only and only within their scope; admin — administrators only.
 */
export type CommandRule = 'open' | 'aggregate' | 'dossier' | 'admin';

export type Decision = { allowed: true } | { allowed: false; reason: 'unregistered' | 'not_admin' | 'unknown_rule' };

/**
 * Whether `access` may run a command of this rule. Every command states its rule in the
 * command table (src/handlers/index.ts); this decides what each rule means for each role.
 */
export function decide(rule: CommandRule, access: Access, publicAggregates: boolean): Decision {
  switch (rule) {
    case 'open':
      return { allowed: true };
    case 'aggregate':
      return access.role !== null || access.isAdmin || publicAggregates ? { allowed: true } : { allowed: false, reason: 'unregistered' };
    case 'dossier':
      return access.role !== null ? { allowed: true } : { allowed: false, reason: 'unregistered' };
    case 'admin':
      return access.isAdmin ? { allowed: true } : { allowed: false, reason: 'not_admin' };
    default:
      return { allowed: false, reason: 'unknown_rule' };
  }
}

/** The dossiers a chat may list: null means no restriction on that axis. */
export interface DossierScope {
  communeIds: number[] | null;
  sectorIds: number[] | null;
  provinceId: number | null;
  /** "xã Thượng Cốc", "Sở Tư pháp", "tổ công tác số 10", "tỉnh Phú Thọ"; null for all. */
  label: string | null;
}

/** What a role may see of dossier-level data. */
export function dossierScope(access: Access, dir: Directory): DossierScope {
  const none: DossierScope = { communeIds: [], sectorIds: [], provinceId: null, label: null };
  const id = access.unitId;
  switch (access.role) {
    case 'admin':
      return { communeIds: null, sectorIds: null, provinceId: null, label: null };
    case 'leader': {
      const p = id === null ? undefined : dir.provinces.get(id);
      return p ? { communeIds: dir.communesOf(p.id).map((c) => c.id), sectorIds: null, provinceId: p.id, label: `tỉnh ${p.name}` } : none;
    }
    case 'commune': {
      const c = id === null ? undefined : dir.communes.get(id);
      return c ? { communeIds: [c.id], sectorIds: null, provinceId: c.provinceId, label: unitPhrase(c) } : none;
    }
    case 'department': {
      const d = id === null ? undefined : dir.departments.get(id);
      if (!d) return none;
      const sectors = [...dir.sectors.values()].filter((s) => s.departmentId === d.id).map((s) => s.id);
      return { communeIds: dir.communesOf(d.provinceId).map((c) => c.id), sectorIds: sectors, provinceId: d.provinceId, label: d.name };
    }
    case 'working_group': {
      const g = id === null ? undefined : dir.workingGroups.get(id);
      return g ? { communeIds: dir.communesOfGroup(g.id).map((c) => c.id), sectorIds: null, provinceId: g.provinceId, label: `tổ công tác số ${g.number}` } : none;
    }
    default:
      return none;
  }
}

/** Keeps the ids of `wanted` that `allowed` permits (null = no restriction). */
export function narrow(wanted: number[] | null, allowed: number[] | null): number[] | null {
  if (allowed === null) return wanted;
  if (wanted === null) return allowed;
  const ok = new Set(allowed);
  return wanted.filter((id) => ok.has(id));
}

/** The province a chat's role belongs to, for commands whose default is "my province". */
export function provinceOfAccess(access: Access, dir: Directory): number | null {
  return dossierScope(access, dir).provinceId;
}
