/**
 * Which text encoding a data file uses. Exports from provincial one-stop systems arrive as
 * UTF-8 (with or without BOM), as UTF-16 from Excel's "Unicode text", or as Windows-1258
 * from older Vietnamese Windows tools. Only the first bytes are examined, so a file of any
 * size is classified without being read.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258';

export type EncodingGuess =
  | { kind: 'text'; encoding: TextEncoding; bomLength: number }
  | { kind: 'binary' }
  | { kind: 'empty' };

/** How many bytes are sampled; enough for several rows of any export. */
export const SAMPLE_BYTES = 64 * 1024;

/** Decides the encoding from the first bytes of a file (a BOM, NUL patterns, UTF-8 validity). */
export function guessEncoding(sample: Uint8Array): EncodingGuess {
  if (sample.length === 0) return { kind: 'empty' };
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { kind: 'text', encoding: 'utf8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { kind: 'text', encoding: 'utf16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { kind: 'text', encoding: 'utf16be', bomLength: 2 };

  // UTF-16 text of mostly Latin letters has a NUL in every other byte; any other NUL means
  // the file is not text at all (a zip, a database, a sparse file of zeros).
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(sample.length, 4096);
  for (let i = 0; i < n; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return { kind: 'text', encoding: 'utf16le', bomLength: 0 };
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return { kind: 'text', encoding: 'utf16be', bomLength: 0 };
  if (evenNul + oddNul > 0) return { kind: 'binary' };

  return { kind: 'text', encoding: isUtf8(sample) ? 'utf8' : 'windows1258', bomLength: 0 };
}

/** True when the bytes are valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over a possibly incomplete last character (at most 3 continuation bytes).
  for (let k = 0; k < 3 && end > 0; k++) {
    const b = bytes[end - 1]!;
    if (b < 0x80) break;
    end--;
    if (b >= 0xc0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The encoding's name as people know it, for the import summary. */
export function encodingLabel(e: TextEncoding): string {
  return { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', windows1258: 'Windows-1258' }[e];
}
