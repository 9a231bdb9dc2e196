import { IMPORT_HARDENING_TEXT as H } from '../../text/import-messages.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';

/** One pushed record: its position (array index or NDJSON line, 1-based) and its fields. */
export interface PushedRecord {
  row: number;
  fields: Record<string, unknown>;
}

export type PushBody = { ok: true; records: PushedRecord[] } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a push body: a JSON array of dossier objects, or NDJSON (one object per line,
 * blank lines allowed). A malformed body is refused whole, so nothing of it is written.
 */
export function parsePushBody(body: Buffer): PushBody {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: T.pushEmpty };
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { ok: false, message: T.pushBadJson(null) };
    }
    if (!Array.isArray(parsed)) return { ok: false, message: T.pushBadJson(null) };
    if (parsed.length === 0) return { ok: false, message: T.pushEmpty };
    const records: PushedRecord[] = [];
    for (let i = 0; i < parsed.length; i++) {
      const v: unknown = parsed[i];
      if (!isObject(v)) return { ok: false, message: T.pushNotObjects(i + 1) };
      records.push({ row: i + 1, fields: v });
    }
    return { ok: true, records };
  }
  const records: PushedRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return { ok: false, message: T.pushBadJson(i + 1) };
    }
    if (!isObject(v)) return { ok: false, message: T.pushNotObjects(i + 1) };
    records.push({ row: i + 1, fields: v });
  }
  if (records.length === 0) return { ok: false, message: T.pushEmpty };
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
