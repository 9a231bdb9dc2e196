/**
 * Splits text into messages of at most `max` characters, on line boundaries, so that no
 * figure or label is ever cut in two. A single line longer than `max` (rare: a long name
 * list) is cut at the last space before the limit.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') parts.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      const cut = rest.lastIndexOf(' ', max);
      const at = cut > max / 2 ? cut : max;
      parts.push(rest.slice(0, at));
      rest = rest.slice(at).replace(/^ /, '');
    }
    current = rest;
  }
  flush();
  return parts;
}
