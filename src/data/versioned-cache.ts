import { getMeta, setMeta } from './meta.js';
import type { Store } from './store.js';

/**
 * Keeps a value derived from the store (the unit directory, the working calendar) in
 * memory, and reloads it when the version stored under `metaKey` changes. The version (one
 * indexed row) is checked on every `get` by default, so when several instances share one
 * store, a change written through one is seen by every other at its next request.
 */
export class VersionedCache<T> {
  private current: T | null = null;
  private version: string | null = null;
  private checkedAt = 0;
  private loading: Promise<T> | null = null;

  constructor(
    private readonly store: Store,
    private readonly metaKey: string,
    private readonly load: (store: Store) => Promise<T>,
    private readonly checkMs = 0,
  ) {}

  async get(): Promise<T> {
    if (this.current !== null && Date.now() - this.checkedAt < this.checkMs) return this.current;
    if (this.loading) return this.loading;
    this.loading = (async () => {
      try {
        const version = await getMeta(this.store, this.metaKey);
        if (this.current === null || version !== this.version) {
          this.current = await this.load(this.store);
          this.version = version;
        }
        this.checkedAt = Date.now();
        return this.current;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** Forces a reload on the next get. */
  invalidate(): void {
    this.current = null;
  }
}

/** Marks the data behind `metaKey` as changed, so every cache of it reloads. */
export async function bumpVersion(store: Store, metaKey: string): Promise<void> {
  await setMeta(store, metaKey, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
}
