import { z } from 'zod';
import { UNITS_VERSION_KEY } from '../../data/directory.js';
import type { Store } from '../../data/store.js';
import { bumpVersion } from '../../data/versioned-cache.js';
import { DEFAULT_ANSWER_DAYS, type DefaultDepartment } from '../../hotline/default-departments.js';
import { saveDepartmentsWithin } from '../../hotline/department-store.js';
import { textKey } from '../../hotline/text-key.js';
import { foldKey } from '../../names/keys.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import { DEPARTMENT_IMPORT_TEXT as D } from '../../text/hotline-messages.js';
import type { FieldSpec } from '../columns.js';
import type { ImportResult } from '../result.js';
import { runTableImport, type TableImportOptions } from '../table-import.js';

type DepartmentColumn = 'province' | 'code' | 'name' | 'field' | 'keywords' | 'answerDays';

const DEPARTMENT_FIELDS: readonly FieldSpec<DepartmentColumn>[] = [
  { field: 'province', aliases: ['province', 'province_code', 'tinh', 'ma_tinh', 'Mã tỉnh'], label: 'province', required: true },
  { field: 'code', aliases: ['code', 'department_code', 'ma_so', 'ma', 'Mã sở'], label: 'code', required: true },
  { field: 'name', aliases: ['name', 'department', 'ten_so', 'ten', 'Tên sở'], label: 'name', required: true },
  { field: 'field', aliases: ['field', 'sector', 'linh_vuc', 'Lĩnh vực'], label: 'field', required: true },
  { field: 'keywords', aliases: ['keywords', 'tu_khoa', 'Từ khóa', 'Từ khoá'], label: 'keywords', required: true },
  { field: 'answerDays', aliases: ['answer_days', 'han_tra_loi', 'Hạn trả lời', 'so_ngay'], label: 'answer_days' },
];

interface DepartmentRow {
  province: string;
  code: string;
  name: string;
  field: string;
  keywords: string[];
  answerDays: number;
}

const departmentSchema = z
  .object(Object.fromEntries(DEPARTMENT_FIELDS.map((f) => [f.field, z.string()])) as Record<DepartmentColumn, z.ZodString>)
  .transform((c, ctx): DepartmentRow => {
    const add = (field: DepartmentColumn, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const province = c.province.trim();
    if (!/^\d{1,2}$/.test(province)) add('province', province ? D.badProvince(province) : T.missing('mã tỉnh (province)'));
    const code = c.code.trim().toUpperCase();
    if (!/^[A-Z0-9_]{1,12}$/.test(code)) add('code', code ? D.badCode(c.code.trim()) : T.missing('mã sở (code)'));
    const name = c.name.trim();
    if (!name || name.length > 200) add('name', name ? T.tooLong('tên sở', 200) : T.missing('tên sở (name)'));
    const field = c.field.trim();
    if (!field || field.length > 200) add('field', field ? T.tooLong('lĩnh vực', 200) : T.missing('lĩnh vực (field)'));
    const keywords = [...new Set(c.keywords.split(/[;|\n]/).map((k) => k.trim()).filter(Boolean))];
    if (keywords.length === 0) add('keywords', T.missing('từ khóa (keywords)'));
    const bad = keywords.find((k) => !textKey(k) || k.length > 100);
    if (bad !== undefined) add('keywords', D.badKeyword(bad.slice(0, 40)));
    const days = c.answerDays.trim() === '' ? DEFAULT_ANSWER_DAYS : Number(c.answerDays.trim());
    if (!Number.isInteger(days) || days < 1 || days > 60) add('answerDays', D.badDays(c.answerDays.trim()));
    return { province: province.padStart(2, '0'), code, name, field, keywords, answerDays: days };
  });

/**
 * `departments <file>`: a province's departments (sở, ngành), one row per department and
 * field: province code, department code and name, the field, its routing keywords
 * (separated by ";") and the working days to answer (default 5). Each department named
 * in the file gets exactly the file's fields and keywords; rules administrators added
 * with /quytac stay. Rows of a province not in the store are rejected.
 */
export async function importDepartments(store: Store, path: string, opts: TableImportOptions = {}): Promise<ImportResult> {
  const now = opts.now ?? new Date();
  const result = await runTableImport(
    store,
    path,
    {
      kind: 'departments',
      fields: DEPARTMENT_FIELDS,
      schema: departmentSchema,
      key: (r) => `${r.province}|${r.code}|${foldKey(r.field)}`,
      write: async (s, rows, reject) => {
        const provinces = new Map((await s.sql.all<{ id: unknown; code: string }>('SELECT id, code FROM province')).map((p) => [p.code, Number(p.id)]));
        const byProvince = new Map<number, Map<string, DefaultDepartment>>();
        for (const row of rows) {
          const r = row.value;
          const provinceId = provinces.get(r.province);
          if (provinceId === undefined) {
            reject(row, 'province', D.unknownProvince(r.province));
            continue;
          }
          const deps = byProvince.get(provinceId) ?? new Map<string, DefaultDepartment>();
          byProvince.set(provinceId, deps);
          const d = deps.get(r.code) ?? { code: r.code, name: r.name, answerDays: r.answerDays, fields: [] };
          // The department's later rows may rename it or change its deadline: the last row wins.
          d.name = r.name;
          d.answerDays = r.answerDays;
          d.fields.push({ name: r.field, keywords: r.keywords });
          deps.set(r.code, d);
        }
        const counts = { inserted: 0, updated: 0, unchanged: 0 };
        let rules = 0;
        await s.sql.transaction(async (tx) => {
          for (const [provinceId, deps] of byProvince) {
            const saved = await saveDepartmentsWithin(tx, provinceId, [...deps.values()], 'import', now);
            counts.inserted += saved.inserted;
            counts.updated += saved.updated;
            counts.unchanged += saved.unchanged;
            rules += saved.rules;
          }
        });
        return { ...counts, extra: [{ label: D.rulesWritten, value: rules }] };
      },
    },
    { ...opts, now },
  );
  if (result.status === 'done') await bumpVersion(store, UNITS_VERSION_KEY);
  return result;
}
