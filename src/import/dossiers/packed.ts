import type { ChannelCode, DossierRecord, StatusCode } from '../../domain/dossier.js';
import type { ParsedDossier } from './row-schema.js';

/**
 * A batch of valid dossier rows in columns: cheap to hand from the reading thread to the
 * writing one (the typed arrays move without copying) and far smaller than objects with
 * Dates. Instants are epoch milliseconds, NaN for none.
 */
export interface PackedDossiers {
  n: number;
  lines: Int32Array;
  codes: string[];
  communeIds: Int32Array;
  /** Each row's sector as an index into `sectors`, or -1 for none. */
  sectorOf: Int32Array;
  /** The distinct sectors of the batch (per province), so each is resolved once, not per row. */
  sectors: BatchSector[];
  channel: Uint8Array;
  status: Uint8Array;
  receivedAt: Float64Array;
  dueAt: Float64Array;
  processedAt: Float64Array;
  returnedAt: Float64Array;
  supplementCount: Int32Array;
  supplementDays: Int32Array;
}

/** A sector as the rows of a batch name it. */
export interface BatchSector {
  provinceId: number;
  code: string;
  name: string;
}

/** Fills a PackedDossiers of fixed capacity; a repeated code overwrites its slot (last wins). */
export class PackedBuilder {
  private p: PackedDossiers;
  /** Sector index by province, then by code (or by "\u0001name" for rows with a name only). */
  private sectorIndex = new Map<number, Map<string, number>>();

  constructor(private readonly capacity: number) {
    this.p = PackedBuilder.empty(capacity);
  }

  static empty(capacity: number): PackedDossiers {
    return {
      n: 0,
      lines: new Int32Array(capacity),
      codes: [],
      communeIds: new Int32Array(capacity),
      sectorOf: new Int32Array(capacity),
      sectors: [],
      channel: new Uint8Array(capacity),
      status: new Uint8Array(capacity),
      receivedAt: new Float64Array(capacity),
      dueAt: new Float64Array(capacity),
      processedAt: new Float64Array(capacity),
      returnedAt: new Float64Array(capacity),
      supplementCount: new Int32Array(capacity),
      supplementDays: new Int32Array(capacity),
    };
  }

  get length(): number {
    return this.p.n;
  }

  get full(): boolean {
    return this.p.n >= this.capacity;
  }

  /**
   * Adds a row, or replaces the row of line `earlierLine` when it is in this batch (the
   * same code seen before; rare, so it is searched for rather than indexed).
   */
  put(line: number, d: ParsedDossier, communeId: number, provinceId: number, earlierLine = 0): void {
    const p = this.p;
    let i = earlierLine > 0 && p.n > 0 && earlierLine >= p.lines[0]! ? p.lines.subarray(0, p.n).lastIndexOf(earlierLine) : -1;
    if (i < 0) i = p.n++;
    p.lines[i] = line;
    p.codes[i] = d.code;
    p.communeIds[i] = communeId;
    p.sectorOf[i] = this.sectorSlot(provinceId, d.sectorCode, d.sectorName);
    p.channel[i] = d.channel;
    p.status[i] = d.status;
    p.receivedAt[i] = d.receivedAt;
    p.dueAt[i] = d.dueAt ?? NaN;
    p.processedAt[i] = d.processedAt ?? NaN;
    p.returnedAt[i] = d.returnedAt ?? NaN;
    p.supplementCount[i] = d.supplementCount;
    p.supplementDays[i] = d.supplementDays;
  }

  private sectorSlot(provinceId: number, code: string, name: string): number {
    if (!code && !name) return -1;
    let byKey = this.sectorIndex.get(provinceId);
    if (!byKey) {
      byKey = new Map();
      this.sectorIndex.set(provinceId, byKey);
    }
    const key = code || `\u0001${name}`;
    let slot = byKey.get(key);
    if (slot === undefined) {
      slot = this.p.sectors.push({ provinceId, code, name }) - 1;
      byKey.set(key, slot);
    }
    return slot;
  }

  /** Hands the batch over and starts an empty one. */
  take(): PackedDossiers {
    const out = this.p;
    this.p = PackedBuilder.empty(this.capacity);
    this.sectorIndex = new Map();
    return out;
  }
}

/** The buffers of a batch, for postMessage's transfer list. */
export function transferables(p: PackedDossiers): ArrayBuffer[] {
  return [
    p.lines,
    p.communeIds,
    p.sectorOf,
    p.channel,
    p.status,
    p.receivedAt,
    p.dueAt,
    p.processedAt,
    p.returnedAt,
    p.supplementCount,
    p.supplementDays,
  ].map((a) => a.buffer as ArrayBuffer);
}

const dateOrNull = (ms: number): Date | null => (Number.isNaN(ms) ? null : new Date(ms));

/** The batch as records for writeDossiers; `sectorIds` gives the store id of each batch sector. */
export function toRecords(p: PackedDossiers, sectorIds: readonly (number | null)[]): DossierRecord[] {
  const out: DossierRecord[] = new Array(p.n);
  for (let i = 0; i < p.n; i++) {
    out[i] = {
      code: p.codes[i]!,
      communeId: p.communeIds[i]!,
      sectorId: p.sectorOf[i]! < 0 ? null : (sectorIds[p.sectorOf[i]!] ?? null),
      channel: p.channel[i] as ChannelCode,
      receivedAt: new Date(p.receivedAt[i]!),
      dueAt: dateOrNull(p.dueAt[i]!),
      processedAt: dateOrNull(p.processedAt[i]!),
      returnedAt: dateOrNull(p.returnedAt[i]!),
      status: p.status[i] as StatusCode,
      supplementCount: p.supplementCount[i]!,
      supplementDays: p.supplementDays[i]!,
    };
  }
  return out;
}
