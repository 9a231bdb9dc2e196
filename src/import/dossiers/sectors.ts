import type { Store } from '../../data/store.js';
import { toNumber } from '../../data/sql/driver.js';
import { foldKey } from '../../names/keys.js';

const key = (provinceId: number, code: string) => `${provinceId}\u0000${code}`;

/**
 * The sectors (lĩnh vực) of every province, by code, for the dossier importers. A code the
 * province does not know yet is created with the name the export gives (TenLinhVuc) and no
 * department, rather than rejecting the dossier: the province assigns it to a department
 * later. A row with only a sector name matches an existing sector of that name, or creates
 * one whose code is the name.
 */
export class SectorTable {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, string>();
  private readonly pending = new Map<string, { provinceId: number; code: string; name: string }>();
  created = 0;

  private constructor(private readonly store: Store) {}

  static async load(store: Store): Promise<SectorTable> {
    const t = new SectorTable(store);
    const rows = await store.sql.all<{ id: unknown; province_id: unknown; code: string; name: string }>('SELECT id, province_id, code, name FROM sector');
    for (const r of rows) t.remember(toNumber(r.province_id), r.code, r.name, toNumber(r.id));
    return t;
  }

  private remember(provinceId: number, code: string, name: string, id: number): void {
    this.byCode.set(key(provinceId, code), id);
    this.byName.set(key(provinceId, foldKey(name)), code);
  }

  /** The code a row's sector goes by, noting it for creation when new; null when the row names none. */
  codeFor(provinceId: number, code: string, name: string): string | null {
    let c = code;
    if (!c) {
      if (!name) return null;
      c = this.byName.get(key(provinceId, foldKey(name))) ?? name.slice(0, 60);
    }
    const k = key(provinceId, c);
    if (!this.byCode.has(k) && !this.pending.has(k)) this.pending.set(k, { provinceId, code: c, name: name || c });
    return c;
  }

  /** Creates the sectors noted since the last call (one transaction); returns how many. */
  async flush(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const list = [...this.pending.values()];
    this.pending.clear();
    await this.store.sql.transaction(async (tx) => {
      for (const s of list) {
        await tx.run('INSERT INTO sector (province_id, code, name) VALUES (?, ?, ?) ON CONFLICT (province_id, code) DO NOTHING', [s.provinceId, s.code, s.name]);
      }
    });
    for (const s of list) {
      const row = await this.store.sql.get<{ id: unknown; name: string }>('SELECT id, name FROM sector WHERE province_id = ? AND code = ?', [s.provinceId, s.code]);
      if (row) this.remember(s.provinceId, s.code, row.name, toNumber(row.id));
    }
    this.created += list.length;
    return list.length;
  }

  /** The store ids of a batch's sectors, creating the unknown ones first. */
  async idsFor(list: readonly { provinceId: number; code: string; name: string }[]): Promise<(number | null)[]> {
    const codes = list.map((s) => this.codeFor(s.provinceId, s.code, s.name));
    await this.flush();
    return list.map((s, i) => this.idOf(s.provinceId, codes[i]!));
  }

  /** The id of a known sector; call after flush(). */
  idOf(provinceId: number, code: string | null): number | null {
    if (code === null) return null;
    return this.byCode.get(key(provinceId, code)) ?? null;
  }
}
