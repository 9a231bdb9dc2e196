import type { Store } from './store.js';

// Raw SQL rather than Prisma: imports touch these on every run, and the first Prisma query
// of a process costs about 60 MB (its query compiler), which the import CLI otherwise avoids.

/** Reads a fact about the store itself, or null. */
export async function getMeta(store: Store, key: string): Promise<string | null> {
  const row = await store.sql.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
  return row?.value ?? null;
}

/** Records a fact about the store itself. */
export async function setMeta(store: Store, key: string, value: string): Promise<void> {
  await store.sql.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}
