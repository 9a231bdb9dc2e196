import { formatDecimal, formatNumber } from '../text/format.js';
import { IMPORT_HARDENING_TEXT as H } from '../text/import-messages.js';
import { IMPORT_TEXT as T } from '../text/messages.js';
import type { ImportError } from './errors.js';
import { formatBytes } from './progress.js';
import type { ImportResult, SourceInfo } from './result.js';
import { delimiterLabel } from './source/delimiter.js';
import { encodingLabel, type TextEncoding } from './source/encoding.js';

/** The Vietnamese sentence for a whole-file failure. */
export function errorText(err: ImportError, fileName: string): string {
  const d = err.detail;
  switch (err.code) {
    case 'too_large':
      return T.fatal.too_large(fileName, formatBytes(d.size ?? 0), formatBytes(d.limit ?? 0));
    case 'csv_malformed':
      return T.fatal.csv_malformed(fileName, d.line);
    case 'missing_columns':
      return T.fatal.missing_columns(fileName, d.columns ?? [], d.singleColumn ?? false);
    case 'no_units':
      return T.fatal.no_units();
    case 'unknown_province':
      return H.unknownProvince(d.province ?? '', (d.provinces ?? []).join(', '));
    default:
      return T.fatal[err.code](fileName);
  }
}

/** The lines printed once the file is open: what it is, and which columns were dropped. */
export function openedLines(info: SourceInfo): string[] {
  const format =
    info.format === 'xlsx'
      ? T.formatXlsx
      : T.formatCsv(info.encoding ? encodingLabel(info.encoding as TextEncoding) : '?', info.delimiter ? delimiterLabel(info.delimiter) : '?');
  const lines = [T.reading(info.name, formatBytes(info.size ?? 0), format)];
  if (info.personal.length) lines.push(T.personalDropped(info.personal));
  if (info.unused.length) lines.push(T.unusedColumns(info.unused));
  return lines;
}

const LABELS = T.summary as Record<string, unknown>;

/** The summary after an import: counts, the first rejections and where the rest are. */
export function summaryLines(r: ImportResult): string[] {
  const lines: string[] = [];
  if (r.status === 'failed') {
    lines.push(T.failed);
    if (r.error) lines.push(errorText(r.error, r.source));
    lines.push(r.written.batches > 0 ? H.keptRows(formatNumber(r.written.rows), formatNumber(r.written.lastLine)) : T.nothingWritten);
  } else {
    const rate = r.seconds > 0 ? Math.round(r.rows / r.seconds) : r.rows;
    lines.push(T.done(formatDecimal(Math.round(r.seconds * 10) / 10), formatNumber(rate)));
  }
  if (r.rows > 0 || r.status === 'done') {
    const row = (label: string, n: number | string) => `  ${label}: ${typeof n === 'number' ? formatNumber(n) : n}`;
    lines.push(row(T.summary.rows, r.rows), row(T.summary.inserted, r.inserted), row(T.summary.updated, r.updated));
    lines.push(row(T.summary.unchanged, r.unchanged), row(T.summary.rejected, r.rejected));
    if (r.duplicates > 0) lines.push(row(T.summary.duplicates, r.duplicates));
    for (const e of r.extra) {
      const label = LABELS[e.label];
      lines.push(row(typeof label === 'string' ? label : e.label, e.value));
    }
  }
  if (r.rejections.length > 0) {
    lines.push(T.rejectedHeader(r.rejections.length, r.rejected + r.duplicates));
    for (const x of r.rejections) lines.push(T.rejectedLine(r.source, x.line, x.column, x.reason));
  }
  if (r.rejectedCsv) lines.push(T.rejectedFile(r.rejectedCsv));
  if (r.rejectedCsvError) lines.push(T.rejectedFileFailed(r.rejectedCsvError.path, r.rejectedCsvError.reason));
  return lines;
}

/** The result for scripts (`--json`): counts and rejections, never row values beyond those echoed. */
export function resultJson(r: ImportResult): Record<string, unknown> {
  return {
    kind: r.kind,
    source: r.source,
    status: r.status,
    // The detail's `cause` may quote a library's message about the file's content: never printed.
    error: r.error
      ? { code: r.error.code, line: r.error.detail.line ?? null, columns: r.error.detail.columns ?? null, message: errorText(r.error, r.source) }
      : null,
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    duplicates: r.duplicates,
    extra: Object.fromEntries(r.extra.map((e) => [e.label, e.value])),
    rejectedCsv: r.rejectedCsv,
    rejectedCsvError: r.rejectedCsvError,
    written: r.written,
    seconds: Math.round(r.seconds * 1000) / 1000,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
