import { toNumber, type SqlExecutor } from '../../data/sql/driver.js';
import { insertRows, upsertTail } from '../sql-batch.js';

/**
 * A pre-merger unit an import wants stored under a new unit. An old unit is known by its
 * old code: a town and a commune of one name (Thị trấn Yên Viên 00526, Xã Yên Viên 00532,
 * both now Xã Phù Đổng) are two entries. A list that gives no code names the unit by its
 * name. Null fields keep what is stored (the unit list carries no district, the merge map
 * no type word for some rows).
 */
export interface WantedFormerUnit {
  communeId: number;
  code: string | null;
  name: string;
  type: string | null;
  district: string | null;
  share: string | null;
}

interface StoredFormerUnit extends WantedFormerUnit {
  id: number;
}

export interface FormerUnitCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const COLUMNS = ['commune_id', 'code', 'name', 'type', 'district', 'share'] as const;

/** The key an old unit is stored under inside its new unit: its code, or its name when no code is known. */
export function formerUnitKey(u: { code: string | null; name: string }): string {
  return u.code !== null ? `code:${u.code}` : `name:${u.name}`;
}

/**
 * Stores former units inside the caller's transaction: an entry with a code updates the
 * stored one of that code (or the code-less one of its name, which then gets the code);
 * an entry without a code updates the one stored entry of its name (of its type, when
 * several share the name) or, when that cannot tell them apart, leaves them as they are.
 * Entries repeated in `wanted` keep the later one.
 */
export async function writeFormerUnits(tx: SqlExecutor, wanted: readonly WantedFormerUnit[]): Promise<FormerUnitCounts> {
  const counts: FormerUnitCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const stored = await storedFormerUnits(tx);
  const byCode = new Map<string, StoredFormerUnit>();
  const byName = new Map<string, StoredFormerUnit[]>();
  for (const s of stored) {
    if (s.code !== null) byCode.set(`${s.communeId}\u0000${s.code}`, s);
    const k = `${s.communeId}\u0000${s.name}`;
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const latest = new Map<string, WantedFormerUnit>();
  for (const w of wanted) {
    const k = `${w.communeId}\u0000${formerUnitKey(w)}`;
    latest.delete(k);
    latest.set(k, w);
  }
  const claimed = new Set<number>();
  const coded: unknown[][] = [];
  const codeless: unknown[][] = [];
  // Entries with a code first: they say exactly which stored unit they are.
  const ordered = [...latest.values()].sort((a, b) => Number(a.code === null) - Number(b.code === null));
  for (const w of ordered) {
    const sameName = byName.get(`${w.communeId}\u0000${w.name}`) ?? [];
    let match: StoredFormerUnit | undefined;
    if (w.code !== null) match = byCode.get(`${w.communeId}\u0000${w.code}`) ?? sameName.find((s) => s.code === null && !claimed.has(s.id));
    else {
      const ofType = sameName.filter((s) => w.type === null || s.type === null || s.type === w.type);
      if (ofType.length > 1 || (ofType.length === 0 && sameName.length > 0) || (ofType.length === 1 && claimed.has(ofType[0]!.id))) {
        // The name is stored already: as several old units the entry cannot tell apart, or
        // as a unit an entry with its code has just written.
        counts.unchanged++;
        continue;
      }
      match = ofType[0];
    }
    if (match) claimed.add(match.id);
    const next = {
      code: w.code ?? match?.code ?? null,
      name: w.name,
      type: w.type ?? match?.type ?? null,
      district: w.district ?? match?.district ?? null,
      share: w.share ?? match?.share ?? null,
    };
    if (!match) counts.inserted++;
    else if (match.code !== next.code || match.name !== next.name || match.type !== next.type || match.district !== next.district || match.share !== next.share)
      counts.updated++;
    else {
      counts.unchanged++;
      continue;
    }
    // A code-less entry that now has its code: give it the code, so the upsert below finds it.
    if (match && match.code === null && next.code !== null) await tx.run('UPDATE former_unit SET code = ? WHERE id = ?', [next.code, match.id]);
    (next.code !== null ? coded : codeless).push([w.communeId, next.code, next.name, next.type, next.district, next.share]);
  }
  await insertRows(tx, 'former_unit', COLUMNS, coded, upsertTail(['commune_id', 'code'], ['name', 'type', 'district', 'share'], 'code IS NOT NULL'));
  await insertRows(tx, 'former_unit', COLUMNS, codeless, upsertTail(['commune_id', 'name'], ['type', 'district', 'share'], 'code IS NULL'));
  return counts;
}

async function storedFormerUnits(tx: SqlExecutor): Promise<StoredFormerUnit[]> {
  const rows = await tx.all<{ id: unknown; commune_id: unknown; code: string | null; name: string; type: string | null; district: string | null; share: string | null }>(
    'SELECT id, commune_id, code, name, type, district, share FROM former_unit',
  );
  return rows.map((r) => ({ id: toNumber(r.id), communeId: toNumber(r.commune_id), code: r.code, name: r.name, type: r.type, district: r.district, share: r.share }));
}
