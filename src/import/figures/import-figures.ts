import { z } from 'zod';
import type { Store } from '../../data/store.js';
import { toNumber, type SqlExecutor } from '../../data/sql/driver.js';
import { foldKey } from '../../names/keys.js';
import { stripProvincePrefix, stripUnitPrefix } from '../../names/prefix.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import type { FieldSpec } from '../columns.js';
import { parseIsoDate } from '../dates.js';
import type { ImportResult } from '../result.js';
import { insertRows, upsertTail } from '../sql-batch.js';
import { runTableImport, type TableImportOptions, type ValidRow } from '../table-import.js';

type FigureField = 'unitCode' | 'unitName' | 'periodFrom' | 'periodTo' | 'metric' | 'value' | 'qualifier' | 'rank' | 'rankOf' | 'source' | 'sourceDate';

const FIGURE_FIELDS: readonly FieldSpec<FigureField>[] = [
  { field: 'unitCode', aliases: ['unit_code', 'ma_don_vi', 'MaDonVi', 'code'], label: 'unit_code', required: true },
  { field: 'unitName', aliases: ['unit_name', 'ten_don_vi', 'TenDonVi', 'name'], label: 'unit_name' },
  { field: 'periodFrom', aliases: ['period_from', 'from', 'tu_ngay', 'TuNgay'], label: 'period_from', required: true },
  { field: 'periodTo', aliases: ['period_to', 'to', 'den_ngay', 'DenNgay'], label: 'period_to', required: true },
  { field: 'metric', aliases: ['metric', 'kind', 'chi_tieu', 'ChiTieu'], label: 'metric', required: true },
  { field: 'value', aliases: ['value', 'gia_tri', 'GiaTri'], label: 'value', required: true },
  { field: 'qualifier', aliases: ['qualifier', 'muc_do'], label: 'qualifier' },
  { field: 'rank', aliases: ['rank', 'hang', 'xep_hang', 'XepHang'], label: 'rank' },
  { field: 'rankOf', aliases: ['rank_of', 'tren_tong', 'TrenTong'], label: 'rank_of' },
  { field: 'source', aliases: ['source', 'nguon', 'NguonSoLieu'], label: 'source', required: true },
  { field: 'sourceDate', aliases: ['source_date', 'ngay_cong_bo', 'NgayCongBo'], label: 'source_date', required: true },
];

/** Indicator kinds the bot shows by name (src/handlers/indicator-fields.ts). */
const NAMED_INDICATORS = new Set(['disbursement_rate', 'online_rate_rank', 'procedures_published']);

/**
 * Whether a metric goes to the indicator table: the named kinds, and any rate, rank or
 * index (…_rate, …_rank, …_index). Everything else is a reported figure (a count).
 */
export function isIndicator(metric: string): boolean {
  return NAMED_INDICATORS.has(metric) || /_(rate|rank|index)$/.test(metric);
}

/** Whether a metric is a count, so "156.230" reads as 156230 (Vietnamese thousands). */
function isCount(metric: string): boolean {
  return !/_(rate|index)$/.test(metric);
}

/**
 * Reads a number as Vietnamese reports write it: "156.230" (thousands, for counts),
 * "58,72" or "58.72" (decimals), "71,11 %". Null when it is not a number.
 */
export function parseReportNumber(text: string, count: boolean): number | null {
  const t = text.replace(/\s+/g, '').replace(/%$/, '');
  if (t === '') return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) && (count || t.includes(','))) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) && count && t.split(',').length > 2) return Number(t.replace(/,/g, ''));
  if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

const QUALIFIERS: Record<string, string> = { '': 'exact', exact: 'exact', over: 'over', tren: 'over', about: 'about', khoang: 'about' };

interface FigureRow {
  indicator: boolean;
  unitKind: 'province' | 'commune';
  unitCode: string;
  unitName: string;
  periodFrom: string;
  periodTo: string;
  metric: string;
  value: number | null;
  qualifier: string;
  rank: number | null;
  rankOf: number | null;
  source: string;
  sourceDate: string;
}

function readSourceDate(text: string): string | null {
  const day = parseIsoDate(text);
  if (day) return day;
  let m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m && +m[1]! >= 1 && +m[1]! <= 12) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return null;
}

