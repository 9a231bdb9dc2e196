/**
 * Where in a message a name may stand: the folded names of units (current and former),
 * provinces, departments, sectors and working-group leaders, by the number of words, so a
 * message is scanned with map look-ups only. Built once per directory and kept with it.
 * What a found name means is decided by the directory's own resolver, not here.
 */
import type { DepartmentInfo, Directory, ProvinceInfo, SectorInfo, WorkingGroupInfo } from '../data/directory.js';
import { foldKey, hasDiacritics, toneKey } from '../names/keys.js';
import { CUE_PHRASES, FILLER_WORDS } from './lexicon.js';

/** The kinds of name a message may hold. */
export type NameKind = 'unit' | 'province' | 'department' | 'sector' | 'leader';

export interface MentionIndex {
  /**
   * Unit names (current or former) by folded text: each spelling's syllables by tone key
   * (see `matchesTyped`), and whether the name is `weak` (it needs a type word before it).
   */
  units: Map<string, { weak: boolean; spellings: string[][] }>;
  provinces: Map<string, ProvinceInfo>;
  /** By folded name without "Sở", and by folded code (codes only count after "sở"). */
  departments: Map<string, DepartmentInfo[]>;
  departmentCodes: Map<string, DepartmentInfo[]>;
  sectors: Map<string, SectorInfo[]>;
  /** Leaders by full folded name, by the last two words ("Tất Liêm") and by the given name ("Liêm"). */
  leaders: Map<string, WorkingGroupInfo[]>;
  /** Most words in any name. */
  maxWords: number;
}

const CUE_KEYS: ReadonlySet<string> = new Set(CUE_PHRASES.map(([p]) => p));

/**
 * A name of one word, a name that is itself a cue phrase, or a name made only of filler
 * words ("Trung Tâm", "Hồ Sơ" would be) is read as a name only after a type word: "xã Hồ"
 * yes, "hồ" no.
 */
function isWeak(key: string): boolean {
  const words = key.split(' ');
  return words.length < 2 || CUE_KEYS.has(key) || words.every((w) => FILLER_WORDS.has(w));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(dir: Directory): MentionIndex {
  const idx: MentionIndex = {
    units: new Map(),
    provinces: new Map(),
    departments: new Map(),
    departmentCodes: new Map(),
    sectors: new Map(),
    leaders: new Map(),
    maxWords: 1,
  };
  const words = (key: string) => {
    const n = key.split(' ').length;
    if (n > idx.maxWords) idx.maxWords = n;
  };
  const addUnit = (name: string) => {
    const key = foldKey(name);
    if (!key) return;
    const spelling = toneKey(name).split(' ');
    const known = idx.units.get(key);
    if (known) {
      if (!known.spellings.some((x) => x.join(' ') === spelling.join(' '))) known.spellings.push(spelling);
      return;
    }
    idx.units.set(key, { weak: isWeak(key), spellings: [spelling] });
    words(key);
  };
  for (const c of dir.communes.values()) {
    addUnit(c.name);
    for (const f of c.formerNames) addUnit(f.name);
  }
  for (const p of dir.provinces.values()) {
    const key = foldKey(p.name);
    idx.provinces.set(key, p);
    words(key);
  }
  for (const d of dir.departments.values()) {
    const key = foldKey(d.name).replace(/^so /, '');
    push(idx.departments, key, d);
    push(idx.departmentCodes, foldKey(d.code), d);
    words(key);
  }
  for (const s of dir.sectors.values()) {
    const key = foldKey(s.name);
    push(idx.sectors, key, s);
    words(key);
  }
  for (const g of dir.workingGroups.values()) {
    const key = foldKey(g.leaderName);
    if (!key) continue;
    push(idx.leaders, key, g);
    const parts = key.split(' ');
    if (parts.length > 2) push(idx.leaders, parts.slice(-2).join(' '), g);
    // The given name alone ("đồng chí Liêm") counts only after a form of address or in a question about groups.
    push(idx.leaders, parts.at(-1)!, g);
    words(key);
  }
  idx.maxWords = Math.min(idx.maxWords, 8);
  return idx;
}

/**
 * Whether typed words can be this name: a word typed with diacritics must be the name's word
 * (tone placement aside), a word typed without may be any. So "hỏi thượng" is not "Hội
 * Thương", while "hoi thuong" could be, and "thượng coc" is "Thượng Cốc".
 */
export function matchesTyped(spellings: readonly string[][], typed: readonly string[]): boolean {
  return spellings.some((sp) => sp.length === typed.length && typed.every((w, i) => !hasDiacritics(w) || toneKey(w) === sp[i]));
}

const CACHE = new WeakMap<Directory, MentionIndex>();

/** The mention index of a directory, built on first use. */
export function mentionIndex(dir: Directory): MentionIndex {
  let idx = CACHE.get(dir);
  if (!idx) {
    idx = build(dir);
    CACHE.set(dir, idx);
  }
  return idx;
}
