import { FIGURES_VERSION_KEY } from '../data/figure-counts.js';
import { UNITS_VERSION_KEY } from '../data/directory.js';
import { dataUpdatedAt } from '../data/imports.js';
import { getMeta } from '../data/meta.js';
import type { Store } from '../data/store.js';

/** Rendered charts kept per store: a few hundred kilobytes each. */
export const CHART_CACHE_SIZE = 32;

/**
 * Charts already drawn, by chart, unit, period and data version. The version joins the
 * figures version (changed in the same transaction as every counter write, so by every
 * import and every pushed dossier), the units version and the latest import's end; a
 * chart of a period that runs until now also keys on the hour, since dossiers become
 * overdue as time passes. Least recently used entries go first.
 */
export class ChartCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max = CHART_CACHE_SIZE) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The version of everything a chart is drawn from, read in three indexed lookups. */
export async function chartDataVersion(store: Store): Promise<string> {
  const [figures, units, updated] = await Promise.all([getMeta(store, FIGURES_VERSION_KEY), getMeta(store, UNITS_VERSION_KEY), dataUpdatedAt(store)]);
  return `${figures ?? ''}|${units ?? ''}|${updated?.getTime() ?? ''}`;
}
