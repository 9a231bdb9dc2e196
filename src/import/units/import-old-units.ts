import { z } from 'zod';
import { UNITS_VERSION_KEY } from '../../data/directory.js';
import type { Store } from '../../data/store.js';
import { toNumber } from '../../data/sql/driver.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import type { FieldSpec } from '../columns.js';
import type { ImportResult } from '../result.js';
import { runTableImport, type TableImportOptions, type ValidRow } from '../table-import.js';
import { parseShare, splitFormerName, type Share } from './former-names.js';
import { formerUnitKey, writeFormerUnits, type WantedFormerUnit } from './former-units-writer.js';

type OldField = 'newCode' | 'oldCode' | 'oldName' | 'oldDistrict' | 'share';

const OLD_FIELDS: readonly FieldSpec<OldField>[] = [
  { field: 'newCode', aliases: ['new_code', 'ma_moi', 'MaDonViMoi'], label: 'new_code', required: true },
  { field: 'oldCode', aliases: ['old_code', 'ma_cu', 'MaDonViCu'], label: 'old_code' },
  { field: 'oldName', aliases: ['old_name', 'ten_cu', 'TenDonViCu'], label: 'old_name', required: true },
  { field: 'oldDistrict', aliases: ['old_district', 'huyen_cu', 'HuyenCu'], label: 'old_district' },
  { field: 'share', aliases: ['share', 'phan', 'ty_le'], label: 'share' },
];

interface OldUnitRow {
  newCode: string;
  code: string | null;
  name: string;
  type: string | null;
  district: string | null;
  share: Share | null;
}

/** One row of the old→new map: the new unit's code, the old unit's name (type word apart), its share. */
const oldUnitSchema = z
  .object(Object.fromEntries(OLD_FIELDS.map((f) => [f.field, z.string()])) as Record<OldField, z.ZodString>)
  .transform((c, ctx): OldUnitRow => {
    const add = (field: OldField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (!/^\d{5}$/.test(c.newCode)) add('newCode', T.unitCode(c.newCode));
    if (c.oldCode !== '' && !/^\d{3,5}$/.test(c.oldCode)) add('oldCode', T.unitCode(c.oldCode));
    const { name, type } = splitFormerName(c.oldName);
    if (name === '' || name.length > 100) add('oldName', name === '' ? T.missing('tên đơn vị cũ (old_name)') : T.tooLong('tên đơn vị cũ', 100));
    const share = parseShare(c.share);
    if (share === undefined) add('share', T.share(c.share));
    return { newCode: c.newCode, code: c.oldCode || null, name, type, district: c.oldDistrict || null, share: share ?? null };
  });

/**
 * `old-units <file>`: the old→new map in the format of commune_merge_map.csv (new_code,
 * old_code, old_name, old_district, share…), so that pre-merger names resolve. Each old
 * unit is stored under its new unit by its old code (by its name, without type word, where
 * the row gives no code); the new unit must already be in the store.
 */
export async function importOldUnits(store: Store, path: string, opts: TableImportOptions = {}): Promise<ImportResult> {
  const result = await runTableImport(
    store,
    path,
    {
      kind: 'old-units',
      fields: OLD_FIELDS,
      schema: oldUnitSchema,
      key: (r) => `${r.newCode}\u0000${formerUnitKey(r)}`,
      duplicateReason: (r, later) => T.duplicateFormer(r.name, r.code, r.newCode, later),
      write: async (s, rows: ValidRow<OldUnitRow>[], reject) =>
        s.sql.transaction(async (tx) => {
          const ids = new Map((await tx.all<{ id: unknown; code: string }>('SELECT id, code FROM commune')).map((r) => [r.code, toNumber(r.id)]));
          const wanted: WantedFormerUnit[] = [];
          for (const row of rows) {
            const { newCode, ...unit } = row.value;
            const communeId = ids.get(newCode);
            if (communeId === undefined) reject(row, 'newCode', T.newUnitMissing(newCode));
            else wanted.push({ communeId, ...unit });
          }
          return writeFormerUnits(tx, wanted);
        }),
    },
    opts,
  );
  if (result.status === 'done') await bumpVersion(store, UNITS_VERSION_KEY);
  return result;
}
