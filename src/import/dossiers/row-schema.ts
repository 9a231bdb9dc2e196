import { z } from 'zod';
import { dossierProblem, type ChannelCode, type DossierProblem, type DossierRecord, type StatusCode } from '../../domain/dossier.js';
import { foldKey } from '../../names/keys.js';
import { formatDate } from '../../text/format.js';
import { IMPORT_HARDENING_TEXT as H } from '../../text/import-messages.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import { dayFromYmd, dayOf, startOfDayInstant, ymdOf } from '../../time/day.js';
import { isDateShaped, parseInstant } from '../dates.js';
import { personalDataReason } from '../personal-cells.js';
import { DOSSIER_FIELD_NAMES, DOSSIER_LABEL, type DossierField } from './fields.js';

/** A dossier row after validation: typed values, the unit and sector still as written. */
export interface ParsedDossier {
  code: string;
  unitCode: string;
  unitName: string;
  provinceCode: string;
  provinceName: string;
  sectorCode: string;
  sectorName: string;
  channel: ChannelCode;
  /** Instants in epoch milliseconds. */
  receivedAt: number;
  dueAt: number | null;
  processedAt: number | null;
  returnedAt: number | null;
  status: StatusCode;
  supplementCount: number;
  supplementDays: number;
}

/** One problem of a row: the field at fault and the Vietnamese reason. */
export interface RowIssue {
  field: DossierField;
  message: string;
}

/** Letters, digits, '.', '-', '_', starting with a letter or digit (never a formula's '=', '+', '-', '@'). */
const CODE_MAX = 60;
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,59}$/u;
const MAX_TEXT = 200;
/** Dossiers before this are not one-stop records the bot can use. */
const EARLIEST = startOfDayInstant(dayFromYmd(2000, 1, 1)).getTime();

const CHANNEL_WORDS: Record<string, ChannelCode> = {
  '1': 1,
  '2': 2,
  '3': 3,
  'truc tiep': 1,
  'truc tuyen': 2,
  online: 2,
  'buu chinh': 3,
  'qua buu chinh': 3,
  'buu chinh cong ich': 3,
};

/** Collects the problems of one row while its fields are read. */
type Issues = { field: DossierField; message: string }[];

const HAS_LETTER = /\p{L}/u;
const LOOKUP_FIELDS = new Set<DossierField>(['unitCode', 'unitName', 'provinceCode', 'provinceName']);

/**
 * Whether a text carries personal data. Names repeat from row to row (sectors, units), so
 * their answers are remembered. Codes are unique: only a code without any letter
 * ("0912.345.678", "001203004567") is checked, as a phone or ID number typed into the code
 * column; a system's generated codes ("000.00.12.H44-250702-001") carry letters, and their
 * date and sequence digits would otherwise read as ID numbers.
 */
class PersonalCheck {
  private readonly seen = new Map<DossierField, Map<string, string | null>>();
  private remembered = 0;
  reason(field: DossierField, v: string): string | null {
    if (field === 'code') return HAS_LETTER.test(v) ? null : personalDataReason(DOSSIER_LABEL[field], v);
    // Unit and province cells are only looked up, never stored; real units read like names
    // ("Xã Anh Sơn Đông"), so they are checked when the lookup fails (see DossierBatcher).
    if (LOOKUP_FIELDS.has(field)) return null;
    let known = this.seen.get(field);
    if (!known) this.seen.set(field, (known = new Map()));
    const answer = known.get(v);
    if (answer !== undefined) return answer;
    const reason = personalDataReason(DOSSIER_LABEL[field], v);
    if (this.remembered++ < 10_000) known.set(v, reason);
    return reason;
  }
}

function readText(c: Record<DossierField, string>, field: DossierField, issues: Issues, required: boolean, personal: PersonalCheck, max = MAX_TEXT): string {
  const v = c[field];
  if (v === '') {
    if (required) issues.push({ field, message: T.missing(DOSSIER_LABEL[field]) });
  } else if (v.length > max) issues.push({ field, message: field === 'code' ? H.codeShape(max) : T.tooLong(DOSSIER_LABEL[field], max) });
  else if (v.includes('\uFFFD')) issues.push({ field, message: T.unreadableChars(DOSSIER_LABEL[field]) });
  else if (field === 'code' && !CODE.test(v)) issues.push({ field, message: H.codeShape(CODE_MAX) });
  else {
    const reason = personal.reason(field, v);
    if (reason) issues.push({ field, message: reason });
  }
  return v;
}

function readInstant(c: Record<DossierField, string>, field: DossierField, issues: Issues, required: boolean, earliest: number, latest: number): number | null {
  const v = c[field];
  const label = DOSSIER_LABEL[field];
  if (v === '') {
    if (required) issues.push({ field, message: T.missing(label) });
    return null;
  }
  const ms = parseInstant(v);
  if (ms === null) issues.push({ field, message: isDateShaped(v) ? H.dateNotReal(label, v) : T.dateUnreadable(label, v) });
  else if (ms < earliest || ms > latest) issues.push({ field, message: T.dateOutOfRange(label, v, formatDate(new Date(earliest)), formatDate(new Date(latest))) });
  else return ms;
  return null;
}

function readCount(c: Record<DossierField, string>, field: DossierField, issues: Issues): number {
  const v = c[field];
  if (v === '') return 0;
  if (/^\d{1,6}$/.test(v)) return Number(v);
  issues.push({ field, message: T.count(DOSSIER_LABEL[field], v) });
  return 0;
}

