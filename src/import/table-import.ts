import { basename } from 'node:path';
import type { z } from 'zod';
import { finishImportRun, startImportRun, type ImportKind } from '../data/imports.js';
import type { Store } from '../data/store.js';
import { IMPORT_TEXT as T } from '../text/messages.js';
import { matchHeader, pickCells, type FieldSpec, type HeaderMatch } from './columns.js';
import { ImportError } from './errors.js';
import { echoValues, maskValue, RejectionLog, rejectedPathFor, type Rejection } from './rejections.js';
import { newResult, runCounts, type ExtraCount, type ImportResult, type Progress, type SourceInfo } from './result.js';
import { fileSource, type ByteSource } from './source/byte-source.js';
import { DEFAULT_LIMITS, openTable, type SizeLimits } from './source/open-table.js';

/** Reference lists are small; a file far larger than any of them is the wrong file. */
const SMALL_FILE_LIMIT = 64 * 1024 ** 2;

export interface TableImportOptions {
  now?: Date;
  limits?: SizeLimits;
  /** Where to write the rejected rows; default beside the input; null for nowhere. */
  rejectedCsv?: string | null;
  onOpened?: (info: SourceInfo) => void;
  onProgress?: (p: Progress) => void;
  /** Read from this source instead of the file at `path` (tests). */
  source?: ByteSource;
}

/** A row that passed validation, with where it came from. */
export interface ValidRow<V> {
  line: number;
  value: V;
}

/** What writing the valid rows did. */
export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  extra?: ExtraCount[];
}

/** A reference-list import: its columns, its row schema, its key and how it writes. */
export interface TableImportSpec<F extends string, V> {
  kind: ImportKind;
  fields: readonly FieldSpec<F>[];
  /** Unused columns whose names look personal but are not (a unit's "full_name"). */
  harmless?: readonly string[];
  /** Why an earlier row with the same key was replaced by the one on `laterLine`. */
  duplicateReason?: (v: V, laterLine: number) => string;
  /** Columns that must all be present, beyond the fields marked required. */
  check?: (match: HeaderMatch<F>) => string[];
  /** The zod schema of one row's cells; issues carry the field as their path. */
  schema: z.ZodType<V, Record<F, string>>;
  /** Rows with the same key replace each other (the later row wins). */
  key: (v: V) => string;
  /** Writes the valid rows in one transaction; rows it cannot place are passed to `reject`. */
  write: (store: Store, rows: ValidRow<V>[], reject: (row: ValidRow<V>, field: F, reason: string) => void) => Promise<WriteCounts>;
}

/**
 * Runs an import of a reference list (units, the old-unit map, reported figures, holidays):
 * reads the whole file (they are small), validates each row with the kind's zod schema,
 * keeps the last row of each key, and writes everything in one transaction, so the file is
 * fully in or not at all. Rejected rows are reported with line, column and reason.
 */
export async function runTableImport<F extends string, V>(
  store: Store,
  path: string,
  spec: TableImportSpec<F, V>,
  opts: TableImportOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const now = () => opts.now ?? new Date();
  const result = newResult(spec.kind, basename(path));
  const limits = opts.limits ?? { ...DEFAULT_LIMITS, maxTextBytes: SMALL_FILE_LIMIT, maxXlsxBytes: SMALL_FILE_LIMIT };
  let log: RejectionLog | null = null;
  try {
    const table = await openTable(opts.source ?? fileSource(path), limits);
    const match = matchHeader(table.header, spec.fields, spec.harmless);
    const missing = [...match.missing.map((f) => f.label), ...(spec.check?.(match) ?? [])];
    if (missing.length > 0) {
      table.close();
      throw new ImportError('missing_columns', { columns: missing, singleColumn: table.header.length === 1 });
    }
    result.info = {
      name: table.name,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      size: table.size,
      personal: match.personal,
      unused: match.unused,
    };
    opts.onOpened?.(result.info);
    const names = match.names as Record<string, string | undefined>;
    const columns = spec.fields.map((f) => match.names[f.field]).filter((n): n is string => n !== undefined);
    log = new RejectionLog(opts.rejectedCsv === undefined ? rejectedPathFor(path) : opts.rejectedCsv, columns);
    // Collected first and reported in line order: the write step rejects rows after the reading step.
    const rejected: Rejection[] = [];
    const fieldNames = spec.fields.map((f) => f.field);
    const width = table.header.length;
    const byKey = new Map<string, ValidRow<V> & { cells: Record<F, string> }>();
    for await (const chunk of table.rows()) {
      for (const row of chunk) {
        result.rows++;
        const n = row.cells.length;
        if (n > width || (table.format === 'csv' && n !== width)) {
          rejected.push({ line: row.line, column: null, reason: T.cellCount(n, width), values: {} });
          result.rejected++;
          continue;
        }
        const cells = pickCells(row.cells, match.index, fieldNames);
        const parsed = spec.schema.safeParse(cells);
        if (!parsed.success) {
          const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
          rejected.push({
            line: row.line,
            column: fields.map((f) => names[f] ?? f).join(', '),
            reason: maskValue(parsed.error.issues.map((i) => i.message).join(' ')),
            values: echoValues(cells, names),
          });
          result.rejected++;
          continue;
        }
        const key = spec.key(parsed.data);
        const earlier = byKey.get(key);
        if (earlier) {
          rejected.push({
            line: earlier.line,
            column: null,
            reason: spec.duplicateReason?.(parsed.data, row.line) ?? T.duplicateKey(row.line),
            values: echoValues(earlier.cells, names),
          });
          result.duplicates++;
          byKey.delete(key);
        }
        byKey.set(key, { line: row.line, value: parsed.data, cells });
      }
      opts.onProgress?.({ rows: result.rows, bytes: table.bytesRead(), totalBytes: table.size, elapsedMs: performance.now() - started });
    }
    if (result.rows === 0) throw new ImportError('no_rows');
    result.runId = await startImportRun(store, spec.kind, result.source, now());
    const valid = [...byKey.values()].sort((a, b) => a.line - b.line);
    const cellsOf = new Map(valid.map((v) => [v.line, v.cells]));
    const counts = await spec.write(store, valid, (row, field, reason) => {
      rejected.push({ line: row.line, column: names[field] ?? field, reason: maskValue(reason), values: echoValues(cellsOf.get(row.line) ?? {}, names) });
      result.rejected++;
    });
    for (const x of rejected.sort((a, b) => a.line - b.line)) log.add(x);
    result.inserted = counts.inserted;
    result.updated = counts.updated;
    result.unchanged = counts.unchanged;
    result.extra = counts.extra ?? [];
    result.written = { batches: 1, rows: result.rows, lastLine: valid.at(-1)?.line ?? 0 };
    result.status = 'done';
  } catch (err) {
    if (!(err instanceof ImportError)) {
      await close(store, result, log, now());
      throw err;
    }
    result.error = err;
    result.written = { batches: 0, rows: 0, lastLine: 0 };
  }
  await close(store, result, log, now());
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function close(store: Store, result: ImportResult, log: RejectionLog | null, now: Date): Promise<void> {
  if (log) {
    await log.close();
    result.rejections = log.first;
    result.rejectedCsv = log.path;
    if (log.writeError && log.count > 0 && log.target) result.rejectedCsvError = { path: log.target, reason: log.writeError };
  }
  if (result.runId !== null) await finishImportRun(store, result.runId, runCounts(result), now, result.status);
}
