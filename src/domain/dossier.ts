import { dayOf, type Day } from '../time/day.js';

/** KenhThucHien: how a dossier was received. */
export const Channel = { direct: 1, online: 2, postal: 3 } as const;
export type ChannelCode = (typeof Channel)[keyof typeof Channel];
const CHANNEL_CODES: readonly ChannelCode[] = [1, 2, 3];

/** TrangThaiHoSo codes of the national sync schema (see DOMAIN.md). */
export const Status = {
  registered: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplementRequested: 5,
  financialObligation: 6,
  withdrawn: 7,
  stopped: 8,
  processed: 9,
  returned: 10,
} as const;
export type StatusCode = (typeof Status)[keyof typeof Status];

/** Statuses whose dossier has a result (đã giải quyết). */
const RESOLVED_STATUSES: readonly number[] = [Status.processed, Status.returned];
/**
 * Open statuses that are being worked on (not paused). Every open dossier has one of these
 * or a paused status; queries name them explicitly so an index on status can serve them.
 */
export const ACTIVE_STATUSES: readonly number[] = [Status.registered, Status.received, Status.processing];
/** Statuses that wait on the citizen or are stopped: counted apart from in-progress work. */
export const PAUSED_STATUSES: readonly number[] = [Status.supplementRequested, Status.financialObligation, Status.stopped];

/** A dossier as the store keeps it: codes, dates and statuses only, never personal data. */
export interface DossierRecord {
  code: string;
  communeId: number;
  sectorId: number | null;
  channel: ChannelCode;
  receivedAt: Date;
  dueAt: Date | null;
  /** NgayKetThucXuLy: processing ended. */
  processedAt: Date | null;
  /** NgayTra: result handed back (or the dossier returned unresolved). */
  returnedAt: Date | null;
  status: StatusCode;
  supplementCount: number;
  /** Calendar days spent waiting for the citizen's supplement (used by the 766 rule). */
  supplementDays: number;
}

/**
 * The moment a dossier left the in-progress pool, or null while it is still in it.
 * Resolved dossiers close when processing ended (or, lacking that, when returned);
 * refused and withdrawn ones when they were handed back. Paused dossiers stay open.
 */
export function closedAtOf(d: Pick<DossierRecord, 'status' | 'processedAt' | 'returnedAt'>): Date | null {
  if (RESOLVED_STATUSES.includes(d.status)) return d.processedAt ?? d.returnedAt;
  if (d.status === Status.refused || d.status === Status.withdrawn) return d.returnedAt ?? d.processedAt;
  return null;
}

/** Why a record cannot be stored, as a code; null when it is consistent. */
export type DossierProblem =
  | 'closed_without_date'
  | 'due_before_received'
  | 'closed_before_received'
  | 'bad_status'
  | 'bad_channel';

/** Checks the rules every stored dossier obeys (importers report the code as a rejection). */
export function dossierProblem(d: DossierRecord): DossierProblem | null {
  if (!Number.isInteger(d.status) || d.status < 1 || d.status > 10) return 'bad_status';
  if (!CHANNEL_CODES.includes(d.channel)) return 'bad_channel';
  if (d.dueAt && dayOf(d.dueAt) < dayOf(d.receivedAt)) return 'due_before_received';
  const closed = closedAtOf(d);
  const mustClose = RESOLVED_STATUSES.includes(d.status) || d.status === Status.refused || d.status === Status.withdrawn;
  if (mustClose && !closed) return 'closed_without_date';
  if (closed && closed.getTime() < d.receivedAt.getTime()) return 'closed_before_received';
  return null;
}

/** How a closed dossier ended, by the provincial report rule (due date, supplement time included). */
export type Outcome = 'early' | 'on_time' | 'late' | 'refused' | 'withdrawn';

/** The counts one dossier adds to the figure tables. */
export interface Contribution {
  communeId: number;
  channel: ChannelCode;
  receivedDay: Day;
  closedDay: Day | null;
  outcome: Outcome | null;
  /** Resolved within the due date extended by the supplement wait (Decision 766's rule). */
  inTime766: boolean;
}

/**
 * What a dossier contributes to the pre-aggregated figures. The single definition of
 * early / on time / late: by calendar day in Vietnam, the result day against the due day.
 */
export function contributionOf(d: DossierRecord): Contribution {
  const closed = closedAtOf(d);
  const closedDay = closed ? dayOf(closed) : null;
  let outcome: Outcome | null = null;
  let inTime766 = false;
  if (closedDay !== null) {
    if (d.status === Status.refused) outcome = 'refused';
    else if (d.status === Status.withdrawn) outcome = 'withdrawn';
    else {
      const dueDay = d.dueAt ? dayOf(d.dueAt) : null;
      // A procedure without a promised date is settled on receipt: on time by definition.
      outcome = dueDay === null || closedDay === dueDay ? 'on_time' : closedDay < dueDay ? 'early' : 'late';
      inTime766 = dueDay === null || closedDay <= dueDay + Math.max(0, d.supplementDays);
    }
  }
  return { communeId: d.communeId, channel: d.channel, receivedDay: dayOf(d.receivedAt), closedDay, outcome, inTime766 };
}

/** Whether two records would be stored identically (re-imports of unchanged rows do nothing). */
export function sameDossier(a: DossierRecord, b: DossierRecord): boolean {
  const t = (x: Date | null) => (x ? x.getTime() : null);
  return (
    a.code === b.code &&
    a.communeId === b.communeId &&
    a.sectorId === b.sectorId &&
    a.channel === b.channel &&
    t(a.receivedAt) === t(b.receivedAt) &&
    t(a.dueAt) === t(b.dueAt) &&
    t(a.processedAt) === t(b.processedAt) &&
    t(a.returnedAt) === t(b.returnedAt) &&
    a.status === b.status &&
    a.supplementCount === b.supplementCount &&
    a.supplementDays === b.supplementDays
  );
}
