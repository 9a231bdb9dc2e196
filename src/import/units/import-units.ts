import { z } from 'zod';
import { UNITS_VERSION_KEY } from '../../data/directory.js';
import type { Store } from '../../data/store.js';
import { toNumber, type SqlExecutor } from '../../data/sql/driver.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { foldKey } from '../../names/keys.js';
import { parseUnitType, stripProvincePrefix } from '../../names/prefix.js';
import { formatNumber } from '../../text/format.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import { headerKey, type FieldSpec } from '../columns.js';
import type { ImportResult } from '../result.js';
import { fileSource } from '../source/byte-source.js';
import { openTable } from '../source/open-table.js';
import { insertRows, upsertTail } from '../sql-batch.js';
import { runTableImport, type TableImportOptions, type ValidRow } from '../table-import.js';
import { parseMergedFrom, type Share } from './former-names.js';
import { writeFormerUnits, type FormerUnitCounts } from './former-units-writer.js';

type UnitField = 'code' | 'name' | 'type' | 'typeCurrent' | 'provinceCode' | 'provinceName' | 'provinceType' | 'mergedFrom';

const UNIT_FIELDS: readonly FieldSpec<UnitField>[] = [
  { field: 'code', aliases: ['code', 'ma', 'MaDonVi', 'ma_xa'], label: 'code', required: true },
  { field: 'name', aliases: ['name', 'ten', 'TenDonVi', 'ten_xa'], label: 'name', required: true },
  { field: 'type', aliases: ['type', 'loai', 'LoaiDonVi'], label: 'type', required: true },
  { field: 'typeCurrent', aliases: ['type_current'], label: 'type_current' },
  { field: 'provinceCode', aliases: ['province_code', 'ma_tinh', 'MaTinh'], label: 'province_code', required: true },
  { field: 'provinceName', aliases: ['province_name', 'ten_tinh', 'TenTinh'], label: 'province_name', required: true },
  { field: 'provinceType', aliases: ['province_type', 'loai_tinh'], label: 'province_type' },
  { field: 'mergedFrom', aliases: ['merged_from_codes'], label: 'merged_from_codes' },
];

type ProvinceType = 'tỉnh' | 'thành phố';

interface UnitRow {
  code: string;
  name: string;
  type: 'xa' | 'phuong' | 'dac_khu';
  provinceCode: string;
  provinceName: string;
  provinceType: ProvinceType | null;
  former: { code: string | null; name: string; type: string | null; share: Share }[];
}

function provinceType(text: string): ProvinceType | null | undefined {
  const k = foldKey(text);
  if (k === '') return null;
  if (k === 'tinh') return 'tỉnh';
  if (k === 'thanh pho' || k === 'tp') return 'thành phố';
  return undefined;
}

const issue = (ctx: z.RefinementCtx, field: UnitField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });

/** One row of communes.csv, validated: 5-digit code, a known type, its province and former units. */
const unitSchema = z.object(Object.fromEntries(UNIT_FIELDS.map((f) => [f.field, z.string()])) as Record<UnitField, z.ZodString>).transform((c, ctx): UnitRow => {
  if (!/^\d{5}$/.test(c.code)) issue(ctx, 'code', T.unitCode(c.code));
  if (c.name === '' || c.name.length > 100) issue(ctx, 'name', c.name === '' ? T.missing('tên đơn vị (name)') : T.tooLong('tên đơn vị', 100));
  // type_current records a later change (a xã that became a phường): the type people use now.
  const typeText = c.typeCurrent || c.type;
  const hint = parseUnitType(typeText);
  if (hint !== 'xa' && hint !== 'phuong' && hint !== 'dac_khu') issue(ctx, c.typeCurrent ? 'typeCurrent' : 'type', T.unitType(typeText));
  if (!/^\d{1,2}$/.test(c.provinceCode)) issue(ctx, 'provinceCode', T.provinceCode(c.provinceCode));
  if (c.provinceName === '') issue(ctx, 'provinceName', T.missing('tên tỉnh (province_name)'));
  const pType = provinceType(c.provinceType);
  if (pType === undefined) issue(ctx, 'provinceType', T.unitType(c.provinceType));
  const merged = parseMergedFrom(c.mergedFrom);
  if ('bad' in merged) issue(ctx, 'mergedFrom', T.formerList(merged.bad));
  return {
    code: c.code,
    name: c.name,
    type: hint as UnitRow['type'],
    provinceCode: c.provinceCode.padStart(2, '0'),
    provinceName: c.provinceName,
    provinceType: pType ?? null,
    former: 'units' in merged ? merged.units : [],
  };
});

