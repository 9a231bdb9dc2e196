import { toNumber } from './sql/driver.js';
import type { Store } from './store.js';

export type UnitKind = 'province' | 'commune';

/** A figure as a report published it. */
export interface ReportedFigureView {
  metric: string;
  value: number;
  qualifier: string;
  periodFrom: string;
  periodTo: string;
  source: string;
  sourceDate: string;
}

/** An indicator of a unit for a period. */
export interface IndicatorView {
  unitKind: string;
  unitId: number;
  kind: string;
  value: number | null;
  rank: number | null;
  rankOf: number | null;
  periodFrom: string;
  periodTo: string;
  source: string;
  sourceDate: string;
}

/** Reported figures of a unit for exactly the period [from, to] (ISO dates). */
export async function reportedFiguresFor(store: Store, unitKind: UnitKind, unitId: number, from: string, to: string): Promise<ReportedFigureView[]> {
  // Raw SQL: every /xa and /tongquan asks, and nearly always finds nothing.
  const rows = await store.sql.all<ReportedFigureView & { value: unknown; period_from: string; period_to: string; source_date: string }>(
    'SELECT metric, value, qualifier, period_from, period_to, source, source_date FROM reported_figure WHERE unit_kind = ? AND unit_id = ? AND period_from = ? AND period_to = ? ORDER BY metric',
    [unitKind, unitId, from, to],
  );
  return rows.map((r) => ({
    metric: r.metric,
    value: toNumber(r.value),
    qualifier: r.qualifier,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    source: r.source,
    sourceDate: r.source_date,
  }));
}

/**
 * All reported figures of a unit for its latest report period ending on or before `to`
 * (ISO date), or for the earliest one when none ends by then. Empty when none exist.
 */
export async function latestReportedFigures(store: Store, unitKind: UnitKind, unitId: number, to: string): Promise<ReportedFigureView[]> {
  const latest =
    (await store.prisma.reportedFigure.findFirst({ where: { unitKind, unitId, periodTo: { lte: to } }, orderBy: [{ periodTo: 'desc' }, { periodFrom: 'asc' }] })) ??
    (await store.prisma.reportedFigure.findFirst({ where: { unitKind, unitId }, orderBy: [{ periodTo: 'asc' }] }));
  if (!latest) return [];
  return reportedFiguresFor(store, unitKind, unitId, latest.periodFrom, latest.periodTo);
}

/** Indicators of the given units whose period ends on or before `to`, newest first per kind. */
export async function latestIndicators(store: Store, unitKind: UnitKind, unitIds: number[], to: string): Promise<IndicatorView[]> {
  const rows = await store.prisma.indicator.findMany({
    where: { unitKind, unitId: { in: unitIds }, periodTo: { lte: to } },
    orderBy: [{ periodTo: 'desc' }],
  });
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.unitId}:${r.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
