/**
 * Reads what a message mentions, in this order so that each step only sees the words the
 * earlier ones left: working groups by number ("tổ 10", "tct số 7"), unit codes, cue phrases
 * of several words, names (departments, sectors, provinces, units, leaders; longest first, a
 * type word in front decides the kind), periods (the period grammar on runs of period
 * words, after the names so that "Quyết Thắng năm 2025" keeps its "Thắng"), single cue
 * words, and what is left over (a mistyped name, or noise).
 */
import type { DepartmentInfo, Directory, ProvinceInfo, SectorInfo, WorkingGroupInfo } from '../data/directory.js';
import { hasDiacritics, stripDiacritics, toneKey } from '../names/keys.js';
import type { Resolution } from '../names/types.js';
import type { Day } from '../time/day.js';
import { parsePeriod, type PeriodResult } from '../time/period.js';
import { CUE_PHRASES, FILLER_WORDS, PROVINCE_TYPE_WORDS, UNIT_TYPE_WORDS, type Cue } from './lexicon.js';
import { matchesTyped, mentionIndex, type MentionIndex } from './mention-index.js';
import type { Token } from './tokens.js';

export interface PeriodMention {
  /** The words as typed ("tháng 7 năm ngoái"). */
  text: string;
  /** The grammar's reading; `unrecognised` for period words it does not know ("hôm kia", "tháng trước nữa"). */
  result: PeriodResult;
}

export interface UnitMention {
  /** What is handed to the resolver ("xã Thượng Cốc", "van son"). */
  typed: string;
  resolution: Resolution;
}

/** Everything a message mentions. */
export interface Reading {
  cues: Set<Cue>;
  periods: PeriodMention[];
  units: UnitMention[];
  /** Words after a type word that name no known unit ("xã Hà Lội"). */
  unknownUnits: string[];
  provinces: ProvinceInfo[];
  departments: DepartmentInfo[][];
  sectors: SectorInfo[][];
  groups: number[];
  leaders: WorkingGroupInfo[][];
  /** Runs of words nothing explained, as typed. */
  leftovers: string[];
  /** Whether any word was read at all. */
  empty: boolean;
}

export interface ReadOptions {
  dir: Directory;
  today: Day;
  /** The preferred province for names found in several (the chat's or the deployment's). */
  provinceId?: number;
}

const CUES: ReadonlyMap<string, Cue> = new Map(CUE_PHRASES);
const MAX_CUE_WORDS = Math.max(...CUE_PHRASES.map(([p]) => p.split(' ').length));

/**
 * Words a period expression is made of, besides numbers, with their spellings: a word typed
 * with diacritics must be spelled so ("thắng" in "Quyết Thắng từ …" is not "tháng").
 */
const PERIOD_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    'từ đến tới tháng thg th t quý q năm nay này ngoái trước rồi vừa qua tuần ngày hôm kia nữa trong gần nhất đây đầu hết hiện bây giờ ' +
    'cuối một giêng hai ba tư bốn sáu bảy tám chín mười chạp i ii iii iv - – —'
  )
    .split(' ')
    .reduce((m, w) => {
      const fold = stripDiacritics(w);
      m.set(fold, [...(m.get(fold) ?? []), toneKey(w)]);
      return m;
    }, new Map<string, string[]>()),
);
const PERIOD_TOKEN = /^(?:\d[\d/.\-–—]*|[tq]\d{1,2}(?:[/\-]\d{2,4})?|q(?:i{1,3}|iv))$/;
/** Words a period may start with; "qua", "nay" alone start nothing. */
const PERIOD_START = /^(?:tu|den|toi|thang|thg|th|quy|nam|tuan|ngay|hom|hnay|hqua|trong|dau|\d.*|[tq]\d.*|q(?:i{1,3}|iv))$/;
const MAX_PERIOD_WORDS = 16;
/** Words that make a period the grammar does not know ("hôm kia", "tháng trước nữa"). */
const UNKNOWN_PERIOD_TAIL: ReadonlySet<string> = new Set(['kia', 'nua']);

/** Words before a leader's given name: "anh Liêm", "đồng chí Liêm", "PCT Liêm". */
const ADDRESS_FORMS: ReadonlySet<string> = new Set(['anh', 'chi', 'ong', 'ba', 'pct', 'tich', 'truong']);

function isPeriodWord(t: Token): boolean {
  if (PERIOD_TOKEN.test(t.fold)) return true;
  const spellings = PERIOD_SPELLINGS.get(t.fold);
  return spellings !== undefined && (!hasDiacritics(t.surface) || spellings.includes(toneKey(t.surface)));
}
const CANONICAL_UNIT_TYPE: Readonly<Record<string, string>> = { xa: 'xã', x: 'xã', phuong: 'phường', p: 'phường', 'dac khu': 'đặc khu', 'thi tran': 'thị trấn' };

