/**
 * The order in which units are listed to a user: by province name, then unit name, in
 * Vietnamese collation (so "Đ" sorts after "D", not after "Z").
 */
import type { UnitRecord } from './types.js';

const collator = new Intl.Collator('vi');

/** Comparator for lists of units shown to a user; the code breaks ties so the order is total. */
export function compareUnits(a: UnitRecord, b: UnitRecord): number {
  return (
    collator.compare(a.provinceName, b.provinceName) ||
    collator.compare(a.name, b.name) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** A sorted copy of `units` without repeats (by id). */
export function uniqueSorted(units: Iterable<UnitRecord>): UnitRecord[] {
  const byId = new Map<number, UnitRecord>();
  for (const u of units) if (!byId.has(u.id)) byId.set(u.id, u);
  return [...byId.values()].sort(compareUnits);
}
