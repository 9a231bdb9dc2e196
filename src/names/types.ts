/**
 * Shapes shared by the unit index and its callers.
 */

/** Type of a commune-level unit since 1 July 2025 (thị trấn were abolished with the districts). */
export type UnitType = 'xa' | 'phuong' | 'dac_khu';

/** A pre-merger name that now points to a unit. */
export interface FormerName {
  /**
   * The old name without its type word ("Văn Sơn" for "Xã Văn Sơn"), as {@link stripUnitPrefix}
   * gives it. It is not stripped again: "Phường Đúc" is a whole old name.
   */
  name: string;
  /** The old type in any spelling ("xa", "Xã", "thi_tran", "Thị trấn"), when known. */
  type?: string;
  /** The old unit's code, when known; informational only. */
  code?: string | null;
}

/** One commune, ward or special zone, as the resolver sees it. */
export interface UnitRecord {
  id: number;
  /** The stable 5-digit code. */
  code: string;
  /** The name without its type word ("Thượng Cốc", not "Xã Thượng Cốc"). */
  name: string;
  type: UnitType;
  provinceId: number;
  provinceName: string;
  formerNames: FormerName[];
}

/** Options of {@link UnitIndex.resolve}. */
export interface ResolveOptions {
  /** A deployment serving one province prefers its units over same-name units elsewhere. */
  provinceId?: number;
}

/** The outcome of resolving what a user typed to a unit. */
export type Resolution =
  | {
      kind: 'found';
      unit: UnitRecord;
      /** Present when the match was on a pre-merger name. */
      via?: { formerName: string };
      /** Units of the same name in other provinces, when a preferred province decided. */
      alsoElsewhere?: UnitRecord[];
    }
  | { kind: 'ambiguous'; options: UnitRecord[]; via?: 'former' }
  | { kind: 'not_found'; suggestions: UnitRecord[] }
  | { kind: 'invalid'; reason: 'empty' | 'too_long' | 'no_letters' };
