import { z } from 'zod';
import { CALENDAR_VERSION_KEY } from '../../data/calendar.js';
import type { Store } from '../../data/store.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import { isCalendarKind } from '../../time/calendar.js';
import type { FieldSpec } from '../columns.js';
import { parseIsoDate } from '../dates.js';
import type { ImportResult } from '../result.js';
import { insertRows, upsertTail } from '../sql-batch.js';
import { runTableImport, type TableImportOptions } from '../table-import.js';

type HolidayField = 'date' | 'name' | 'kind' | 'note';

const HOLIDAY_FIELDS: readonly FieldSpec<HolidayField>[] = [
  { field: 'date', aliases: ['date', 'ngay', 'Ngày'], label: 'date', required: true },
  { field: 'name', aliases: ['name', 'ten', 'Tên'], label: 'name', required: true },
  { field: 'kind', aliases: ['kind', 'loai', 'Loại'], label: 'kind', required: true },
  { field: 'note', aliases: ['note', 'ghi_chu', 'Ghi chú'], label: 'note' },
];

/**
 * Kinds stored but not acted on: announcements not yet official. The calendar ignores them
 * (src/data/calendar.ts); they are kept so that they can be confirmed later by re-importing.
 */
function isPendingKind(kind: string): boolean {
  return /^[a-z][a-z_]*_(unverified|unconfirmed)$/.test(kind);
}

interface HolidayRow {
  date: string;
  name: string;
  kind: string;
  note: string | null;
}

const holidaySchema = z
  .object(Object.fromEntries(HOLIDAY_FIELDS.map((f) => [f.field, z.string()])) as Record<HolidayField, z.ZodString>)
  .transform((c, ctx): HolidayRow => {
    const add = (field: HolidayField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const date = parseIsoDate(c.date);
    if (!date) add('date', c.date ? T.holidayDate(c.date) : T.missing('ngày (date)'));
    if (c.name === '' || c.name.length > 200) add('name', c.name === '' ? T.missing('tên ngày nghỉ (name)') : T.tooLong('tên ngày nghỉ', 200));
    if (!isCalendarKind(c.kind) && !isPendingKind(c.kind)) add('kind', c.kind ? T.holidayKind(c.kind) : T.missing('loại ngày (kind)'));
    if (c.note.length > 1000) add('note', T.tooLong('ghi chú', 1000));
    return { date: date ?? '', name: c.name, kind: c.kind, note: c.note || null };
  });

/**
 * `holidays <file>`: announced days off, swapped days and make-up Saturdays in the format
 * of holidays.csv (date, name, kind, note), upserted by date into calendar_day. Kinds
 * ending in _unverified or _unconfirmed are stored but not applied. Every cached working
 * calendar reloads afterwards.
 */
export async function importHolidays(store: Store, path: string, opts: TableImportOptions = {}): Promise<ImportResult> {
  const result = await runTableImport(
    store,
    path,
    {
      kind: 'holidays',
      fields: HOLIDAY_FIELDS,
      schema: holidaySchema,
      key: (h) => h.date,
      duplicateReason: (h, later) => T.duplicateDate(h.date, later),
      write: async (s, rows) => {
        const counts = { inserted: 0, updated: 0, unchanged: 0 };
        await s.sql.transaction(async (tx) => {
          const existing = new Map(
            (await tx.all<{ date: string; kind: string; name: string; note: string | null }>('SELECT date, kind, name, note FROM calendar_day')).map((r) => [r.date, r]),
          );
          const out: unknown[][] = [];
          for (const { value: h } of rows) {
            const old = existing.get(h.date);
            if (!old) counts.inserted++;
            else if (old.kind !== h.kind || old.name !== h.name || (old.note ?? null) !== h.note) counts.updated++;
            else {
              counts.unchanged++;
              continue;
            }
            out.push([h.date, h.kind, h.name, h.note]);
          }
          await insertRows(tx, 'calendar_day', ['date', 'kind', 'name', 'note'], out, upsertTail(['date'], ['kind', 'name', 'note']));
        });
        return counts;
      },
    },
    opts,
  );
  if (result.status === 'done') await bumpVersion(store, CALENDAR_VERSION_KEY);
  return result;
}
