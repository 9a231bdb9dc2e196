import { UNITS_VERSION_KEY } from '../../data/directory.js';
import { writeDossiers } from '../../data/dossier-writer.js';
import { finishImportRun, startImportRun } from '../../data/imports.js';
import type { Store } from '../../data/store.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { matchHeader } from '../columns.js';
import { DossierBatcher } from '../dossiers/batcher.js';
import { DOSSIER_FIELD_NAMES, DOSSIER_FIELDS, type DossierField } from '../dossiers/fields.js';
import { toRecords } from '../dossiers/packed.js';
import { dossierRowSchema } from '../dossiers/row-schema.js';
import { SectorTable } from '../dossiers/sectors.js';
import type { UnitLookup } from '../dossiers/units.js';
import { cellOf, unitCodeOf, type PushWarning, type PushedRecord } from './push-body.js';

/** Most rejections listed in one answer; the counts always cover all of them. */
export const MAX_LISTED_REJECTIONS = 1_000;

/** A rejected pushed record: its position, the key at fault, why, and its recognised fields. */
export interface PushRejection {
  row: number;
  field: string | null;
  reason: string;
  values: Record<string, string>;
}

/** What a push did, as the endpoint answers it. */
export interface PushOutcome {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  rejections: PushRejection[];
  rejectionsTruncated: boolean;
  /** Keys dropped as personal data (never read, stored or echoed). */
  ignoredPersonalFields: string[];
  /** Values read other than as sent (a unit code sent as a number), record by record. */
  warnings: PushWarning[];
}

/**
 * Stores pushed dossier records with the same validation and upsert as file imports, all
 * in one atomic write: either every valid record of the request is stored with its figure
 * counters, or (on a storage error) none is. Recorded as an import run of kind 'push'.
 */
export async function ingestPushedDossiers(store: Store, units: UnitLookup, records: readonly PushedRecord[], source: string, now: Date): Promise<PushOutcome> {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const k of Object.keys(r.fields)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const match = matchHeader(keys, DOSSIER_FIELDS);
  const batcher = new DossierBatcher(dossierRowSchema(now), units, match.names, records.length + 1);
  const warnings: PushWarning[] = [];
  for (const r of records) {
    const cells = {} as Record<DossierField, string>;
    // Only the recognised keys are read; personal fields are never touched.
    for (const f of DOSSIER_FIELD_NAMES) {
      const key = match.names[f];
      cells[f] = key === undefined ? '' : f === 'unitCode' ? unitCodeOf(r, key, warnings) : cellOf(r.fields[key]).normalize('NFC');
    }
    batcher.accept(r.row, cells);
  }
  const batch = batcher.take();
  const outcome: PushOutcome = {
    rows: records.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: batch.rejections.length - batch.superseded,
    duplicates: batch.superseded,
    rejections: [...batch.rejections]
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_LISTED_REJECTIONS)
      .map((x) => ({ row: x.line, field: x.column, reason: x.reason, values: x.values })),
    rejectionsTruncated: batch.rejections.length > MAX_LISTED_REJECTIONS,
    ignoredPersonalFields: match.personal,
    warnings,
  };
  const runId = await startImportRun(store, 'push', source, now);
  const counts = () => ({ inserted: outcome.inserted, updated: outcome.updated, unchanged: outcome.unchanged, rejected: outcome.rejected + outcome.duplicates });
  try {
    const p = batch.packed;
    const sectors = await SectorTable.load(store);
    const w = await writeDossiers(store, toRecords(p, await sectors.idsFor(p.sectors)), runId, now);
    outcome.inserted = w.inserted;
    outcome.updated = w.updated;
    outcome.unchanged = w.unchanged;
    if (sectors.created > 0) await bumpVersion(store, UNITS_VERSION_KEY);
  } catch (err) {
    await finishImportRun(store, runId, counts(), now, 'failed');
    throw err;
  }
  await finishImportRun(store, runId, counts(), now, 'done');
  return outcome;
}
