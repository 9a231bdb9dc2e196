import { IMPORT_TEXT as T } from '../../text/messages.js';
import { matchHeader, pickCells } from '../columns.js';
import { ImportError } from '../errors.js';
import { fileSource, type ByteSource } from '../source/byte-source.js';
import { openTable, type SizeLimits } from '../source/open-table.js';
import type { Table } from '../source/table.js';
import { DossierBatcher, type DossierBatch } from './batcher.js';
import { DOSSIER_FIELD_NAMES, DOSSIER_FIELDS, type DossierField } from './fields.js';
import { dossierRowSchema } from './row-schema.js';
import { UnitLookup, type ProvinceLite, type UnitLite } from './units.js';

/** Everything the reading side needs; plain data, so it can start a worker thread. */
export interface ReaderInit {
  path: string;
  nowMs: number;
  batchSize: number;
  limits: SizeLimits;
  units: UnitLite[];
  provinces: ProvinceLite[];
  defaultProvinceId: number | null;
}

/** What the file turned out to be, reported before the first batch. */
export interface OpenedInfo {
  name: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  size: number | null;
  /** The header cell of each field found. */
  names: Partial<Record<DossierField, string>>;
  personal: string[];
  unused: string[];
}

export type ReaderEvent = { type: 'opened'; info: OpenedInfo } | { type: 'batch'; batch: DossierBatch; bytesRead: number };

/** Checks that a header has every column an import needs; throws the whole-file error otherwise. */
function requireDossierColumns(header: readonly string[], names: Partial<Record<DossierField, string>>): void {
  const missing = DOSSIER_FIELDS.filter((f) => f.required && names[f.field] === undefined).map((f) => f.label);
  if (names.unitCode === undefined && names.unitName === undefined) missing.splice(1, 0, 'MaDonVi hoặc TenDonVi');
  if (missing.length > 0) throw new ImportError('missing_columns', { columns: missing, singleColumn: header.length === 1 });
}

/**
 * Reads a dossier file (CSV or XLSX) into batches of valid rows plus the rejections met on
 * the way. Throws ImportError for problems of the file as a whole. Runs in a worker thread
 * during CLI imports (see reader-client.ts) and inline elsewhere.
 */
export async function* readDossierFile(init: ReaderInit, source?: ByteSource): AsyncGenerator<ReaderEvent> {
  const table: Table = await openTable(source ?? fileSource(init.path), init.limits);
  try {
    const match = matchHeader(table.header, DOSSIER_FIELDS);
    requireDossierColumns(table.header, match.names);
    yield {
      type: 'opened',
      info: {
        name: table.name,
        format: table.format,
        encoding: table.encoding,
        delimiter: table.delimiter,
        size: table.size,
        names: match.names,
        personal: match.personal,
        unused: match.unused,
      },
    };
    const units = new UnitLookup(init.units, init.provinces, init.defaultProvinceId);
    const batcher = new DossierBatcher(dossierRowSchema(new Date(init.nowMs)), units, match.names, init.batchSize);
    const width = table.header.length;
    // XLSX leaves out trailing empty cells, so only extra filled cells are wrong there.
    const strict = table.format === 'csv';
    let any = false;
    for await (const chunk of table.rows()) {
      for (const row of chunk) {
        any = true;
        const n = row.cells.length;
        if (n !== width && (strict || row.cells.slice(width).some((c) => c.trim() !== ''))) {
          batcher.reject(row.line, T.cellCount(n, width));
        } else {
          batcher.accept(row.line, pickCells(row.cells, match.index, DOSSIER_FIELD_NAMES));
        }
        if (batcher.ready) yield { type: 'batch', batch: batcher.take(), bytesRead: table.bytesRead() };
      }
    }
    if (!any) throw new ImportError('no_rows');
    if (batcher.pending) yield { type: 'batch', batch: batcher.take(), bytesRead: table.bytesRead() };
  } finally {
    table.close();
  }
}
