import { toNumber } from './sql/driver.js';
import type { Store } from './store.js';

/**
 * Recommendations of a commune that no department has answered yet: waiting for a
 * department, open, or asked back (src/hotline/items.ts). Raw SQL: every /xa asks.
 */
export async function openRecommendationCount(store: Store, communeId: number): Promise<number> {
  const row = await store.sql.get<{ n: unknown }>(
    "SELECT COUNT(*) AS n FROM recommendation r JOIN recommendation_commune c ON c.recommendation_id = r.id WHERE c.commune_id = ? AND r.status IN ('unrouted', 'open', 'asked')",
    [communeId],
  );
  return toNumber(row?.n);
}
