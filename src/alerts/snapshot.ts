/**
 * What the digests of one province read, computed once per scheduler pass and shared by
 * every chat of the province: the overdue dossiers with their alerts, acknowledgements and
 * silences, those due soon, the alerts closed lately, and the notification log.
 */
import type { AppContext } from '../core/context.js';
import { dataUpdatedAt } from '../data/imports.js';
import { overdueDossiers, type OverdueDossier } from '../data/overdue.js';
import { DUE_SOON_WORKING_DAYS } from '../reports/moment.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { addDays, dayOf, endOfDayInstant, isoOfDay, type Day } from '../time/day.js';
import { latestAcks, notificationLog, provinceAlerts, provincePolicy, type AckRow, type AlertRow, activeSilences, type SilenceRow } from './alert-store.js';
import { levelFor, type Level } from './policy.js';
import { ackHolds } from './sweep.js';

/** An overdue dossier as digests show it. */
export interface DigestItem {
  code: string;
  communeId: number;
  sectorId: number | null;
  dueAt: Date;
  /** Working days overdue (0: due earlier today). */
  days: number;
  level: Level;
  alert: AlertRow | null;
  /** An acknowledgement in force. */
  ack: AckRow | null;
  /** A silence in force. */
  silence: SilenceRow | null;
}

export interface ProvinceSnapshot {
  provinceId: number;
  now: Date;
  today: Day;
  calendar: WorkingCalendar;
  overdue: DigestItem[];
  dueSoon: OverdueDossier[];
  /** The same lists by commune, oldest due first. */
  overdueByCommune: Map<number, DigestItem[]>;
  dueSoonByCommune: Map<number, OverdueDossier[]>;
  /** Alerts resolved or cleared in the last 7 days. */
  closed: AlertRow[];
  /** Alerts fired in the last 7 days (open or not). */
  firedThisWeek: number;
  /** The latest acknowledgement of each dossier acknowledged lately (expired or not). */
  acks: Map<string, AckRow>;
  /** Last announcement of each (alert, chat, state). */
  log: Map<string, Date>;
  silences: SilenceRow[];
  updatedAt: Date | null;
  stale: boolean;
}

/** How far back acknowledgements are read (to announce those that expired). */
const ACK_LOOKBACK_DAYS = 14;

/** The silence in force that mutes a dossier, if any. */
export function silenceFor(silences: readonly SilenceRow[], d: { code: string; communeId: number; sectorId: number | null }): SilenceRow | null {
  for (const s of silences) {
    if (s.kind === 'dossier' && s.targetCode === d.code) return s;
    if (s.kind === 'commune' && s.targetId === d.communeId) return s;
    if (s.kind === 'sector' && s.targetId !== null && s.targetId === d.sectorId) return s;
  }
  return null;
}

/**
 * Reads one province at `now`. `overdue` passes the list a sweep just read (the same rule,
 * the same instant), saving a query.
 */
export async function provinceSnapshot(ctx: AppContext, provinceId: number, now: Date, overdue?: OverdueDossier[]): Promise<ProvinceSnapshot> {
  const dir = await ctx.directory.get();
  const calendar = await ctx.calendar.get();
  const communeIds = dir.communesOf(provinceId).map((c) => c.id);
  const today = dayOf(now);
  const isoToday = isoOfDay(today);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  // Due soon = overdue by the end of the 2nd working day from now, and not overdue now: the
  // store's one overdue rule, asked at a later instant.
  const soonUntil = new Date(endOfDayInstant(calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)).getTime() + 1);
  const [overdueNow, overdueSoon, alerts, acks, silences, updatedAt, policy] = await Promise.all([
    overdue ? Promise.resolve(overdue) : overdueDossiers(ctx.store, communeIds, null, now, true),
    overdueDossiers(ctx.store, communeIds, null, soonUntil, true),
    provinceAlerts(ctx.store, provinceId, weekAgo),
    latestAcks(ctx.store, isoOfDay(addDays(today, -ACK_LOOKBACK_DAYS))),
    activeSilences(ctx.store, now),
    dataUpdatedAt(ctx.store),
    provincePolicy(ctx.store, provinceId),
  ]);
  const byCode = new Map(alerts.map((a) => [a.code, a]));
  const provinceSilences = silences.filter((s) => s.provinceId === null || s.provinceId === provinceId);
  const items: DigestItem[] = overdueNow.map((d) => {
    const alert = byCode.get(d.code);
    const open = alert && alert.state === 'open' ? alert : null;
    const ack = acks.get(d.code);
    const held = ack && ackHolds(ack, isoToday) ? ack : null;
    const days = calendar.workingDaysBetween(dayOf(d.dueAt), today);
    // Before the scheduler has seen it, the level it would fire at.
    const wouldBe = levelFor(days, policy.thresholds);
    return {
      code: d.code,
      communeId: d.communeId,
      sectorId: d.sectorId,
      dueAt: d.dueAt,
      days,
      level: open?.level ?? ((held ? Math.min(wouldBe, 1) : wouldBe) as Level),
      alert: open,
      ack: held,
      silence: silenceFor(provinceSilences, d),
    };
  });
  const dueSoon = overdueSoon.filter((d) => d.dueAt.getTime() >= now.getTime());
  const closed = alerts.filter((a) => a.state !== 'open' && a.resolvedAt !== null && a.resolvedAt >= weekAgo);
  const firedThisWeek = alerts.filter((a) => a.firedAt >= weekAgo).length;
  const log = await notificationLog(ctx.store, alerts.map((a) => a.id));
  const hours = updatedAt ? (now.getTime() - updatedAt.getTime()) / 3_600_000 : Infinity;
  return {
    provinceId,
    now,
    today,
    calendar,
    overdue: items,
    dueSoon,
    overdueByCommune: byCommune(items),
    dueSoonByCommune: byCommune(dueSoon),
    closed,
    firedThisWeek,
    acks,
    log,
    silences: provinceSilences,
    updatedAt,
    stale: updatedAt !== null && hours > ctx.settings.staleAfterHours,
  };
}

function byCommune<T extends { communeId: number }>(items: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) {
    const list = m.get(it.communeId);
    if (list) list.push(it);
    else m.set(it.communeId, [it]);
  }
  return m;
}
