import { IMPORT_HARDENING_TEXT as H } from '../../text/import-messages.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import { HTTP_LIMITS_TEXT as L } from '../../text/http-limits-messages.js';
import { yieldToEventLoop } from '../../core/event-loop.js';

/** One pushed record: its position (array index or NDJSON line, 1-based) and its fields. */
export interface PushedRecord {
  row: number;
  fields: Record<string, unknown>;
}

/** The records of a push, or why it is refused whole: 400 malformed, 413 more rows than allowed. */
export type PushBody = { ok: true; records: PushedRecord[] } | { ok: false; status: 400 | 413; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records parsed between two turns given back to the event loop (/healthz answers meanwhile). */
export const PARSE_SLICE = 2_000;


const isBlank = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Reads a push body: a JSON array of dossier objects, or NDJSON (one object per line,
 * blank lines allowed). A malformed body, or one of more than `maxRows` records, is
 * refused whole, so nothing of it is written. NDJSON is read line by line from the bytes
 * (never as one string) and both forms give the event loop a turn every PARSE_SLICE
 * records; NDJSON past `maxRows` is refused without reading the rest.
 */
export async function parsePushBody(body: Buffer, maxRows: number): Promise<PushBody> {
  let start = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (start < body.length && isBlank(body[start]!)) start++;
  if (start >= body.length) return { ok: false, status: 400, message: T.pushEmpty };
  if (body[start] === 0x5b /* [ */) return parseArray(body.toString('utf8', start), maxRows);
  const records: PushedRecord[] = [];
  let lineNo = 0;
  // Line numbers count from the body's first byte, blank leading lines included.
  for (let i = 0; i < start; i++) if (body[i] === 0x0a) lineNo++;
  let pos = start;
  while (pos < body.length) {
    let end = body.indexOf(0x0a, pos);
    if (end < 0) end = body.length;
    lineNo++;
    const line = body.toString('utf8', pos, end).trim();
    pos = end + 1;
    if (line === '') continue;
    if (records.length >= maxRows) return { ok: false, status: 413, message: L.pushTooManyRows(maxRows) };
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return { ok: false, status: 400, message: T.pushBadJson(lineNo) };
    }
    if (!isObject(v)) return { ok: false, status: 400, message: T.pushNotObjects(lineNo) };
    records.push({ row: lineNo, fields: v });
    if (records.length % PARSE_SLICE === 0) await yieldToEventLoop();
  }
  if (records.length === 0) return { ok: false, status: 400, message: T.pushEmpty };
  return { ok: true, records };
}

async function parseArray(text: string, maxRows: number): Promise<PushBody> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: T.pushBadJson(null) };
  }
  if (!Array.isArray(parsed)) return { ok: false, status: 400, message: T.pushBadJson(null) };
  if (parsed.length === 0) return { ok: false, status: 400, message: T.pushEmpty };
  if (parsed.length > maxRows) return { ok: false, status: 413, message: L.pushTooManyRows(maxRows) };
  await yieldToEventLoop();
  const records: PushedRecord[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const v: unknown = parsed[i];
    if (!isObject(v)) return { ok: false, status: 400, message: T.pushNotObjects(i + 1) };
    records.push({ row: i + 1, fields: v });
    if (records.length % PARSE_SLICE === 0) await yieldToEventLoop();
  }
  return { ok: true, records };
}

/** A pushed value as cell text: numbers as written, anything else not text as empty. */
export function cellOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** A value of a pushed record read other than as it was sent. */
export interface PushWarning {
  row: number;
  field: string;
  message: string;
}

/**
 * A pushed unit code as text. Unit codes have five digits with leading zeros ("05293"); a
 * system that sends them as JSON numbers loses the zero (5293), so a whole number of one to
 * four digits is padded back to five, with a warning for the record.
 */
export function unitCodeOf(record: PushedRecord, key: string, warnings: PushWarning[]): string {
  const v = record.fields[key];
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 10_000) {
    const code = String(v).padStart(5, '0');
    warnings.push({ row: record.row, field: key, message: H.unitCodePadded(String(v), code) });
    return code;
  }
  return cellOf(v).normalize('NFC');
}
