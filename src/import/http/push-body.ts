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