/** One row of a figures file: unit, period, metric, value (or rank), source. */
const figureSchema = z
  .object(Object.fromEntries(FIGURE_FIELDS.map((f) => [f.field, z.string()])) as Record<FigureField, z.ZodString>)
  .transform((c, ctx): FigureRow => {
    const add = (field: FigureField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const unitKind = /^\d{2}$/.test(c.unitCode) ? 'province' : 'commune';
    if (!/^\d{2}$|^\d{5}$/.test(c.unitCode)) add('unitCode', T.figureUnitCode(c.unitCode));
    const from = parseIsoDate(c.periodFrom);
    const to = parseIsoDate(c.periodTo);
    if (!from) add('periodFrom', c.periodFrom ? T.holidayDate(c.periodFrom) : T.missing('ngày bắt đầu kỳ (period_from)'));
    if (!to) add('periodTo', c.periodTo ? T.holidayDate(c.periodTo) : T.missing('ngày kết thúc kỳ (period_to)'));
    if (from && to && from > to) add('periodFrom', T.periodReversed);
    const metric = c.metric;
    if (!/^[a-z][a-z0-9_]{1,59}$/.test(metric)) add('metric', metric ? T.metric(metric) : T.missing('chỉ tiêu (metric)'));
    const indicator = isIndicator(metric);
    const value = parseReportNumber(c.value, isCount(metric));
    if (c.value !== '' && value === null) add('value', T.number('giá trị (value)', c.value));
    const qualifier = QUALIFIERS[foldKey(c.qualifier)];
    if (!qualifier) add('qualifier', T.qualifier(c.qualifier));
    const readRank = (field: 'rank' | 'rankOf'): number | null => {
      const v = c[field];
      if (v === '') return null;
      if (/^\d{1,5}$/.test(v) && Number(v) > 0) return Number(v);
      add(field, T.rank(v));
      return null;
    };
    const rank = readRank('rank');
    const rankOf = readRank('rankOf');
    if (!indicator && (c.rank !== '' || c.rankOf !== '')) add('rank', T.rankNeedsIndicator);
    if (rank !== null && rankOf !== null && rank > rankOf) add('rank', T.rankOver(rank, rankOf));
    if (!indicator && c.value === '') add('value', T.missing('giá trị (value)'));
    if (indicator && c.value === '' && c.rank === '') add('value', T.indicatorEmpty);
    if (c.source === '' || c.source.length > 300) add('source', c.source === '' ? T.missing('nguồn (source)') : T.tooLong('nguồn', 300));
    const sourceDate = readSourceDate(c.sourceDate);
    if (!sourceDate) add('sourceDate', c.sourceDate ? T.sourceDate(c.sourceDate) : T.missing('ngày công bố (source_date)'));
    return {
      indicator,
      unitKind,
      unitCode: c.unitCode,
      unitName: c.unitName,
      periodFrom: from ?? '',
      periodTo: to ?? '',
      metric,
      value,
      qualifier: qualifier ?? 'exact',
      rank,
      rankOf,
      source: c.source,
      sourceDate: sourceDate ?? '',
    };
  });

const keyOf = (kind: string, id: number, from: string, to: string, metric: string) => `${kind}\u0000${id}\u0000${from}\u0000${to}\u0000${metric}`;

async function unitsByCode(tx: SqlExecutor): Promise<Map<string, { id: number; name: string; kind: 'province' | 'commune' }>> {
  const out = new Map<string, { id: number; name: string; kind: 'province' | 'commune' }>();
  for (const r of await tx.all<{ id: unknown; code: string; name: string }>('SELECT id, code, name FROM province')) out.set(r.code, { id: toNumber(r.id), name: r.name, kind: 'province' });
  for (const r of await tx.all<{ id: unknown; code: string; name: string }>('SELECT id, code, name FROM commune')) out.set(r.code, { id: toNumber(r.id), name: r.name, kind: 'commune' });
  return out;
}

async function writeFigures(store: Store, rows: ValidRow<FigureRow>[], reject: (row: ValidRow<FigureRow>, field: FigureField, reason: string) => void) {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  await store.sql.transaction(async (tx) => {
    const units = await unitsByCode(tx);
    const reported = new Map(
      (await tx.all<Record<string, unknown>>('SELECT unit_kind, unit_id, period_from, period_to, metric, value, qualifier, source, source_date FROM reported_figure')).map((r) => [
        keyOf(String(r.unit_kind), toNumber(r.unit_id), String(r.period_from), String(r.period_to), String(r.metric)),
        r,
      ]),
    );
    const indicators = new Map(
      (await tx.all<Record<string, unknown>>('SELECT unit_kind, unit_id, period_from, period_to, kind, value, rank, rank_of, source, source_date FROM indicator')).map((r) => [
        keyOf(String(r.unit_kind), toNumber(r.unit_id), String(r.period_from), String(r.period_to), String(r.kind)),
        r,
      ]),
    );
    const figureRows: unknown[][] = [];
    const indicatorRows: unknown[][] = [];
    const num = (v: unknown) => (v === null || v === undefined ? null : toNumber(v));
    for (const row of rows) {
      const f = row.value;
      const unit = units.get(f.unitCode);
      if (!unit) {
        reject(row, 'unitCode', T.figureUnitMissing(f.unitCode));
        continue;
      }
      if (f.unitName) {
        const typed = unit.kind === 'province' ? stripProvincePrefix(f.unitName).name : stripUnitPrefix(f.unitName).name;
        if (foldKey(typed) !== foldKey(unit.name)) {
          reject(row, 'unitName', T.figureUnitName(f.unitCode, f.unitName, unit.name));
          continue;
        }
      }
      const key = keyOf(unit.kind, unit.id, f.periodFrom, f.periodTo, f.metric);
      if (f.indicator) {
        const old = indicators.get(key);
        const same = old && num(old.value) === f.value && num(old.rank) === f.rank && num(old.rank_of) === f.rankOf && old.source === f.source && old.source_date === f.sourceDate;
        if (same) counts.unchanged++;
        else {
          if (old) counts.updated++;
          else counts.inserted++;
          indicatorRows.push([unit.kind, unit.id, f.periodFrom, f.periodTo, f.metric, f.value, f.rank, f.rankOf, f.source, f.sourceDate]);
        }
      } else {
        const old = reported.get(key);
        const same = old && num(old.value) === f.value && old.qualifier === f.qualifier && old.source === f.source && old.source_date === f.sourceDate;
        if (same) counts.unchanged++;
        else {
          if (old) counts.updated++;
          else counts.inserted++;
          figureRows.push([unit.kind, unit.id, f.periodFrom, f.periodTo, f.metric, f.value, f.qualifier, f.source, f.sourceDate]);
        }
      }
    }
    const key = ['unit_kind', 'unit_id', 'period_from', 'period_to'];
    await insertRows(tx, 'reported_figure', [...key, 'metric', 'value', 'qualifier', 'source', 'source_date'], figureRows, upsertTail([...key, 'metric'], ['value', 'qualifier', 'source', 'source_date']));
    await insertRows(tx, 'indicator', [...key, 'kind', 'value', 'rank', 'rank_of', 'source', 'source_date'], indicatorRows, upsertTail([...key, 'kind'], ['value', 'rank', 'rank_of', 'source', 'source_date']));
  });
  return counts;
}

/**
 * `figures <file>`: figures published in reports (table reported_figure) and indicators
 * (table indicator), one row per unit, period and metric. Columns: unit_code (2-digit
 * province or 5-digit commune), unit_name (optional, checked against the code), period_from,
 * period_to, metric, value, qualifier (exact, over, about), rank, rank_of, source,
 * source_date. Rates, ranks and indices (…_rate, …_rank, …_index, procedures_published) are
 * indicators; every other metric is a reported count. Upserts by unit, period and metric.
 *
 * @example
 * unit_code,unit_name,period_from,period_to,metric,value,qualifier,rank,rank_of,source,source_date
 * 33,Hưng Yên,01/07/2025,13/08/2025,received,156.230,,,,Báo Hưng Yên,15/08/2025
 * 33,Hưng Yên,01/07/2025,13/08/2025,online_rate_rank,86,,11,34,Báo Hưng Yên,15/08/2025
 */
export function importFigures(store: Store, path: string, opts: TableImportOptions = {}): Promise<ImportResult> {
  return runTableImport(
    store,
    path,
    {
      kind: 'figures',
      fields: FIGURE_FIELDS,
      schema: figureSchema,
      key: (f) => `${f.unitCode}\u0000${f.periodFrom}\u0000${f.periodTo}\u0000${f.metric}`,
      duplicateReason: (_f, later) => T.duplicateFigure(later),
      write: writeFigures,
    },
    opts,
  );
}
