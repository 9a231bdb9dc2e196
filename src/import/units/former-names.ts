import { foldKey } from '../../names/keys.js';
import { stripUnitPrefix } from '../../names/prefix.js';

/** A pre-merger unit as stored: its name without the type word, the type apart. */
export interface FormerUnitName {
  code: string | null;
  name: string;
  /** 'xa', 'phuong', 'thi_tran', 'dac_khu', 'huyen' (island districts), or null. */
  type: string | null;
}

/**
 * Splits an old unit's full name into name and type: "Xã Văn Sơn" → Văn Sơn, xa. The name
 * is stored without its type word (the resolver never strips stored names again). Island
 * districts that became special zones ("Huyện Côn Đảo") keep "huyen" as their type.
 */
export function splitFormerName(full: string): { name: string; type: string | null } {
  const s = stripUnitPrefix(full.trim());
  if (s.typeHint) return { name: s.name, type: s.typeHint };
  const m = /^huy[eệ]n\s+(.+)$/iu.exec(full.trim());
  if (m && foldKey(full).startsWith('huyen ')) return { name: m[1]!.trim(), type: 'huyen' };
  return { name: s.name, type: null };
}

export type Share = 'toàn bộ' | 'một phần';

/** Reads the share column: "toàn bộ" (all of it moved) or "một phần" (part of it). */
export function parseShare(text: string): Share | null | undefined {
  const k = foldKey(text);
  if (k === '') return null;
  if (k === 'toan bo' || k === 'all' || k === 'full') return 'toàn bộ';
  if (k === 'mot phan' || k === 'part' || k === 'partial') return 'một phần';
  return undefined;
}

const ENTRY = /^(?:(\d{3,5})\s*:\s*)?(.+?)(?:\s*\((một phần|toàn bộ)\))?$/u;

/**
 * Reads merged_from_codes: "05272:Xã Miền Đồi; 00016:Phường Ngọc Hà (một phần)". Returns
 * the units, or the first part that could not be read.
 */
export function parseMergedFrom(text: string): { units: (FormerUnitName & { share: Share })[] } | { bad: string } {
  const units: (FormerUnitName & { share: Share })[] = [];
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const m = ENTRY.exec(part);
    if (!m) return { bad: part };
    const { name, type } = splitFormerName(m[2]!);
    if (!name || /[:;]/.test(name)) return { bad: part };
    units.push({ code: m[1] ?? null, name, type, share: m[3] === 'một phần' ? 'một phần' : 'toàn bộ' });
  }
  return { units };
}
