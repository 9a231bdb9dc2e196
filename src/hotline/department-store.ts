import { toNumber, type SqlExecutor } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';
import type { DefaultDepartment } from './default-departments.js';
import { routeRule, type RouteRule } from './routing.js';
import { textKey } from './text-key.js';

/** Where a routing rule came from: the built-in defaults, an import file, an administrator. */
export type RuleOrigin = 'default' | 'import' | 'admin';

/** What saving departments did. */
export interface SavedDepartments {
  inserted: number;
  updated: number;
  unchanged: number;
  rules: number;
}

/**
 * Writes a province's departments with their fields and keywords, inside the caller's
 * transaction: each department is added or renamed by code, its fields replaced, and its
 * default and imported rules replaced by its keywords, marked `origin` (rules
 * administrators added with /quytac stay).
 */
export async function saveDepartmentsWithin(tx: SqlExecutor, provinceId: number, departments: readonly DefaultDepartment[], origin: Exclude<RuleOrigin, 'admin'>, now: Date): Promise<SavedDepartments> {
  const out: SavedDepartments = { inserted: 0, updated: 0, unchanged: 0, rules: 0 };
  for (const d of departments) {
    const old = await tx.get<{ id: unknown; name: string; answer_days: unknown }>('SELECT id, name, answer_days FROM department WHERE province_id = ? AND code = ?', [provinceId, d.code]);
    let id: number;
    if (!old) {
      const row = await tx.get<{ id: unknown }>('INSERT INTO department (province_id, code, name, answer_days) VALUES (?, ?, ?, ?) RETURNING id', [provinceId, d.code, d.name, d.answerDays]);
      id = toNumber(row!.id);
      out.inserted++;
    } else {
      id = toNumber(old.id);
      const oldFields = (await tx.all<{ name: string }>('SELECT name FROM department_field WHERE department_id = ? ORDER BY name', [id])).map((r) => r.name);
      const oldRules = (await tx.all<{ keyword: string }>("SELECT keyword FROM routing_rule WHERE department_id = ? AND origin <> 'admin' ORDER BY keyword", [id])).map((r) => r.keyword);
      const same =
        old.name === d.name &&
        toNumber(old.answer_days) === d.answerDays &&
        oldFields.join('\n') === d.fields.map((f) => f.name).sort().join('\n') &&
        oldRules.join('\n') === [...new Set(d.fields.flatMap((f) => f.keywords))].sort().join('\n');
      if (same) {
        out.unchanged++;
        continue;
      }
      await tx.run('UPDATE department SET name = ?, answer_days = ? WHERE id = ?', [d.name, d.answerDays, id]);
      out.updated++;
    }
    await tx.run('DELETE FROM department_field WHERE department_id = ?', [id]);
    await tx.run("DELETE FROM routing_rule WHERE department_id = ? AND origin <> 'admin'", [id]);
    for (const f of d.fields) {
      await tx.run('INSERT INTO department_field (department_id, name) VALUES (?, ?) ON CONFLICT (department_id, name) DO NOTHING', [id, f.name]);
      for (const keyword of f.keywords) {
        const key = textKey(keyword);
        if (!key) continue;
        out.rules += await tx.run(
          'INSERT INTO routing_rule (province_id, keyword, match_key, department_id, field, origin, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (province_id, match_key, department_id) DO NOTHING',
          [provinceId, keyword, key, id, f.name, origin, null, now],
        );
      }
    }
  }
  return out;
}

/** A province's routing rules, as routing uses them. */
export async function provinceRules(store: Store, provinceId: number): Promise<(RouteRule & { id: number; origin: RuleOrigin })[]> {
  const rows = await store.sql.all<{ id: unknown; keyword: string; match_key: string; department_id: unknown; field: string | null; origin: string }>(
    'SELECT id, keyword, match_key, department_id, field, origin FROM routing_rule WHERE province_id = ? ORDER BY department_id, keyword',
    [provinceId],
  );
  return rows.map((r) => ({ ...routeRule(r.keyword, toNumber(r.department_id), r.field), matchKey: r.match_key, id: toNumber(r.id), origin: r.origin as RuleOrigin }));
}

/** Working days a department has to answer (its own setting, else 5). */
export async function answerDaysOf(store: Store, departmentId: number): Promise<number> {
  const r = await store.sql.get<{ answer_days: unknown }>('SELECT answer_days FROM department WHERE id = ?', [departmentId]);
  return r ? toNumber(r.answer_days) : 5;
}

/** The fields a department answers for, by name. */
export async function departmentFields(store: Store, departmentId: number): Promise<string[]> {
  return (await store.sql.all<{ name: string }>('SELECT name FROM department_field WHERE department_id = ? ORDER BY id', [departmentId])).map((r) => r.name);
}
