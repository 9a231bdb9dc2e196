import type { PeriodFigures } from '../data/figures.js';

/** The rankable metrics of communes. */
export type Metric = 'online' | 'on_time' | 'overdue';

/** One commune's place: rank 1 is best; ties share a rank (1, 2, 2, 4). */
export interface Place {
  communeId: number;
  rank: number;
  value: number;
}

/** Online rate: online ÷ all received (carried over included), or null with nothing received. */
export function onlineRate(f: PeriodFigures): number | null {
  return f.received.total > 0 ? f.received.online / f.received.total : null;
}

/** On-time rate by the provincial rule: (early + on time) ÷ resolved, or null. */
export function onTimeRate(f: PeriodFigures): number | null {
  return f.resolved.total > 0 ? (f.resolved.early + f.resolved.onTime) / f.resolved.total : null;
}

/** On-time rate by the 766 rule (supplement waiting time deducted), or null. */
export function onTimeRate766(f: PeriodFigures): number | null {
  return f.resolved.total > 0 ? f.resolved.inTime766 / f.resolved.total : null;
}

/**
 * Ranks communes on a metric. Rates rank high-to-low among communes where the rate exists;
 * overdue counts rank most-first (the list is for chasing) among all communes given.
 */
export function rankCommunes(
  figures: ReadonlyMap<number, PeriodFigures>,
  metric: Metric,
  overdue?: ReadonlyMap<number, number>,
): Place[] {
  const values: { communeId: number; value: number }[] = [];
  for (const [communeId, f] of figures) {
    const v = metric === 'online' ? onlineRate(f) : metric === 'on_time' ? onTimeRate(f) : (overdue?.get(communeId) ?? 0);
    if (v !== null) values.push({ communeId, value: v });
  }
  values.sort((a, b) => b.value - a.value || a.communeId - b.communeId);
  const places: Place[] = [];
  values.forEach((v, i) => {
    const prev = places[i - 1];
    const rank = prev && prev.value === v.value ? prev.rank : i + 1;
    places.push({ ...v, rank });
  });
  return places;
}
