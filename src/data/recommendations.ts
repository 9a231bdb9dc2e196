import type { Store } from './store.js';

/** Recommendations of a commune that no department has answered yet. */
export async function openRecommendationCount(store: Store, communeId: number): Promise<number> {
  return store.prisma.recommendation.count({ where: { status: 'open', communes: { some: { communeId } } } });
}
