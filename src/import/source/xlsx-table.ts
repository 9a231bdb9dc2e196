import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { ImportError } from '../errors.js';
import type { ByteSource } from './byte-source.js';
import { ByteCounter } from './decode.js';
import type { RawRow, Table } from './table.js';

/** The zip end-of-central-directory record: its signature and how far from the end it may sit. */
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_SEARCH = 22 + 0xffff;

/**
 * True when a zip file ends with its central directory. A truncated download or copy loses
 * it, and a streaming reader would otherwise read the first rows and fail halfway.
 */
function hasZipDirectory(tail: Buffer): boolean {
  return tail.lastIndexOf(EOCD_SIGNATURE) >= 0 && tail.length >= 22;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A cell value as text. Dates come back from exceljs as the sheet's wall time written in
 * UTC; they are printed as that wall time so the date parser reads them as Vietnam time.
 */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

function rowCells(values: unknown): string[] {
  // exceljs rows are 1-based sparse arrays.
  const arr = Array.isArray(values) ? values : [];
  const cells: string[] = [];
  for (let i = 1; i < arr.length; i++) cells.push(cellText(arr[i]));
  return cells;
}

/** Turns a stream of byte chunks into text, keeping a character cut at a chunk's end for the next. */
async function* utf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The parts of exceljs' streaming reader that receive the XML of a zip entry. */
interface EntryParsers {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
}

/**
 * exceljs' streaming reader decodes every chunk of a zip entry on its own, so a Vietnamese
 * letter (two or three UTF-8 bytes) cut by a chunk boundary becomes two U+FFFD (a known
 * upstream bug; the in-memory reader is not affected). Its XML parser takes text chunks as
 * they are, so the worksheet and shared-strings entries are handed to it already decoded,
 * with one decoder per entry that carries a cut character over to the next chunk.
 */
function decodeEntriesWhole(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as EntryParsers;
  if (typeof r._parseWorksheet !== 'function' || typeof r._parseSharedStrings !== 'function') {
    throw new Error('exceljs WorkbookReader internals changed: review decodeEntriesWhole');
  }
  const parseWorksheet = r._parseWorksheet.bind(r);
  const parseSharedStrings = r._parseSharedStrings.bind(r);
  r._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Chunks(iterator), sheetNo);
  r._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return parseSharedStrings(entry);
  };
}

/**
 * Opens the first worksheet of an XLSX file with exceljs' streaming reader (rows are read
 * as they are unzipped; only the shared strings are kept), each zip entry decoded as one
 * text (see decodeEntriesWhole). The file must end with its zip
 * directory, so a truncated file is refused before any row is read.
 */
export async function openXlsxTable(src: ByteSource): Promise<Table> {
  const tail = await src.tail(EOCD_SEARCH);
  if (!hasZipDirectory(tail)) throw new ImportError('xlsx_truncated');
  const counter = new ByteCounter();
  const bytes = src.stream(0);
  pipeline(bytes, counter, () => undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counter, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  decodeEntriesWhole(reader);
  const failure = (err: unknown) =>
    err instanceof ImportError ? err : new ImportError('xlsx_unreadable', { cause: String((err as Error)?.message ?? err).slice(0, 200) });

  let rows: AsyncIterator<ExcelJS.Row>;
  try {
    const sheets = reader[Symbol.asyncIterator]();
    const sheet = await sheets.next();
    if (sheet.done) throw new ImportError('xlsx_no_sheet');
    rows = sheet.value[Symbol.asyncIterator]();
  } catch (err) {
    bytes.destroy();
    throw failure(err);
  }

  const read = async (): Promise<RawRow | null> => {
    for (;;) {
      let r: IteratorResult<ExcelJS.Row>;
      try {
        r = await rows.next();
      } catch (err) {
        throw failure(err);
      }
      if (r.done) return null;
      const cells = rowCells(r.value.values);
      if (cells.some((c) => c.trim() !== '')) return { line: r.value.number, cells };
    }
  };

  const first = await read().catch((err: unknown) => {
    bytes.destroy();
    throw err;
  });
  if (!first) {
    bytes.destroy();
    throw new ImportError('empty_file');
  }
  return {
    name: src.name,
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    size: src.size,
    header: first.cells.map((c) => c.trim()),
    headerLine: first.line,
    async *rows(): AsyncGenerator<RawRow[]> {
      try {
        for (;;) {
          const r = await read();
          if (!r) return;
          yield [r];
        }
      } finally {
        bytes.destroy();
      }
    },
    bytesRead: () => counter.bytes,
    close: () => bytes.destroy(),
  };
}
