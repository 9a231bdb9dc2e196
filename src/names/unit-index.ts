/**
 * In-memory resolver from what a user typed ("xa Thuong Coc", "Phường Hoà Bình", "05293",
 * an old commune name) to one of the 3,321 units.
 *
 * Matching goes from strict to loose, and stops at the first level that matches anything:
 *   1. exact tone key (diacritics as typed, tone placement ignored), current then former names;
 *   2. fold key (no diacritics), current then former names;
 *   3. otherwise suggestions by edit distance.
 * An exact former name beats a loose current one because a fully accented "Văn Sơn" names the
 * old commune, not the current "Vân Sơn" it folds to. A query typed without any diacritics skips
 * level 1: there a tone-key hit on a name that happens to have no marks would be a coincidence.
 */
import { compareUnits, uniqueSorted } from './order.js';
import { foldKey, hasDiacritics, hasLetterOrDigit, nameKeys, toneKey, type NameKeys } from './keys.js';
import { parseUnitType, stripUnitPrefix, type UnitTypeHint } from './prefix.js';
import { NameSuggester } from './suggest.js';
import type { Resolution, ResolveOptions, UnitRecord } from './types.js';

export type { FormerName, Resolution, ResolveOptions, UnitRecord, UnitType } from './types.js';

/** Longest accepted query, in characters; the longest unit name has 23. */
const MAX_QUERY_LENGTH = 100;

const CODE = /^\d{5}$/;

interface FormerHit {
  unit: UnitRecord;
  /** The old name as stored, without its type word. */
  formerName: string;
  formerType?: UnitTypeHint;
}

/** One reading of the query: the name after the prefix, or the whole text. */
interface Variant {
  name: string;
  hint?: UnitTypeHint;
}

/** A matching level: which key function, and which of the two maps it fills. */
interface Level {
  map: 'tone' | 'fold';
  key: (s: string) => string;
}

const TONE_LEVEL: Level = { map: 'tone', key: toneKey };
const FOLD_LEVEL: Level = { map: 'fold', key: foldKey };

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Keeps the items that fit the hint, unless none do: a wrong type word must not hide a match. */
function preferHint<T>(items: readonly T[], hint: UnitTypeHint | undefined, typeOf: (t: T) => string | undefined): T[] {
  if (!hint) return [...items];
  const fitting = items.filter((t) => typeOf(t) === hint);
  return fitting.length > 0 ? fitting : [...items];
}

/**
 * Index of all units by code, current name and former names. Build it once per unit list
 * (tens of milliseconds for the whole country); it is read-only afterwards, so one instance can
 * serve every chat concurrently.
 */
export class UnitIndex {
  private readonly byCode = new Map<string, UnitRecord>();
  private readonly current = { tone: new Map<string, UnitRecord[]>(), fold: new Map<string, UnitRecord[]>() };
  private readonly former = { tone: new Map<string, FormerHit[]>(), fold: new Map<string, FormerHit[]>() };
  private readonly suggester: NameSuggester;

  /** @param units every unit of the country (or of the deployment); codes must be unique. */
  constructor(units: readonly UnitRecord[]) {
    // Names repeat a lot (Tân An, Tân Lập, and most units keep one of their old names), so
    // the keys of each distinct name are computed once; this halves the build.
    const memo = new Map<string, NameKeys>();
    const keysOf = (name: string): NameKeys => {
      let keys = memo.get(name);
      if (!keys) {
        keys = nameKeys(name);
        memo.set(name, keys);
      }
      return keys;
    };
    for (const unit of units) {
      this.byCode.set(unit.code, unit);
      const now = keysOf(unit.name);
      push(this.current.tone, now.tone, unit);
      push(this.current.fold, now.fold, unit);
      for (const f of unit.formerNames) {
        // Names are taken as given, never stripped here: "Phường Đúc" and "Xa Lý" are old names
        // whose first word looks like a type word. Callers strip the type word once, on import.
        const formerName = f.name.trim();
        const keys = keysOf(formerName);
        const hit: FormerHit = { unit, formerName, formerType: parseUnitType(f.type) };
        push(this.former.tone, keys.tone, hit);
        push(this.former.fold, keys.fold, hit);
      }
    }
    this.suggester = new NameSuggester(units);
  }

  /** Number of units in the index. */
  get size(): number {
    return this.byCode.size;
  }

  /** The unit with this 5-digit code, if any. */
  getByCode(code: string): UnitRecord | undefined {
    return this.byCode.get(code);
  }

