/** Delimiters that spreadsheet exports use; Vietnamese-locale Excel writes ';'. */
const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter of a CSV file from its first line (the header): the candidate that
 * occurs most often outside quotes. With none at all the header is one column, and the
 * column check then reports it (most likely an unsupported delimiter).
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** How a delimiter is named in the summary. */
export function delimiterLabel(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}
