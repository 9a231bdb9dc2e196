import type { ImportCounts, ImportKind } from '../data/imports.js';
import { maskPersonalData } from '../privacy/personal-data.js';
import type { ImportError } from './errors.js';
import type { Rejection } from './rejections.js';

/** How far an import has got, for the progress bar. */
export interface Progress {
  rows: number;
  bytes: number;
  totalBytes: number | null;
  elapsedMs: number;
}

/** What the file turned out to be (for the summary's first lines). */
export interface SourceInfo {
  name: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  size: number | null;
  personal: string[];
  unused: string[];
}

/** A labelled extra count of one import kind ("Lĩnh vực mới tạo: 3"). */
export interface ExtraCount {
  label: string;
  value: number | string;
}

/**
 * The outcome of one import, whatever its kind: counted rows, the first rejections, where
 * the full report went, and, when it failed, why and how far it got.
 */
export interface ImportResult extends ImportCounts {
  kind: ImportKind;
  source: string;
  status: 'done' | 'failed';
  error: ImportError | null;
  runId: number | null;
  info: SourceInfo | null;
  /** Data rows read (valid or not). */
  rows: number;
  /** Earlier rows replaced by a later row with the same key. */
  duplicates: number;
  extra: ExtraCount[];
  /** The first rejections (the full list is in `rejectedCsv`). */
  rejections: Rejection[];
  rejectedCsv: string | null;
  /** Where the report of rejected rows could not be written, and why. */
  rejectedCsvError: { path: string; reason: string } | null;
  /** Batches fully written, the data rows they cover and their last line (what stays after a failure). */
  written: { batches: number; rows: number; lastLine: number };
  seconds: number;
}

/** A new result; the source (a file name) is kept with any personal data in it masked, as the store keeps it. */
export function newResult(kind: ImportKind, source: string): ImportResult {
  return {
    kind,
    source: maskPersonalData(source).text,
    status: 'failed',
    error: null,
    runId: null,
    info: null,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    duplicates: 0,
    extra: [],
    rejections: [],
    rejectedCsv: null,
    rejectedCsvError: null,
    written: { batches: 0, rows: 0, lastLine: 0 },
    seconds: 0,
  };
}

/** The counts an import run records: duplicates count as rejected (they were not kept). */
export function runCounts(r: ImportResult) {
  return { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected + r.duplicates };
}
