import type { Access } from '../access/access.js';
import { provinceOfAccess } from '../access/permissions.js';
import type { AppContext } from '../core/context.js';
import type { ProvinceInfo } from '../data/directory.js';

/**
 * The province a hotline command is about: the one named, else the chat's own, else the
 * deployment's (DEFAULT_PROVINCE), else the one with the most recommendations. Null when
 * a name was given and matches none.
 */
export async function hotlineProvince(ctx: AppContext, access: Access, named: string): Promise<ProvinceInfo | null> {
  const dir = await ctx.directory.get();
  if (named.trim()) return dir.findProvince(named);
  const own = provinceOfAccess(access, dir);
  if (own !== null && dir.provinces.has(own)) return dir.provinces.get(own)!;
  if (ctx.settings.defaultProvince) {
    const p = dir.findProvince(ctx.settings.defaultProvince);
    if (p) return p;
  }
  const row = await ctx.store.sql.get<{ province_id: unknown }>('SELECT province_id FROM recommendation GROUP BY province_id ORDER BY COUNT(*) DESC, province_id LIMIT 1');
  const busiest = row ? dir.provinces.get(Number(row.province_id)) : undefined;
  return busiest ?? [...dir.provinces.values()][0] ?? null;
}
