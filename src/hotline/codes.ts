/**
 * Recommendation codes: "KN-" and the item's number on four digits or more ("KN-0042").
 * People type them loosely ("kn42", "KN 0042", "#42", "42"); all read the same.
 */

/** The code of item number `n`. */
export function recommendationCode(n: number): string {
  return `KN-${String(n).padStart(4, '0')}`;
}

/** Reads a typed code; null when it is not one. */
export function parseRecommendationCode(text: string): string | null {
  const m = /^(?:kn[\s-]?|#)?0*(\d{1,7})$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? recommendationCode(n) : null;
}

/** The first code a text names ("… KN-0042 …"), as stored; null when none. */
export function codeIn(text: string): string | null {
  const m = /\bKN-(\d{4,7})\b/.exec(text);
  return m ? recommendationCode(Number(m[1])) : null;
}
