import { IMPORT_TEXT as T } from '../../text/messages.js';
import { personalDataReason } from '../personal-cells.js';
import { echoValues, maskValue, type Rejection } from '../rejections.js';
import { CodeSeen } from './code-seen.js';
import { DOSSIER_LABEL, type DossierField } from './fields.js';
import { PackedBuilder, type PackedDossiers } from './packed.js';
import { validateDossierCells, type DossierRowSchema } from './row-schema.js';
import type { UnitLookup } from './units.js';

/** One batch of an import: the rows to write and what was set aside while reading them. */
export interface DossierBatch {
  packed: PackedDossiers;
  rejections: Rejection[];
  /** Earlier occurrences of a code replaced by a later row (also listed in `rejections`). */
  superseded: number;
  /** Rows read since the previous batch, valid or not. */
  rowsRead: number;
  /** The last line read. */
  lastLine: number;
}

/**
 * Turns rows into batches: validates each (zod), finds its unit, and keeps the last row of
 * every code (the same MaHoSo twice: the later row wins, the earlier is reported). A code
 * repeated across batches is written twice, in file order, so the later row still wins.
 */
export class DossierBatcher {
  private builder: PackedBuilder;
  private readonly seen = new CodeSeen();
  private rejections: Rejection[] = [];
  private superseded = 0;
  private rowsRead = 0;
  private lastLine = 0;
  /** Rejections held before a batch is handed over even when it has few valid rows. */
  private readonly maxRejections: number;

  constructor(
    private readonly schema: DossierRowSchema,
    private readonly units: UnitLookup,
    /** The header cell of each field, as the file writes it (for reports). */
    private readonly names: Partial<Record<DossierField, string>>,
    batchSize: number,
  ) {
    this.builder = new PackedBuilder(batchSize);
    this.maxRejections = batchSize;
  }

  /** A row that cannot be read at all; nothing of it is echoed. */
  reject(line: number, reason: string): void {
    this.count(line);
    this.rejections.push({ line, column: null, reason, values: {} });
  }

  /** Validates and keeps (or rejects) one row of picked cells. */
  accept(line: number, cells: Record<DossierField, string>): void {
    this.count(line);
    const r = validateDossierCells(this.schema, cells);
    if (!r.ok) {
      this.rejections.push({
        line,
        column: [...new Set(r.issues.map((i) => this.names[i.field] ?? this.names.unitName ?? i.field))].join(', '),
        reason: maskValue(r.issues.map((i) => i.message).join(' ')),
        values: echoValues(cells, this.names),
      });
      return;
    }
    const d = r.value;
    const unit = this.units.resolve(d.unitCode, d.unitName, d.provinceCode, d.provinceName);
    if (!unit.ok) {
      // A unit text that names no unit and carries a person's data is refused as such.
      const reason = personalDataReason(DOSSIER_LABEL[unit.field], cells[unit.field]) ?? maskValue(unit.message);
      this.rejections.push({ line, column: this.names[unit.field] ?? null, reason, values: echoValues(cells, this.names) });
      return;
    }
    const earlier = this.seen.set(d.code, line);
    if (earlier > 0) {
      this.superseded++;
      const codeColumn = this.names.code ?? 'MaHoSo';
      this.rejections.push({ line: earlier, column: codeColumn, reason: T.duplicateCode(d.code, line), values: { [codeColumn]: d.code } });
    }
    this.builder.put(line, d, unit.unit.id, unit.unit.provinceId, earlier);
  }

  private count(line: number): void {
    this.rowsRead++;
    this.lastLine = line;
  }

  /**
   * True when the batch has reached its size, in valid rows or in rejections: a file whose
   * rows are mostly invalid must not gather all its rejections in one batch (30,000 of them
   * exhausted the reading thread's heap).
   */
  get ready(): boolean {
    return this.builder.full || this.rejections.length >= this.maxRejections;
  }

  /** True when anything was read since the last batch. */
  get pending(): boolean {
    return this.rowsRead > 0;
  }

  /** Hands over the batch so far and starts the next. */
  take(): DossierBatch {
    const batch: DossierBatch = {
      packed: this.builder.take(),
      rejections: this.rejections,
      superseded: this.superseded,
      rowsRead: this.rowsRead,
      lastLine: this.lastLine,
    };
    this.rejections = [];
    this.superseded = 0;
    this.rowsRead = 0;
    return batch;
  }
}
