import { pipeline, type Transform } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { ImportError } from '../errors.js';
import type { ByteSource } from './byte-source.js';
import { ByteCounter, CountingDecoder, decodeSample } from './decode.js';
import { sniffDelimiter } from './delimiter.js';
import type { TextEncoding } from './encoding.js';
import type { RawRow, Table } from './table.js';

/** Longest record accepted; a runaway quoted field (a truncated file) stops here, not at the end of memory. */
const MAX_RECORD_CHARS = 1_000_000;
/** Rows handed on at once: one await per chunk instead of per row. */
const CHUNK_ROWS = 512;

function newlinesIn(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') < 0) continue;
    for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) === 10) n++;
  }
  return n;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Turns csv-parse's failure into a whole-file error naming the line, never the content. */
function csvFailure(err: unknown): ImportError {
  const e = err as { code?: string; lines?: number };
  if (typeof e?.code === 'string' && e.code.startsWith('CSV_')) {
    return new ImportError('csv_malformed', { ...(e.lines ? { line: e.lines } : {}), cause: e.code });
  }
  return new ImportError('read_failed', { cause: String((err as Error)?.message ?? err).slice(0, 200) });
}

/**
 * Opens a CSV source whose encoding is known: sniffs the delimiter from the first line,
 * reads the header, and streams the records through csv-parse. UTF-8 bytes go to csv-parse
 * as they are (it decodes each field itself); other encodings are decoded first. Line
 * numbers are counted here (csv-parse's own line info costs more than the parsing): each
 * record starts on the line after the previous one plus the line breaks inside its cells.
 */
export async function openCsvTable(src: ByteSource, encoding: TextEncoding, bomLength: number, sample: Buffer): Promise<Table> {
  const delimiter = sniffDelimiter(decodeSample(sample.subarray(bomLength), encoding));
  const bytes = src.stream(bomLength);
  const front: Transform & { bytes: number } = encoding === 'utf8' ? new ByteCounter() : new CountingDecoder(encoding);
  const parser: Parser = parse({
    delimiter,
    encoding: 'utf8',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  let failure: ImportError | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  pipeline(bytes, front, parser, (err) => {
    if (err && !failure) failure = csvFailure(err);
    ended = true;
    signal();
  });
  parser.on('readable', signal);

  let nextLine = 1;
  /** Up to `max` non-blank records that are ready now, waiting only when none is. */
  const readChunk = async (max: number): Promise<RawRow[] | null> => {
    for (;;) {
      const out: RawRow[] = [];
      let rec: string[] | null;
      while (out.length < max && (rec = parser.read() as string[] | null) !== null) {
        const line = nextLine;
        nextLine += 1 + newlinesIn(rec);
        if (!isBlank(rec)) out.push({ line, cells: rec });
      }
      if (out.length > 0) return out;
      if (failure) throw failure;
      if (ended && parser.readableLength === 0) return null;
      await new Promise<void>((r) => (wake = r));
    }
  };

  const first = await readChunk(1);
  if (!first) {
    bytes.destroy();
    throw new ImportError('empty_file');
  }
  const head = first[0]!;
  let done = false;
  return {
    name: src.name,
    format: 'csv',
    encoding,
    delimiter,
    size: src.size,
    header: head.cells.map((c) => c.trim()),
    headerLine: head.line,
    async *rows(): AsyncGenerator<RawRow[]> {
      try {
        for (;;) {
          const chunk = await readChunk(CHUNK_ROWS);
          if (!chunk) return;
          yield chunk;
        }
      } finally {
        done = true;
        bytes.destroy();
      }
    },
    bytesRead: () => front.bytes + bomLength,
    close: () => {
      if (!done) bytes.destroy();
      done = true;
    },
  };
}