class Scan {
  readonly used: boolean[];
  constructor(readonly tokens: Token[]) {
    this.used = tokens.map(() => false);
  }
  /** Folded text of tokens [i, j) when none is used yet, else null. */
  key(i: number, j: number): string | null {
    if (j > this.tokens.length) return null;
    const parts: string[] = [];
    for (let k = i; k < j; k++) {
      if (this.used[k]) return null;
      parts.push(this.tokens[k]!.fold);
    }
    return parts.join(' ');
  }
  surface(i: number, j: number): string {
    return this.tokens
      .slice(i, j)
      .map((t) => t.surface)
      .join(' ');
  }
  mark(i: number, j: number): void {
    for (let k = i; k < j; k++) this.used[k] = true;
  }
  /** Length in tokens of a phrase among `phrases` starting at i, longest first; 0 if none. */
  prefixAt(i: number, phrases: readonly string[]): number {
    for (const p of phrases) {
      const n = p.split(' ').length;
      if (this.key(i, i + n) === p) return n;
    }
    return 0;
  }
}

function readGroups(s: Scan, out: Reading): void {
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.fold !== 'to') continue;
    let j = i + 1;
    if (t[j]?.fold === 'cong' && t[j + 1]?.fold === 'tac') j += 2;
    if (t[j]?.fold === 'so') j += 1;
    const n = t[j]?.fold;
    if (n && /^\d{1,3}$/.test(n)) {
      out.groups.push(Number(n));
      out.cues.add('group');
      s.mark(i, j + 1);
    }
  }
}

function readCodes(s: Scan, out: Reading, o: ReadOptions): void {
  s.tokens.forEach((t, i) => {
    if (s.used[i] || !/^\d{5}$/.test(t.fold)) return;
    out.units.push({ typed: t.fold, resolution: o.dir.index.resolve(t.fold) });
    s.mark(i, i + 1);
  });
}

/** The periods of the words still free, each as a token range; `apply` records and marks them. */
function findPeriods(s: Scan, o: ReadOptions): { i: number; j: number; mention: PeriodMention }[] {
  const t = s.tokens;
  const found: { i: number; j: number; mention: PeriodMention }[] = [];
  for (let i = 0; i < t.length; i++) {
    if (s.used[i] || !PERIOD_START.test(t[i]!.fold) || !isPeriodWord(t[i]!)) continue;
    let end = i;
    while (end < t.length && end - i < MAX_PERIOD_WORDS && !s.used[end] && isPeriodWord(t[end]!)) end++;
    let hit: { j: number; mention: PeriodMention } | null = null;
    for (let j = end; j > i && !hit; j--) {
      const text = s.surface(i, j);
      const result = parsePeriod(text, o.today);
      if (result.ok || result.error.code !== 'unrecognised') {
        // "tháng trước nữa", "hôm kia": the grammar read only the start of what was meant.
        const cut = j < end && UNKNOWN_PERIOD_TAIL.has(t[j]!.fold);
        hit = cut ? { j: end, mention: { text: s.surface(i, end), result: UNREAD } } : { j, mention: { text, result } };
      }
    }
    if (!hit && end - i >= 2 && t.slice(i, end).some((x) => UNKNOWN_PERIOD_TAIL.has(x.fold))) hit = { j: end, mention: { text: s.surface(i, end), result: UNREAD } };
    if (hit) {
      found.push({ i, ...hit });
      i = hit.j - 1;
    }
  }
  return found;
}

const UNREAD: PeriodResult = { ok: false, error: { code: 'unrecognised' } };

function readPeriods(s: Scan, out: Reading, o: ReadOptions): void {
  for (const p of findPeriods(s, o)) {
    out.periods.push(p.mention);
    s.mark(p.i, p.j);
  }
}