type ProvinceField = 'code' | 'name' | 'type' | 'typeCurrent';

const PROVINCE_FIELDS: readonly FieldSpec<ProvinceField>[] = [
  { field: 'code', aliases: ['code', 'ma', 'MaTinh', 'province_code'], label: 'code', required: true },
  { field: 'name', aliases: ['name', 'ten', 'TenTinh', 'province_name'], label: 'name', required: true },
  { field: 'type', aliases: ['type', 'loai'], label: 'type', required: true },
  { field: 'typeCurrent', aliases: ['type_current'], label: 'type_current' },
];

interface ProvinceRow {
  code: string;
  name: string;
  type: ProvinceType;
}

/** One row of provinces.csv: 2-digit code, name, tỉnh or thành phố. */
const provinceSchema = z
  .object(Object.fromEntries(PROVINCE_FIELDS.map((f) => [f.field, z.string()])) as Record<ProvinceField, z.ZodString>)
  .transform((c, ctx): ProvinceRow => {
    if (!/^\d{1,2}$/.test(c.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: T.provinceCode(c.code) });
    if (c.name === '') ctx.addIssue({ code: 'custom', path: ['name'], message: T.missing('tên tỉnh (name)') });
    const t = provinceType(c.typeCurrent || c.type);
    if (!t) ctx.addIssue({ code: 'custom', path: [c.typeCurrent ? 'typeCurrent' : 'type'], message: T.unitType(c.typeCurrent || c.type) });
    return { code: c.code.padStart(2, '0'), name: stripProvincePrefix(c.name).name, type: t ?? 'tỉnh' };
  });

interface StoredProvince {
  id: number;
  code: string;
  name: string;
  type: string;
}

async function storedProvinces(tx: SqlExecutor): Promise<Map<string, StoredProvince>> {
  const rows = await tx.all<{ id: unknown; code: string; name: string; type: string }>('SELECT id, code, name, type FROM province');
  return new Map(rows.map((r) => [r.code, { id: toNumber(r.id), code: r.code, name: r.name, type: r.type }]));
}

/** A province named "Thành phố Huế" in a unit list is a city; otherwise a tỉnh unless the store knows better. */
function provinceFromName(text: string): { name: string; type: ProvinceType | null } {
  const s = stripProvincePrefix(text);
  return { name: s.name, type: s.typeHint === 'thanh_pho' ? 'thành phố' : s.typeHint === 'tinh' ? 'tỉnh' : null };
}

