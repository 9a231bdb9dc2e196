import { UNITS_VERSION_KEY } from '../../data/directory.js';
import { writeDossiers } from '../../data/dossier-writer.js';
import { finishImportRun, startImportRun, type ImportCounts } from '../../data/imports.js';
import type { Store } from '../../data/store.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { matchHeader } from '../columns.js';
import { DossierBatcher } from '../dossiers/batcher.js';
import { DOSSIER_FIELD_NAMES, DOSSIER_FIELDS, type DossierField } from '../dossiers/fields.js';
import { toRecords } from '../dossiers/packed.js';
import { dossierRowSchema } from '../dossiers/row-schema.js';
import { SectorTable } from '../dossiers/sectors.js';
import type { UnitLookup } from '../dossiers/units.js';
import { yieldToEventLoop } from '../../core/event-loop.js';
import { cellOf, PARSE_SLICE, unitCodeOf, type PushWarning, type PushedRecord } from './push-body.js';

/** Most rejections listed in one answer; the counts always cover all of them. */
const MAX_LISTED_REJECTIONS = 1_000;

/** A rejected pushed record: its position, the key at fault, why, and its recognised fields. */
export interface PushRejection {
  row: number;
  field: string | null;
  reason: string;
  values: Record<string, string>;
}

/** What a push did, as the endpoint answers it. */
export interface PushOutcome extends ImportCounts {
  rows: number;
  duplicates: number;
  rejections: PushRejection[];
  rejectionsTruncated: boolean;
  /** Keys dropped as personal data (never read, stored or echoed). */
  ignoredPersonalFields: string[];
  /** Values read other than as sent (a unit code sent as a number), record by record. */
  warnings: PushWarning[];
}

/** Dossiers written in one atomic write; the event loop gets a turn between two. */
export const WRITE_SLICE = 1_000;

/**
 * Stores pushed dossier records with the same validation and upsert as file imports.
 * Records are validated PARSE_SLICE at a time and written WRITE_SLICE at a time, each
 * slice atomically with its figure counters, giving the event loop a turn in between, so
 * the process keeps answering (/healthz, webhooks) during a large push. On a storage
 * error the slices already written stay (pushing the same records again converges; no
 * counter moves twice) and the run is recorded failed with what was written.
 * Recorded as an import run of kind 'push'.
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
  let accepted = 0;
  const warnings: PushWarning[] = [];
  for (const r of records) {
    const cells = {} as Record<DossierField, string>;
    // Only the recognised keys are read; personal fields are never touched.
    for (const f of DOSSIER_FIELD_NAMES) {
      const key = match.names[f];
      cells[f] = key === undefined ? '' : f === 'unitCode' ? unitCodeOf(r, key, warnings) : cellOf(r.fields[key]).normalize('NFC');
    }
    batcher.accept(r.row, cells);
    if (++accepted % PARSE_SLICE === 0) await yieldToEventLoop();
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
    const all = toRecords(p, await sectors.idsFor(p.sectors));
    for (let i = 0; i < all.length; i += WRITE_SLICE) {
      if (i > 0) await yieldToEventLoop();
      const w = await writeDossiers(store, all.slice(i, i + WRITE_SLICE), runId, now);
      outcome.inserted += w.inserted;
      outcome.updated += w.updated;
      outcome.unchanged += w.unchanged;
    }
    if (sectors.created > 0) await bumpVersion(store, UNITS_VERSION_KEY);
  } catch (err) {
    await finishImportRun(store, runId, counts(), now, 'failed');
    throw err;
  }
  await finishImportRun(store, runId, counts(), now, 'done');
  return outcome;
}
