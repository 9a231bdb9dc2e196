import { z } from 'zod';
import { UNITS_VERSION_KEY } from '../../data/directory.js';
import type { Store } from '../../data/store.js';
import { toNumber } from '../../data/sql/driver.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import type { FieldSpec } from '../columns.js';
import type { ImportResult } from '../result.js';
import { insertRows, upsertTail } from '../sql-batch.js';
import { runTableImport, type TableImportOptions, type ValidRow } from '../table-import.js';
import { parseShare, splitFormerName, type Share } from './former-names.js';

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
 * unit is stored under its new unit by name (without type word); the new unit must already
 * be in the store.
 */
export async function importOldUnits(store: Store, path: string, opts: TableImportOptions = {}): Promise<ImportResult> {
  const result = await runTableImport(
    store,
    path,
    {
      kind: 'old-units',
      fields: OLD_FIELDS,
      schema: oldUnitSchema,
      key: (r) => `${r.newCode}\u0000${r.name}`,
      duplicateReason: (r, later) => T.duplicateFormer(r.name, r.newCode, later),
      write: async (s, rows: ValidRow<OldUnitRow>[], reject) => {
        const counts = { inserted: 0, updated: 0, unchanged: 0 };
        await s.sql.transaction(async (tx) => {
          const ids = new Map((await tx.all<{ id: unknown; code: string }>('SELECT id, code FROM commune')).map((r) => [r.code, toNumber(r.id)]));
          const existing = new Map(
            (await tx.all<{ commune_id: unknown; name: string; code: string | null; type: string | null; district: string | null; share: string | null }>(
              'SELECT commune_id, name, code, type, district, share FROM former_unit',
            )).map((r) => [`${toNumber(r.commune_id)}\u0000${r.name}`, r]),
          );
          const out: unknown[][] = [];
          for (const row of rows) {
            const r = row.value;
            const communeId = ids.get(r.newCode);
            if (communeId === undefined) {
              reject(row, 'newCode', T.newUnitMissing(r.newCode));
              continue;
            }
            const old = existing.get(`${communeId}\u0000${r.name}`);
            const next = { code: r.code ?? old?.code ?? null, type: r.type ?? old?.type ?? null, district: r.district ?? old?.district ?? null, share: r.share ?? old?.share ?? null };
            if (!old) counts.inserted++;
            else if (old.code !== next.code || old.type !== next.type || old.district !== next.district || old.share !== next.share) counts.updated++;
            else {
              counts.unchanged++;
              continue;
            }
            out.push([communeId, r.name, next.code, next.type, next.district, next.share]);
          }
          await insertRows(tx, 'former_unit', ['commune_id', 'name', 'code', 'type', 'district', 'share'], out, upsertTail(['commune_id', 'name'], ['code', 'type', 'district', 'share']));
        });
        return counts;
      },
    },
    opts,
  );
  if (result.status === 'done') await bumpVersion(store, UNITS_VERSION_KEY);
  return result;
}