async function writeUnits(store: Store, rows: ValidRow<UnitRow>[]) {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const provinces = { inserted: 0, updated: 0, unchanged: 0, guessed: 0 };
  let former: FormerUnitCounts = { inserted: 0, updated: 0, unchanged: 0 };
  await store.sql.transaction(async (tx) => {
    const known = await storedProvinces(tx);
    const wanted = new Map<string, { name: string; type: ProvinceType | null }>();
    for (const { value: u } of rows) {
      const fromName = provinceFromName(u.provinceName);
      wanted.set(u.provinceCode, { name: fromName.name, type: u.provinceType ?? fromName.type });
    }
    const provinceRows: unknown[][] = [];
    for (const [code, w] of wanted) {
      const old = known.get(code);
      const type = w.type ?? old?.type ?? 'tỉnh';
      if (!w.type && !old) provinces.guessed++;
      if (!old) provinces.inserted++;
      else if (old.name !== w.name || old.type !== type) provinces.updated++;
      else {
        provinces.unchanged++;
        continue;
      }
      provinceRows.push([code, w.name, type]);
    }
    await insertRows(tx, 'province', ['code', 'name', 'type'], provinceRows, upsertTail(['code'], ['name', 'type']));
    const provinceIds = new Map(
      (await tx.all<{ id: unknown; code: string }>('SELECT id, code FROM province')).map((r) => [r.code, toNumber(r.id)]),
    );

    const stored = new Map(
      (await tx.all<{ code: string; name: string; type: string; province_id: unknown }>('SELECT code, name, type, province_id FROM commune')).map((r) => [
        r.code,
        r,
      ]),
    );
    const communeRows: unknown[][] = [];
    for (const { value: u } of rows) {
      const provinceId = provinceIds.get(u.provinceCode)!;
      const old = stored.get(u.code);
      if (!old) counts.inserted++;
      else if (old.name !== u.name || old.type !== u.type || toNumber(old.province_id) !== provinceId) counts.updated++;
      else {
        counts.unchanged++;
        continue;
      }
      communeRows.push([u.code, u.name, u.type, provinceId]);
    }
    // working_group_id is not in the list, so an update leaves the unit's group alone.
    await insertRows(tx, 'commune', ['code', 'name', 'type', 'province_id'], communeRows, upsertTail(['code'], ['name', 'type', 'province_id']));

    const ids = new Map((await tx.all<{ id: unknown; code: string }>('SELECT id, code FROM commune')).map((r) => [r.code, toNumber(r.id)]));
    // The district is only in the old→new map (null here keeps it).
    const formerUnits = rows.flatMap(({ value: u }) => u.former.map((f) => ({ communeId: ids.get(u.code)!, ...f, district: null })));
    former = await writeFormerUnits(tx, formerUnits);
  });
  const n = formatNumber;
  return {
    ...counts,
    extra: [
      { label: 'provinces', value: T.summary.provincesCounts(n(provinces.inserted), n(provinces.updated), n(provinces.unchanged)) },
      { label: 'formerUnits', value: T.summary.provincesCounts(n(former.inserted), n(former.updated), n(former.unchanged)) },
      ...(provinces.guessed > 0 ? [{ label: 'provinceTypeGuessed', value: provinces.guessed }] : []),
    ],
  };
}

async function writeProvinces(store: Store, rows: ValidRow<ProvinceRow>[]) {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await store.sql.transaction(async (tx) => {
    const known = await storedProvinces(tx);
    const out: unknown[][] = [];
    for (const { value: p } of rows) {
      const old = known.get(p.code);
      if (!old) counts.inserted++;
      else if (old.name !== p.name || old.type !== p.type) counts.updated++;
      else {
        counts.unchanged++;
        continue;
      }
      out.push([p.code, p.name, p.type]);
    }
    await insertRows(tx, 'province', ['code', 'name', 'type'], out, upsertTail(['code'], ['name', 'type']));
  });
  return counts;
}

/** Whether a header is a province list (provinces.csv) rather than a unit list. */
function isProvinceList(header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return !keys.has('provincecode') && !keys.has('matinh') && keys.has('code') && keys.has('type');
}

/**
 * `units <file>`: the unit list in the format of communes.csv (code, name, type,
 * province_code, province_name, merged_from_codes…; other columns ignored), provinces
 * included; or a province list in the format of provinces.csv (code, name, type), which
 * sets whether each is a tỉnh or a thành phố. Upserts by code, so a renamed or re-typed
 * unit is updated, never duplicated; caches of the unit directory reload afterwards.
 */
export async function importUnits(store: Store, path: string, opts: TableImportOptions = {}): Promise<ImportResult> {
  let provinceList = false;
  try {
    const peek = await openTable(opts.source ?? fileSource(path));
    provinceList = isProvinceList(peek.header);
    peek.close();
  } catch {
    // The import itself reports what is wrong with the file.
  }
  const result = provinceList
    ? await runTableImport(store, path, {
          kind: 'units',
          fields: PROVINCE_FIELDS,
          harmless: ['full_name', 'name_en'],
          schema: provinceSchema,
          key: (p) => p.code,
          duplicateReason: (p, later) => T.duplicateCode(p.code, later),
          write: (s, rows) => writeProvinces(s, rows),
        }, opts)
    : await runTableImport(store, path, {
          kind: 'units',
          fields: UNIT_FIELDS,
          harmless: ['full_name', 'name_ascii', 'name_en'],
          schema: unitSchema,
          key: (u) => u.code,
          duplicateReason: (u, later) => T.duplicateCode(u.code, later),
          write: (s, rows) => writeUnits(s, rows),
        }, opts);
  if (result.status === 'done') await bumpVersion(store, UNITS_VERSION_KEY);
  return result;
}
