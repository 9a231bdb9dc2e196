/**
 * Near-miss suggestions ("did you mean …?") by edit distance on {@link foldKey}.
 *
 * Only current names are suggested: a suggestion reached through an old name would show a unit
 * whose name looks unrelated to what the user typed.
 */
import { damerauLevenshtein } from './edit-distance.js';
import { foldKey } from './keys.js';
import { compareUnits } from './order.js';
import type { UnitRecord } from './types.js';

interface Entry {
  key: string;
  bag: Uint8Array;
  unit: UnitRecord;
}

const BAG_SIZE = 37; // a–z, 0–9, anything else

/**
 * Counts of each character of a folded key. An edit changes the counts by at most 2 in total
 * (a substitution removes one and adds one; a transposition changes nothing), so half the
 * difference of two bags is a lower bound of the edit distance: a cheap first filter.
 */
function bagOf(key: string): Uint8Array {
  const bag = new Uint8Array(BAG_SIZE);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x20) continue;
    const slot = c >= 0x61 && c <= 0x7a ? c - 0x61 : c >= 0x30 && c <= 0x39 ? 26 + c - 0x30 : 36;
    bag[slot] = Math.min(255, bag[slot]! + 1);
  }
  return bag;
}

/** Half the total difference of two bags, rounded up; stops counting past `max`. */
function bagDistance(a: Uint8Array, b: Uint8Array, max: number): number {
  let diff = 0;
  const limit = 2 * max;
  for (let i = 0; i < BAG_SIZE; i++) {
    diff += Math.abs(a[i]! - b[i]!);
    if (diff > limit) break;
  }
  return Math.ceil(diff / 2);
}

/**
 * How many edits a key of this many letters may be away from a name. Over 10 letters: 3;
 * otherwise 2, except 1 for keys of at most 4 letters, where 2 edits would change half the word
 * and suggest unrelated names.
 */
function maxSuggestionDistance(key: string): number {
  const letters = key.replace(/ /g, '').length;
  if (letters > 10) return 3;
  return letters <= 4 ? 1 : 2;
}

/** Finds current unit names close to a query; built once, then read-only. */
export class NameSuggester {
  /** Entries bucketed by key length, so a query only meets names of a plausible length. */
  private readonly byLength = new Map<number, Entry[]>();

  constructor(units: readonly UnitRecord[]) {
    for (const unit of units) {
      const key = foldKey(unit.name);
      const entry: Entry = { key, bag: bagOf(key), unit };
      const bucket = this.byLength.get(key.length);
      if (bucket) bucket.push(entry);
      else this.byLength.set(key.length, [entry]);
    }
  }

  /**
   * Up to `limit` units whose folded name is within {@link maxSuggestionDistance} of one of
   * `keys` (folded query variants). Units of `provinceId` come first, then by distance, then by
   * province and name.
   */
  suggest(keys: readonly string[], provinceId?: number, limit = 3): UnitRecord[] {
    const best = new Map<number, { unit: UnitRecord; distance: number }>();
    for (const key of keys) {
      if (!key) continue;
      const max = maxSuggestionDistance(key);
      const bag = bagOf(key);
      for (let len = key.length - max; len <= key.length + max; len++) {
        for (const entry of this.byLength.get(len) ?? []) {
          if (bagDistance(bag, entry.bag, max) > max) continue;
          const distance = damerauLevenshtein(key, entry.key, max);
          if (distance > max) continue;
          const seen = best.get(entry.unit.id);
          if (!seen || distance < seen.distance) best.set(entry.unit.id, { unit: entry.unit, distance });
        }
      }
    }
    const preferred = (u: UnitRecord): number => (provinceId !== undefined && u.provinceId === provinceId ? 0 : 1);
    return [...best.values()]
      .sort(
        (x, y) =>
          preferred(x.unit) - preferred(y.unit) || x.distance - y.distance || compareUnits(x.unit, y.unit),
      )
      .slice(0, limit)
      .map((x) => x.unit);
  }
}
