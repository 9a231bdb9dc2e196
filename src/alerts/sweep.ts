/**
 * Keeps the alerts in step with the store: each dossier overdue now has an open alert,
 * whose level follows its working days overdue under the policy it fired under (held
 * while an acknowledgement lasts); an alert whose dossier is no longer overdue is closed,
 * as resolved when the dossier was closed. The overdue rule is the store's one
 * (`overdueDossiers`).
 */
import type { AppContext } from '../core/context.js';
import { overdueDossiers, type OverdueDossier } from '../data/overdue.js';
import type { SqlExecutor } from '../data/sql/driver.js';
import { dayOf, isoOfDay } from '../time/day.js';
import { closeAlert, latestAcks, openAlert, provinceAlerts, provincePolicy, raiseLevel, type AckRow, type AlertRow } from './alert-store.js';
import { levelFor, type Level } from './policy.js';

export interface SweepResult {
  opened: number;
  raised: number;
  closed: number;
  /** The dossiers overdue now, as the sweep read them (digests reuse them). */
  overdue: OverdueDossier[];
}

/** Whether an acknowledgement holds the dossier's escalation on `isoToday`. */
export function ackHolds(ack: AckRow | undefined, isoToday: string): boolean {
  return ack !== undefined && ack.untilDay >= isoToday;
}

/** Brings one province's alerts up to date at `now`. */
export async function sweepProvince(ctx: AppContext, provinceId: number, now: Date): Promise<SweepResult> {
  const dir = await ctx.directory.get();
  const calendar = await ctx.calendar.get();
  const communeIds = dir.communesOf(provinceId).map((c) => c.id);
  const today = dayOf(now);
  const isoToday = isoOfDay(today);
  const [overdue, alerts, policy, acks] = await Promise.all([
    overdueDossiers(ctx.store, communeIds, null, now, true),
    provinceAlerts(ctx.store, provinceId, now),
    provincePolicy(ctx.store, provinceId),
    latestAcks(ctx.store, isoToday),
  ]);
  const open = new Map<string, AlertRow>(alerts.filter((a) => a.state === 'open').map((a) => [a.code, a]));
  const result: SweepResult = { opened: 0, raised: 0, closed: 0, overdue };
  const seen = new Set<string>();
  const writes: ((tx: SqlExecutor) => Promise<void>)[] = [];
  for (const d of overdue) {
    seen.add(d.code);
    const days = calendar.workingDaysBetween(dayOf(d.dueAt), today);
    const held = ackHolds(acks.get(d.code), isoToday);
    const existing = open.get(d.code);
    if (!existing) {
      const computed = levelFor(days, policy.thresholds);
      const level = (held ? Math.min(computed, 1) : computed) as Level;
      writes.push((tx) => openAlert(tx, { code: d.code, provinceId, communeId: d.communeId, sectorId: d.sectorId, dueAt: d.dueAt, thresholds: policy.thresholds, level }, now));
      result.opened++;
      continue;
    }
    const level = levelFor(days, existing.thresholds);
    if (level > existing.level && !held) {
      writes.push((tx) => raiseLevel(tx, existing.id, level, d.dueAt, now));
      result.raised++;
    }
  }
  const gone = [...open.values()].filter((a) => !seen.has(a.code));
  const closedCodes = new Set<string>();
  for (let i = 0; i < gone.length; i += 500) {
    const chunk = gone.slice(i, i + 500);
    const rows = await ctx.store.sql.all<{ code: string }>(
      `SELECT code FROM dossier WHERE closed_at IS NOT NULL AND code IN (${chunk.map(() => '?').join(',')})`,
      chunk.map((a) => a.code),
    );
    for (const r of rows) closedCodes.add(String(r.code));
  }
  for (const a of gone) {
    writes.push((tx) => closeAlert(tx, a.id, closedCodes.has(a.code) ? 'resolved' : 'cleared', now));
    result.closed++;
  }
  for (let i = 0; i < writes.length; i += 1_000) {
    const batch = writes.slice(i, i + 1_000);
    await ctx.store.sql.transaction(async (tx) => {
      for (const w of batch) await w(tx);
    });
  }
  return result;
}