  /**
   * Resolves free text to a unit. Accepts a 5-digit code, or a current or former name with an
   * optional type word ("xã", "phường", "p.", …), with or without diacritics. The text is only
   * compared with names, never evaluated.
   *
   * @param opts.provinceId prefer units of this province: a single match there is `found`, and
   *   same-name units elsewhere are listed in `alsoElsewhere`.
   */
  resolve(query: string, opts: ResolveOptions = {}): Resolution {
    if (typeof query !== 'string') return { kind: 'invalid', reason: 'empty' };
    const text = query.normalize('NFC').trim();
    if (!text) return { kind: 'invalid', reason: 'empty' };
    if (text.length > MAX_QUERY_LENGTH && [...text].length > MAX_QUERY_LENGTH) {
      return { kind: 'invalid', reason: 'too_long' };
    }
    if (!hasLetterOrDigit(text)) return { kind: 'invalid', reason: 'no_letters' };

    const stripped = stripUnitPrefix(text);
    if (CODE.test(stripped.name)) {
      const unit = this.byCode.get(stripped.name);
      return unit ? { kind: 'found', unit } : { kind: 'not_found', suggestions: [] };
    }

    const variants: Variant[] = [{ name: stripped.name, hint: stripped.typeHint }];
    // "phuong mao" may be phường Mao or Phương Mao: also try the text as a whole name.
    if (stripped.name !== text) variants.push({ name: text });

    const levels = hasDiacritics(stripped.name) ? [TONE_LEVEL, FOLD_LEVEL] : [FOLD_LEVEL];
    for (const level of levels) {
      const result = this.matchLevel(level, variants, opts.provinceId);
      if (result) return result;
    }
    const foldedVariants = variants.map((v) => foldKey(v.name));
    return { kind: 'not_found', suggestions: this.suggester.suggest(foldedVariants, opts.provinceId) };
  }

  /** Applies the province and current-before-former rules to one key level. */
  private matchLevel(level: Level, variants: readonly Variant[], provinceId?: number): Resolution | undefined {
    const keys = variants.map((v) => level.key(v.name));
    const { map } = level;
    const current = uniqueSorted(
      variants.flatMap((v, i) => preferHint(this.current[map].get(keys[i]!) ?? [], v.hint, (u) => u.type)),
    );
    const former = variants.flatMap((v, i) =>
      preferHint(this.former[map].get(keys[i]!) ?? [], v.hint, (h) => h.formerType),
    );
    // Thị trấn no longer exist, so "thị trấn X" names an old town even if a unit is now called X.
    const towns = variants[0]?.hint === 'thi_tran' ? former.filter((h) => h.formerType === 'thi_tran') : [];

    if (provinceId !== undefined) {
      const inside = (u: UnitRecord): boolean => u.provinceId === provinceId;
      const currentHere = current.filter(inside);
      const currentElsewhere = current.filter((u) => !inside(u));
      const formerHere = former.filter((h) => inside(h.unit));
      const townsHere = towns.filter((h) => inside(h.unit));
      if (townsHere.length > 0) return fromFormer(townsHere, currentElsewhere);
      if (currentHere.length === 1) {
        return withElsewhere({ kind: 'found', unit: currentHere[0]! }, currentElsewhere);
      }
      // Several of the same loose key inside the province (Cẩm Giang / Cẩm Giàng): units
      // elsewhere are even less likely, so they are left out of the options.
      if (currentHere.length > 1) return { kind: 'ambiguous', options: currentHere };
      // An old name in the province beats a current name elsewhere: the deployment's users
      // mostly talk about their own province.
      if (formerHere.length > 0) return fromFormer(formerHere, currentElsewhere);
    }
    if (towns.length > 0) return fromFormer(towns, []);
    if (current.length === 1) return { kind: 'found', unit: current[0]! };
    if (current.length > 1) return { kind: 'ambiguous', options: current };
    if (former.length > 0) return fromFormer(former, []);
    return undefined;
  }
}

/** Answer for matches on former names: one unit is found, several (a split commune) ambiguous. */
function fromFormer(hits: readonly FormerHit[], currentElsewhere: readonly UnitRecord[]): Resolution {
  const units = uniqueSorted(hits.map((h) => h.unit));
  if (units.length === 1) {
    const unit = units[0]!;
    const formerName = hits.find((h) => h.unit.id === unit.id)?.formerName ?? unit.name;
    return withElsewhere({ kind: 'found', unit, via: { formerName } }, currentElsewhere);
  }
  return { kind: 'ambiguous', options: units, via: 'former' };
}

/** Adds `alsoElsewhere` to a found answer when there is something to list. */
function withElsewhere(found: Extract<Resolution, { kind: 'found' }>, elsewhere: readonly UnitRecord[]): Resolution {
  if (elsewhere.length === 0) return found;
  return { ...found, alsoElsewhere: [...elsewhere].sort(compareUnits) };
}