function readNames(s: Scan, out: Reading, o: ReadOptions, idx: MentionIndex): void {
  const t = s.tokens;
  // A name inside a longer period is part of it: "ba nam" (an old commune) in "quy ba nam 2025".
  const periods = findPeriods(s, o);
  const insidePeriod = (from: number, to: number) => periods.some((p) => p.i < from && to <= p.j);
  for (let i = 0; i < t.length; i++) {
    if (s.used[i]) continue;
    const unitPrefix = s.prefixAt(i, UNIT_TYPE_WORDS);
    const provincePrefix = unitPrefix ? 0 : s.prefixAt(i, PROVINCE_TYPE_WORDS);
    const deptPrefix = t[i]!.fold === 'so' ? 1 : 0;
    const sectorPrefix = s.prefixAt(i, ['linh vuc']);
    const prefix = unitPrefix || provincePrefix || deptPrefix || sectorPrefix;
    const start = i + prefix;
    let matched = false;
    for (let n = Math.min(idx.maxWords, t.length - start); n >= 1 && !matched; n--) {
      const key = s.key(start, start + n);
      if (key === null || insidePeriod(i, start + n)) continue;
      const end = start + n;
      const take = (from: number) => {
        s.mark(from, end);
        matched = true;
        i = end - 1;
      };
      const named = idx.units.get(key);
      const unit = named && matchesTyped(named.spellings, t.slice(start, end).map((x) => x.surface)) ? named : undefined;
      const dept = idx.departments.get(key) ?? (deptPrefix ? idx.departmentCodes.get(key) : undefined);
      const sector = idx.sectors.get(key);
      const province = idx.provinces.get(key);
      if (deptPrefix && dept) {
        out.departments.push(dept);
        take(i);
      } else if (sectorPrefix && sector) {
        out.sectors.push(sector);
        take(i);
      } else if (provincePrefix && province) {
        out.provinces.push(province);
        take(i);
      } else if (unitPrefix && unit) {
        const typed = `${CANONICAL_UNIT_TYPE[s.key(i, start)!] ?? ''} ${s.surface(start, end)}`.trim();
        out.units.push({ typed, resolution: o.dir.index.resolve(typed, o.provinceId === undefined ? {} : { provinceId: o.provinceId }) });
        take(i);
      } else if (sector) {
        out.sectors.push(sector);
        take(start);
      } else if (dept) {
        out.departments.push(dept);
        take(start);
      } else if (province) {
        out.provinces.push(province);
        take(start);
      } else if (unit && !unit.weak) {
        const typed = s.surface(start, end);
        out.units.push({ typed, resolution: o.dir.index.resolve(typed, o.provinceId === undefined ? {} : { provinceId: o.provinceId }) });
        take(start);
      } else if (idx.leaders.has(key) && (n >= 2 || out.cues.has('group') || (start > 0 && ADDRESS_FORMS.has(t[start - 1]!.fold)))) {
        out.leaders.push(idx.leaders.get(key)!);
        take(start);
      }
    }
  }
}

/** "xã Hà Lội": words after a type word that no table explained are the name of a unit the bot does not know. */
function readUnknownUnits(s: Scan, out: Reading): void {
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    if (s.used[i]) continue;
    const prefix = s.prefixAt(i, UNIT_TYPE_WORDS);
    if (!prefix) continue;
    const start = i + prefix;
    let end = start;
    while (end < t.length && !s.used[end] && !FILLER_WORDS.has(t[end]!.fold) && /\p{L}/u.test(t[end]!.fold) && end - start < 5) end++;
    if (end > start) {
      out.unknownUnits.push(s.surface(start, end));
      s.mark(i, end);
      i = end - 1;
    }
  }
}

/**
 * Cue phrases of at least `minWords` words. Phrases of several words are read before names
 * ("đúng hạn" before the commune Xa Dung in "xa dung han", "cho em hỏi" before Hội Thương),
 * single words after them (the old commune Lương Lỗ before "lương").
 */
function readCues(s: Scan, out: Reading, minWords: number): void {
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) {
    for (let n = Math.min(MAX_CUE_WORDS, t.length - i); n >= minWords; n--) {
      const key = s.key(i, i + n);
      const cue = key === null ? undefined : CUES.get(key);
      if (cue) {
        out.cues.add(cue);
        s.mark(i, i + n);
        i += n - 1;
        break;
      }
    }
  }
}

/**
 * Runs of words no step explained, fillers included ("thanh baa": "thanh" is also a filler
 * word); a run of fillers only is dropped.
 */
function readLeftovers(s: Scan, out: Reading): void {
  let run: Token[] = [];
  const flush = () => {
    if (run.some((t) => !FILLER_WORDS.has(t.fold))) out.leftovers.push(run.map((t) => t.surface).join(' '));
    run = [];
  };
  s.tokens.forEach((t, i) => {
    if (s.used[i] || !/\p{L}/u.test(t.fold)) flush();
    else run.push(t);
  });
  flush();
}

/** Reads the mentions of a tokenized message. */
export function readMessage(tokens: Token[], o: ReadOptions): Reading {
  const out: Reading = {
    cues: new Set(),
    periods: [],
    units: [],
    unknownUnits: [],
    provinces: [],
    departments: [],
    sectors: [],
    groups: [],
    leaders: [],
    leftovers: [],
    empty: tokens.length === 0,
  };
  const s = new Scan(tokens);
  readGroups(s, out);
  readCodes(s, out, o);
  readCues(s, out, 2);
  readNames(s, out, o, mentionIndex(o.dir));
  readPeriods(s, out, o);
  readCues(s, out, 1);
  readUnknownUnits(s, out);
  readLeftovers(s, out);
  return out;
}
