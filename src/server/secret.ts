import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a webhook's secret header with the expected one in constant time, whatever the lengths (both are hashed first). */
export function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
