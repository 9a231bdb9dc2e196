/**
 * Edit distance for near-miss suggestions.
 *
 * The "optimal string alignment" form of Damerau–Levenshtein: insertions, deletions,
 * substitutions and transpositions of two adjacent characters each cost 1, and no substring is
 * edited twice. Swapped letters are the most common typing slip, hence transpositions.
 */

// Rows are reused between calls: suggestions compare one query against thousands of names.
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let curr = new Int32Array(64);

function ensureCapacity(n: number): void {
  if (curr.length >= n) return;
  prev2 = new Int32Array(n);
  prev = new Int32Array(n);
  curr = new Int32Array(n);
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance between `a` and `b`, compared by
 * UTF-16 code unit (the keys it is used on are folded to plain letters).
 *
 * @param max optional bound: once the distance is certain to exceed it, the function stops and
 *   returns `max + 1`. Any result `<= max` is exact.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensureCapacity(lb + 1);

  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Safe to stop: a row whose minimum exceeds max implies every later cell does too (a
    // transposition reaches back two rows, but the previous row's minimum is then >= max).
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = curr;
    curr = t;
  }
  const d = prev[lb]!;
  return d > max ? max + 1 : d;
}
