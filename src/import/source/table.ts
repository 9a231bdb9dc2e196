import type { TextEncoding } from './encoding.js';

/** One data row as read: its line in the file (1-based) and its cells as text. */
export interface RawRow {
  line: number;
  cells: string[];
}

/**
 * A table read from a file, header first, then its rows streamed once. Cells are text:
 * CSV as written, XLSX values converted (see xlsx-table.ts), so validation has one input type.
 */
export interface Table {
  readonly name: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: TextEncoding | null;
  readonly delimiter: string | null;
  readonly size: number | null;
  /** The header cells, trimmed, as written in the file. */
  readonly header: string[];
  readonly headerLine: number;
  /** The data rows after the header, a chunk at a time; iterate once. Blank rows are skipped. */
  rows(): AsyncGenerator<RawRow[]>;
  /** Bytes consumed so far (for progress against `size`). */
  bytesRead(): number;
  /** Stops reading and releases the file. */
  close(): void;
}
