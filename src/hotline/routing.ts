import { exactToneOf, textKey, textWords, type TextWord } from './text-key.js';

/** One keyword → department rule, as routing uses it. */
export interface RouteRule {
  keyword: string;
  /** textKey(keyword). */
  matchKey: string;
  departmentId: number;
  field: string | null;
  /** exactToneOf(keyword): the tone a one-syllable keyword must be typed with. */
  exactTone: string | null;
}

/** A rule from its keyword. */
export function routeRule(keyword: string, departmentId: number, field: string | null): RouteRule {
  return { keyword, matchKey: textKey(keyword), departmentId, field, exactTone: exactToneOf(keyword) };
}

/** Where a text should go: one department, or a question to the sender. */
export type RouteResult =
  | { kind: 'suggested'; departmentId: number; field: string | null; score: number; alternatives: number[] }
  /** No rule matched, or two departments scored the same: the sender chooses. */
  | { kind: 'ask'; reason: 'no_match' | 'tie'; candidates: number[] };

interface Match {
  start: number;
  end: number;
  rule: RouteRule;
}

/** A match weighs its length in syllables, up to 4: a precise phrase beats a loose word, not a whole sentence. */
const MAX_WEIGHT = 4;

/** Every occurrence of each rule's words in `words`, as whole words. */
function matches(words: readonly TextWord[], rules: readonly RouteRule[]): Match[] {
  const out: Match[] = [];
  for (const rule of rules) {
    const k = rule.matchKey.split(' ').filter(Boolean);
    if (k.length === 0) continue;
    for (let i = 0; i + k.length <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < k.length && ok; j++) ok = words[i + j]!.fold === k[j];
      if (ok && rule.exactTone !== null) ok = words[i]!.tone === rule.exactTone;
      if (ok) out.push({ start: i, end: i + k.length, rule });
    }
  }
  return out;
}

/**
 * Suggests the department for a difficulty from the rules: each matched keyword scores for
 * its department by its length, a keyword inside a longer matched one does not count
 * ("đường giao thông" is not also "giao thông"), and the best score wins. No match, or a
 * tie at the top, asks the sender instead of guessing.
 *
 * @example routeText('Bố trí thêm máy cài đặt VNeID mức độ 2', rules) // → Công an tỉnh
 */
export function routeText(text: string, rules: readonly RouteRule[]): RouteResult {
  const words = textWords(text);
  const all = matches(words, rules);
  const kept = all.filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  const score = new Map<number, number>();
  const best = new Map<number, Match>();
  const counted = new Set<string>();
  for (const m of kept) {
    // One keyword counts once per department, however often it is repeated.
    const once = `${m.rule.departmentId}:${m.rule.matchKey}`;
    if (counted.has(once)) continue;
    counted.add(once);
    const w = Math.min(MAX_WEIGHT, m.end - m.start);
    score.set(m.rule.departmentId, (score.get(m.rule.departmentId) ?? 0) + w);
    const b = best.get(m.rule.departmentId);
    if (!b || b.end - b.start < m.end - m.start) best.set(m.rule.departmentId, m);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (ranked.length === 0) return { kind: 'ask', reason: 'no_match', candidates: [] };
  const [top, second] = ranked;
  if (second && second[1] === top![1]) return { kind: 'ask', reason: 'tie', candidates: ranked.filter(([, s]) => s === top![1]).map(([id]) => id) };
  return { kind: 'suggested', departmentId: top![0], field: best.get(top![0])!.rule.field, score: top![1], alternatives: ranked.slice(1).map(([id]) => id) };
}

/** Rules from the default departments' keywords, with stand-in ids (department index + 1), for tests and the demo. */
export function rulesFromKeywords(departments: readonly { id: number; fields: readonly { name: string; keywords: readonly string[] }[] }[]): RouteRule[] {
  return departments.flatMap((d) => d.fields.flatMap((f) => f.keywords.map((keyword) => routeRule(keyword, d.id, f.name))));
}
