import type { ChannelCode, DossierRecord, StatusCode } from '../domain/dossier.js';
import { toDate, toDateOrNull, toNumber } from './sql/driver.js';

/** The dossier columns read and written by raw SQL, in one fixed order. */
export const DOSSIER_COLUMNS = [
  'code',
  'commune_id',
  'sector_id',
  'channel',
  'received_at',
  'due_at',
  'processed_at',
  'returned_at',
  'status',
  'supplement_count',
  'supplement_days',
] as const;

export interface DossierRow {
  code: string;
  commune_id: unknown;
  sector_id: unknown;
  channel: unknown;
  received_at: unknown;
  due_at: unknown;
  processed_at: unknown;
  returned_at: unknown;
  status: unknown;
  supplement_count: unknown;
  supplement_days: unknown;
}

/** Reads a raw dossier row of either dialect. */
export function dossierFromRow(r: DossierRow): DossierRecord {
  return {
    code: r.code,
    communeId: toNumber(r.commune_id),
    sectorId: r.sector_id === null || r.sector_id === undefined ? null : toNumber(r.sector_id),
    channel: toNumber(r.channel) as ChannelCode,
    receivedAt: toDate(r.received_at),
    dueAt: toDateOrNull(r.due_at),
    processedAt: toDateOrNull(r.processed_at),
    returnedAt: toDateOrNull(r.returned_at),
    status: toNumber(r.status) as StatusCode,
    supplementCount: toNumber(r.supplement_count),
    supplementDays: toNumber(r.supplement_days),
  };
}

/** The values of DOSSIER_COLUMNS for one record. */
export function dossierValues(d: DossierRecord): unknown[] {
  return [
    d.code,
    d.communeId,
    d.sectorId,
    d.channel,
    d.receivedAt,
    d.dueAt,
    d.processedAt,
    d.returnedAt,
    d.status,
    d.supplementCount,
    d.supplementDays,
  ];
}
