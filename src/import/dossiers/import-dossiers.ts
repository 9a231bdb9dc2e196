import { basename } from 'node:path';
import { UNITS_VERSION_KEY } from '../../data/directory.js';
import { writeDossiers } from '../../data/dossier-writer.js';
import { finishImportRun, startImportRun } from '../../data/imports.js';
import type { Store } from '../../data/store.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { ImportError } from '../errors.js';
import { RejectionLog, rejectedPathFor } from '../rejections.js';
import { newResult, runCounts, type ImportResult, type Progress } from '../result.js';
import { DEFAULT_LIMITS, type SizeLimits } from '../source/open-table.js';
import { findProvinceIn, loadUnitList } from '../store-units.js';
import { DOSSIER_FIELDS } from './fields.js';
import { toRecords } from './packed.js';
import { inlineReader, workerReader, type DossierReader } from './reader-client.js';
import type { OpenedInfo, ReaderInit } from './read-file.js';
import { SectorTable } from './sectors.js';

/**
 * Rows per atomic write. Small enough that a batch's objects die young on the writing
 * thread (20,000-row batches were promoted and tripled the heap), large enough that the
 * commit per batch costs little.
 */
const DEFAULT_BATCH_ROWS = 5_000;

export interface DossierImportOptions {
  /** The import's clock: run times and the latest acceptable date. */
  now?: Date;
  /** Rows per atomic write (default 5,000). */
  batchSize?: number;
  limits?: SizeLimits;
  /** The province of unit names given without code or province (name or code). */
  defaultProvince?: string | null;
  /** Parse in a worker thread (the CLI does; tests read inline). */
  worker?: boolean;
  /** Where to write the rejected rows; default beside the input; null for nowhere. */
  rejectedCsv?: string | null;
  onOpened?: (info: OpenedInfo) => void;
  onProgress?: (p: Progress) => void;
}

/**
 * Imports a dossier export (CSV or XLSX) into the store: validates every row, upserts the
 * valid ones by MaHoSo in atomic batches with their figure counters, creates unknown
 * sectors, and reports every rejected row with its line, column and reason. Re-running the
 * same file converges to the same store. Never throws for bad input: the result says
 * what failed and how far the import got.
 */
export async function importDossiers(store: Store, path: string, opts: DossierImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const clock = () => opts.now ?? new Date();
  const result = newResult('dossiers', basename(path));
  const { units, provinces } = await loadUnitList(store);
  if (units.length === 0) {
    result.error = new ImportError('no_units');
    return result;
  }
  const province = findProvinceIn(provinces, opts.defaultProvince);
  if (!province && opts.defaultProvince?.trim()) {
    result.error = new ImportError('unknown_province', {
      province: opts.defaultProvince.trim(),
      provinces: provinces.slice(0, 3).map((p) => `${p.name} (${p.code})`),
    });
    return result;
  }
  const init: ReaderInit = {
    path,
    nowMs: clock().getTime(),
    batchSize: opts.batchSize ?? DEFAULT_BATCH_ROWS,
    limits: opts.limits ?? DEFAULT_LIMITS,
    units,
    provinces,
    defaultProvinceId: province?.id ?? null,
  };
  const reader: DossierReader = opts.worker ? workerReader(init) : inlineReader(init);
  const sectors = await SectorTable.load(store);
  let log: RejectionLog | null = null;
  try {
    for await (const ev of reader) {
      if (ev.type === 'opened') {
        const { names, ...rest } = ev.info;
        result.info = rest;
        opts.onOpened?.(ev.info);
        const columns = DOSSIER_FIELDS.map((f) => names[f.field]).filter((n): n is string => n !== undefined);
        log = new RejectionLog(opts.rejectedCsv === undefined ? rejectedPathFor(path) : opts.rejectedCsv, columns);
        result.runId = await startImportRun(store, 'dossiers', result.source, clock());
        continue;
      }
      const { batch } = ev;
      for (const r of batch.rejections) log!.add(r);
      result.rows += batch.rowsRead;
      result.duplicates += batch.superseded;
      result.rejected += batch.rejections.length - batch.superseded;
      const p = batch.packed;
      const records = toRecords(p, await sectors.idsFor(p.sectors));
      const w = await writeDossiers(store, records, result.runId, clock());
      reader.ack();
      result.inserted += w.inserted;
      result.updated += w.updated;
      result.unchanged += w.unchanged;
      result.written = { batches: result.written.batches + 1, rows: result.rows, lastLine: batch.lastLine };
      opts.onProgress?.({ rows: result.rows, bytes: ev.bytesRead, totalBytes: result.info?.size ?? null, elapsedMs: performance.now() - started });
    }
    result.status = 'done';
  } catch (err) {
    await reader.stop();
    if (!(err instanceof ImportError)) {
      await finishRun(store, result, clock(), log);
      throw err;
    }
    result.error = err;
  }
  await finishRun(store, result, clock(), log);
  if (sectors.created > 0) {
    result.extra.push({ label: 'sectorsCreated', value: sectors.created });
    await bumpVersion(store, UNITS_VERSION_KEY);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function finishRun(store: Store, result: ImportResult, now: Date, log: RejectionLog | null): Promise<void> {
  if (log) {
    await log.close();
    // The terminal shows them in line order (a replaced duplicate is only known at its later line).
    result.rejections = [...log.first].sort((a, b) => a.line - b.line);
    result.rejectedCsv = log.path;
    if (log.writeError && log.count > 0 && log.target) result.rejectedCsvError = { path: log.target, reason: log.writeError };
  }
  if (result.runId !== null) await finishImportRun(store, result.runId, runCounts(result), now, result.status);
}
