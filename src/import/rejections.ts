import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { maskCell } from './personal-cells.js';

/**
 * A row that was not stored, and why. `values` holds only the cells of recognised,
 * non-personal columns (never a whole row), with anything shaped like an ID number, a
 * phone number or an e-mail address masked on top.
 */
export interface Rejection {
  /** Line in the file (1-based), or the row's position in an HTTP push. */
  line: number;
  /** The column at fault, as the file names it; null for the row as a whole. */
  column: string | null;
  /** Vietnamese, for the officer who fixes the file. */
  reason: string;
  /** Recognised cells of the row, by column name. */
  values: Record<string, string>;
}

/** Masks what looks like personal data in a value that will be echoed back (the one detector). */
export function maskValue(v: string): string {
  return maskCell(v);
}

/** Builds the echoed values of a row from its picked cells, masked. */
export function echoValues(cells: Record<string, string>, names: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(cells)) {
    const name = names[field];
    if (name !== undefined && value !== '') out[name] = maskValue(value);
  }
  return out;
}

/** A cell Excel or LibreOffice would read as a formula (or as one after trimming a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell of the report. Officials open it in a spreadsheet, so a cell that would start a
 * formula (=HYPERLINK(…), +, -, @, a tab or CR first) is written after a "'", which makes
 * it text; the reason and values stay readable.
 */
export function csvCell(raw: string): string {
  const s = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Where the report of rejected rows goes, beside the input file: `ho-so.rejected.csv` for
 * `ho-so.csv`, and the whole name kept for any other (`ho-so.xlsx.rejected.csv`), so two
 * inputs of the same stem never write one report.
 */
export function rejectedPathFor(input: string): string {
  return `${input.replace(/\.csv$/i, '')}.rejected.csv`;
}

/**
 * Collects rejections: counts all, keeps the first few for the terminal, and streams every
 * one to a CSV file (UTF-8 with BOM, so Excel shows the Vietnamese reasons correctly).
 * The file is only created when the first rejection arrives; a stale report of an earlier
 * run is removed so it is never mistaken for this run's.
 */
export class RejectionLog {
  count = 0;
  readonly first: Rejection[] = [];
  private out: WriteStream | null = null;
  /** Why the report file could not be written (a read-only folder…); the rows are still counted. */
  writeError: string | null = null;

  constructor(
    private readonly csvPath: string | null,
    private readonly columns: readonly string[],
    private readonly keep = 20,
  ) {
    try {
      if (csvPath) rmSync(csvPath, { force: true });
    } catch (err) {
      this.writeError = (err as NodeJS.ErrnoException).code ?? 'unknown';
    }
  }

  add(r: Rejection): void {
    this.count++;
    if (this.first.length < this.keep) this.first.push(r);
    if (!this.csvPath) return;
    if (this.writeError) return;
    if (!this.out) {
      this.out = createWriteStream(this.csvPath, { encoding: 'utf8' });
      this.out.on('error', (err: NodeJS.ErrnoException) => {
        this.writeError = err.code ?? err.message;
      });
      this.out.write(`\uFEFF${['dòng', 'cột', 'lý do', ...this.columns].map(csvCell).join(',')}\r\n`);
    }
    const cells = [String(r.line), r.column ?? '', r.reason, ...this.columns.map((c) => r.values[c] ?? '')];
    this.out.write(`${cells.map(csvCell).join(',')}\r\n`);
  }

  /** Where the report goes (or was meant to go). */
  get target(): string | null {
    return this.csvPath;
  }

  /** The report file, when one was written. */
  get path(): string | null {
    return this.out && !this.writeError ? this.csvPath : null;
  }

  async close(): Promise<void> {
    const out = this.out;
    if (!out || this.writeError) return;
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }
}
