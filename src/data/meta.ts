import type { Store } from './store.js';

/** Reads a fact about the store itself, or null. */
export async function getMeta(store: Store, key: string): Promise<string | null> {
  const row = await store.prisma.meta.findUnique({ where: { key } });
  return row?.value ?? null;
}

/** Records a fact about the store itself. */
export async function setMeta(store: Store, key: string, value: string): Promise<void> {
  await store.prisma.meta.upsert({ where: { key }, update: { value }, create: { key, value } });
}