function readChannel(c: Record<DossierField, string>, issues: Issues): ChannelCode {
  const v = c.channel;
  const code = CHANNEL_WORDS[v] ?? CHANNEL_WORDS[foldKey(v)];
  if (code === undefined) issues.push({ field: 'channel', message: v === '' ? T.missing(DOSSIER_LABEL.channel) : T.channel(v) });
  return code ?? 1;
}

function readStatus(c: Record<DossierField, string>, issues: Issues): StatusCode {
  const v = c.status;
  const n = v.length > 0 && v.length <= 2 && /^\d+$/.test(v) ? Number(v) : NaN;
  if (n >= 1 && n <= 10) return n as StatusCode;
  issues.push({ field: 'status', message: v === '' ? T.missing(DOSSIER_LABEL.status) : T.status(v) });
  return 1;
}

/** The field each whole-record problem is reported on. */
const PROBLEM_FIELD: Record<DossierProblem, DossierField> = {
  due_before_received: 'dueAt',
  closed_before_received: 'processedAt',
  closed_without_date: 'processedAt',
  bad_status: 'status',
  bad_channel: 'channel',
};

/**
 * The domain rules take a DossierRecord with Dates. One record and four Dates are reused
 * for every row (dossierProblem is synchronous and keeps nothing): a million rows would
 * otherwise make five million short-lived objects for the reading thread to collect.
 */
const scratch: DossierRecord = {
  code: '',
  communeId: 0,
  sectorId: null,
  channel: 1,
  receivedAt: new Date(0),
  dueAt: null,
  processedAt: null,
  returnedAt: null,
  status: 1,
  supplementCount: 0,
  supplementDays: 0,
};
const dates = { received: new Date(0), due: new Date(0), processed: new Date(0), returned: new Date(0) };

function reuse(date: Date, ms: number | null): Date | null {
  if (ms === null) return null;
  date.setTime(ms);
  return date;
}

function asRecord(d: ParsedDossier): DossierRecord {
  scratch.code = d.code;
  scratch.channel = d.channel;
  scratch.status = d.status;
  scratch.supplementCount = d.supplementCount;
  scratch.supplementDays = d.supplementDays;
  scratch.receivedAt = reuse(dates.received, d.receivedAt)!;
  scratch.dueAt = reuse(dates.due, d.dueAt);
  scratch.processedAt = reuse(dates.processed, d.processedAt);
  scratch.returnedAt = reuse(dates.returned, d.returnedAt);
  return scratch;
}

/**
 * The zod schema of one dossier row: an object of cell texts, transformed into typed
 * values. Every problem becomes a zod issue on the field's path with a Vietnamese sentence
 * naming the column. Dates must fall between 01/01/2000 and the day after `now` (due dates
 * up to five years ahead), and the record must obey the domain rules (a due date not before
 * reception, a closing date for closed statuses…). The fields are read in one transform
 * rather than one zod pipe each: a million rows must validate in about a second.
 */
export function dossierRowSchema(now: Date) {
  const tomorrow = startOfDayInstant(dayOf(now) + 2).getTime() - 1;
  const farDue = startOfDayInstant(dayFromYmd(ymdOf(dayOf(now)).year + 6, 1, 1)).getTime() - 1;
  const personal = new PersonalCheck();
  const cells = z.object(Object.fromEntries(DOSSIER_FIELD_NAMES.map((f) => [f, z.string()])) as Record<DossierField, z.ZodString>);
  return cells.transform((c, ctx): ParsedDossier => {
    const issues: Issues = [];
    const code = readText(c, 'code', issues, true, personal, CODE_MAX);
    const d: ParsedDossier = {
      code,
      unitCode: readText(c, 'unitCode', issues, false, personal),
      unitName: readText(c, 'unitName', issues, false, personal),
      provinceCode: readText(c, 'provinceCode', issues, false, personal),
      provinceName: readText(c, 'provinceName', issues, false, personal),
      sectorCode: readText(c, 'sectorCode', issues, false, personal, 60),
      sectorName: readText(c, 'sectorName', issues, false, personal),
      channel: readChannel(c, issues),
      receivedAt: readInstant(c, 'receivedAt', issues, true, EARLIEST, tomorrow) ?? NaN,
      dueAt: readInstant(c, 'dueAt', issues, false, EARLIEST, farDue),
      processedAt: readInstant(c, 'processedAt', issues, false, EARLIEST, tomorrow),
      returnedAt: readInstant(c, 'returnedAt', issues, false, EARLIEST, tomorrow),
      status: readStatus(c, issues),
      supplementCount: readCount(c, 'supplementCount', issues),
      supplementDays: readCount(c, 'supplementDays', issues),
    };
    if (d.unitCode === '' && d.unitName === '') issues.push({ field: 'unitCode', message: T.missing(DOSSIER_LABEL.unitCode) });
    if (issues.length === 0) {
      const problem = dossierProblem(asRecord(d));
      if (problem) issues.push({ field: PROBLEM_FIELD[problem], message: T.dossierProblem[problem] });
    }
    for (const i of issues) ctx.addIssue({ code: 'custom', path: [i.field], message: i.message });
    return issues.length ? z.NEVER : d;
  });
}

export type DossierRowSchema = ReturnType<typeof dossierRowSchema>;

/** Validates one row's cells: the parsed dossier, or its problems. */
export function validateDossierCells(schema: DossierRowSchema, cells: Record<DossierField, string>): { ok: true; value: ParsedDossier } | { ok: false; issues: RowIssue[] } {
  const r = schema.safeParse(cells);
  if (r.success) return { ok: true, value: r.data as ParsedDossier };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ field: (i.path[0] as DossierField | undefined) ?? 'code', message: i.message })),
  };
}
