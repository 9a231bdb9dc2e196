import { pipeline } from 'node:stream';
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

/**
 * Opens the first worksheet of an XLSX file with exceljs' streaming reader (rows are read
 * as they are unzipped; only the shared strings are kept). The file must end with its zip
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
