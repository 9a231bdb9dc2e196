import { dossierScope } from '../access/permissions.js';
import type { Access } from '../access/access.js';
import type { Directory } from '../data/directory.js';
import { toNumber } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';

/** A dossier named by its code in a command: where it is and whether it is still open. */
export interface DossierRef {
  code: string;
  communeId: number;
  sectorId: number | null;
  open: boolean;
}

/** The dossier with this code (codes compared as stored, upper case), or null. */
export async function dossierByCode(store: Store, code: string): Promise<DossierRef | null> {
  const r = await store.sql.get('SELECT code, commune_id, sector_id, closed_at FROM dossier WHERE code = ?', [code.trim().toUpperCase()]);
  if (!r) return null;
  return { code: String(r.code), communeId: toNumber(r.commune_id), sectorId: r.sector_id === null ? null : toNumber(r.sector_id), open: r.closed_at === null };
}

/** Whether a dossier lies within what a chat may see (permissions.ts). */
export function dossierInScope(access: Access, dir: Directory, d: { communeId: number; sectorId: number | null }): boolean {
  const scope = dossierScope(access, dir);
  if (scope.communeIds !== null && !scope.communeIds.includes(d.communeId)) return false;
  return scope.sectorIds === null || (d.sectorId !== null && scope.sectorIds.includes(d.sectorId));
}
