import { Channel, Status, type ChannelCode, type DossierRecord, type StatusCode } from '../domain/dossier.js';
import { dayFromIso, dayOf, startOfDayInstant, ymdOf, type Day } from '../time/day.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { NEW_MODEL_START } from '../time/period.js';
import { DEMO_COMMUNES, DEMO_SECTORS, type DemoCommune, type DemoSector } from './catalog.js';
import { apportion, Rng } from './rng.js';
import { GROUP_7_TARGET, RECEPTION_TARGETS, type ReceptionTarget } from './targets.js';

export interface DemoDossierContext {
  /** The moment the dataset describes: statuses are as they would be then. */
  now: Date;
  calendar: WorkingCalendar;
  communeIds: ReadonlyMap<string, number>;
  sectorIds: ReadonlyMap<string, number>;
}

const MINUTE = 60_000;
const OPEN_MINUTE = 7 * 60 + 30;
const CLOSE_MINUTE = 16 * 60 + 45;
const DUE_MINUTE = 17 * 60;
const LONG_SECTORS = DEMO_SECTORS.filter((s) => Math.max(...s.durations) > 5);
const SHORT_SECTORS = DEMO_SECTORS.filter((s) => Math.max(...s.durations) <= 5);

function at(day: Day, minuteOfDay: number): Date {
  return new Date(startOfDayInstant(day).getTime() + minuteOfDay * MINUTE);
}

/** A window of days with an exact count of dossiers per channel. */
interface Window {
  from: Day;
  to: Day;
  target: ReceptionTarget | null;
  counts: Record<'online' | 'direct' | 'postal', number>;
  strict: boolean;
  allResolvedBy: Day | null;
  noLate: boolean;
}

/**
 * Generates the demo dossiers of the nine Phú Thọ communes from 01/07/2025 to `now`.
 * Published windows get exactly the published counts; everything else follows each
 * commune's usual volume, channel shares and punctuality. Deterministic for a given `now`.
 */
export function generateDemoDossiers(ctx: DemoDossierContext): DossierRecord[] {
  const today = dayOf(ctx.now);
  const days = receptionDays(ctx.calendar, NEW_MODEL_START, today);
  const daily = new Map<string, number[]>();
  for (const c of DEMO_COMMUNES) daily.set(c.code, days.map((d) => dailyVolume(c, d)));
  const windows = new Map<string, Window[]>();
  for (const t of RECEPTION_TARGETS) addReceptionWindow(windows, daily, days, t);
  addGroup7Windows(windows, daily, days);

  const out: DossierRecord[] = [];
  for (const c of DEMO_COMMUNES) {
    const communeId = ctx.communeIds.get(c.code);
    if (communeId === undefined) continue;
    const counts = daily.get(c.code)!;
    const channels = windowChannels(c, windows.get(c.code) ?? [], days, counts);
    days.forEach((day, i) => {
      for (let n = 0; n < counts[i]!; n++) {
        const win = (windows.get(c.code) ?? []).find((w) => day >= w.from && day <= w.to) ?? null;
        const channel = channels.get(`${day}:${n}`) ?? randomChannel(c, day, n);
        const d = makeDossier(ctx, c, communeId, day, n, channel, win);
        if (d) out.push(d);
      }
    });
  }
  return out;
}

/** Working days on which dossiers are received, from `from` to `to`. */
function receptionDays(cal: WorkingCalendar, from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d++) if (cal.isWorkingDay(d)) out.push(d);
  return out;
}

function dailyVolume(c: DemoCommune, day: Day): number {
  const r = Rng.of('volume', c.code, day);
  // Mondays are busier; volume grows slowly as the new centres settle in.
  const monday = ymdWeekday(day) === 1 ? 1.2 : 1;
  const growth = 1 + Math.min(0.15, Math.max(0, day - NEW_MODEL_START) / 3650);
  return Math.max(1, Math.round(c.volume.perDay * monday * growth * (0.7 + 0.6 * r.next())));
}

function ymdWeekday(day: Day): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

function indexRange(days: Day[], from: Day, to: Day): [number, number] {
  const a = days.findIndex((d) => d >= from);
  let b = -1;
  for (let i = days.length - 1; i >= 0; i--) if (days[i]! <= to) { b = i; break; }
  return [a, b];
}

function addReceptionWindow(windows: Map<string, Window[]>, daily: Map<string, number[]>, days: Day[], t: ReceptionTarget): void {
  const from = dayFromIso(t.from);
  const to = dayFromIso(t.to);
  const [a, b] = indexRange(days, from, to);
  // Published counts describe finished windows; a dataset made for an earlier moment
  // (a window still running) simply follows the commune's usual volume.
  if (a < 0 || b < a || to >= days[days.length - 1]!) return;
  const counts = daily.get(t.communeCode)!;
  const weights = days.slice(a, b + 1).map((d) => 0.7 + 0.6 * Rng.of('weight', t.communeCode, d).next());
  apportion(t.received, weights).forEach((n, k) => (counts[a + k] = n));
  const commune = DEMO_COMMUNES.find((c) => c.code === t.communeCode)!;
  const online = t.online ?? Math.round(t.received * commune.volume.online[0]);
  const postal = t.postal ?? 0;
  const direct = t.direct ?? t.received - online - postal;
  const list = windows.get(t.communeCode) ?? [];
  list.push({
    from,
    to,
    target: t,
    counts: { online, direct, postal },
    strict: true,
    allResolvedBy: t.allResolvedInWindow ? to : null,
    noLate: Boolean(t.noneOverdue || t.allResolvedInWindow),
  });
  windows.set(t.communeCode, list);
}

/**
 * Working group 7: choose each commune's online count over the window so that the mean of
 * the six online rates, and the pooled rate, both show as the published 95,86 %.
 */
function addGroup7Windows(windows: Map<string, Window[]>, daily: Map<string, number[]>, days: Day[]): void {
  const g = GROUP_7_TARGET;
  const from = dayFromIso(g.from);
  const to = dayFromIso(g.to);
  const [a, b] = indexRange(days, from, to);
  if (a < 0 || b < a || to >= days[days.length - 1]!) return;
  const totals = g.communeCodes.map((code) => daily.get(code)!.slice(a, b + 1).reduce((s, n) => s + n, 0));
  // Remove the part of the spread that follows commune size, so the pooled rate (weighted
  // by size) lands on the mean of the rates as well.
  const mean = totals.reduce((s, n) => s + n, 0) / totals.length;
  const dev = totals.map((n) => n - mean);
  const beta = dev.reduce((s, d, i) => s + d * g.onlineSpread[i]!, 0) / (dev.reduce((s, d) => s + d * d, 0) || 1);
  const spread = g.onlineSpread.map((x, i) => x - beta * dev[i]!);
  const base = totals.map((n, i) => Math.round((n * (g.onlineRateMean + spread[i]!)) / 100));
  const online = solveOnlineCounts(totals, base, g.onlineRateMean);
  g.communeCodes.forEach((code, i) => {
    const commune = DEMO_COMMUNES.find((c) => c.code === code)!;
    const postal = Math.round((totals[i]! - online[i]!) * Math.min(0.5, commune.volume.postal * 20));
    const list = windows.get(code) ?? [];
    list.push({
      from,
      to,
      target: null,
      counts: { online: online[i]!, direct: totals[i]! - online[i]! - postal, postal },
      strict: false,
      allResolvedBy: null,
      noLate: false,
    });
    windows.set(code, list);
  });
}

/** Small adjustments to `base` until the mean and pooled rates round to `targetPct`. */
export function solveOnlineCounts(totals: number[], base: number[], targetPct: number): number[] {
  const ok = (online: number[]) => {
    const mean = online.reduce((s, x, i) => s + x / totals[i]!, 0) / totals.length;
    const pooled = online.reduce((s, x) => s + x, 0) / totals.reduce((s, x) => s + x, 0);
    return Math.abs(mean * 100 - targetPct) < 0.004 && Math.abs(pooled * 100 - targetPct) < 0.004;
  };
  const steps = [0, -1, 1, -2, 2, -3, 3];
  const n = base.length;
  let best: number[] | null = null;
  let bestCost = Infinity;
  const current = new Array<number>(n).fill(0);
  const walk = (i: number, cost: number) => {
    if (cost >= bestCost) return;
    if (i === n) {
      const online = base.map((x, k) => x + current[k]!);
      if (ok(online)) {
        best = online;
        bestCost = cost;
      }
      return;
    }
    for (const s of steps) {
      current[i] = s;
      walk(i + 1, cost + Math.abs(s));
    }
  };
  walk(0, 0);
  if (!best) throw new Error('demo generator: no online counts match the published group-7 rate');
  return best;
}

/** Exact channel assignments inside windows, keyed by `${day}:${index}`. */
function windowChannels(c: DemoCommune, wins: Window[], days: Day[], counts: number[]): Map<string, ChannelCode> {
  const out = new Map<string, ChannelCode>();
  for (const w of wins) {
    const slots: string[] = [];
    days.forEach((d, i) => {
      if (d >= w.from && d <= w.to) for (let n = 0; n < counts[i]!; n++) slots.push(`${d}:${n}`);
    });
    const list: ChannelCode[] = [
      ...new Array<ChannelCode>(w.counts.online).fill(Channel.online),
      ...new Array<ChannelCode>(w.counts.direct).fill(Channel.direct),
      ...new Array<ChannelCode>(w.counts.postal).fill(Channel.postal),
    ];
    Rng.of('channels', c.code, w.from).shuffle(list);
    slots.forEach((s, k) => out.set(s, list[k] ?? Channel.direct));
  }
  return out;
}

function randomChannel(c: DemoCommune, day: Day, n: number): ChannelCode {
  const r = Rng.of('channel', c.code, day, n);
  const progress = Math.min(1, Math.max(0, (day - NEW_MODEL_START) / 365));
  const online = c.volume.online[0] + (c.volume.online[1] - c.volume.online[0]) * progress;
  const x = r.next();
  if (x < online) return Channel.online;
  return x < online + c.volume.postal ? Channel.postal : Channel.direct;
}

/** The dossier code format of the one-stop systems: <agency>-YYMMDD-NNNN. */
function dossierCode(communeCode: string, day: Day, n: number): string {
  const { year, month, day: dd } = ymdOf(day);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(dd).padStart(2, '0')}`;
  return `H44.${communeCode}-${yymmdd}-${String(n + 1).padStart(4, '0')}`;
}

function makeDossier(
  ctx: DemoDossierContext,
  c: DemoCommune,
  communeId: number,
  day: Day,
  n: number,
  channel: ChannelCode,
  win: Window | null,
): DossierRecord | null {
  const cal = ctx.calendar;
  const r = Rng.of('dossier', c.code, day, n);
  const receivedAt = at(day, r.int(OPEN_MINUTE, CLOSE_MINUTE - 30));
  if (receivedAt.getTime() >= ctx.now.getTime()) return null;

  const strictShort = win?.allResolvedBy != null;
  const sector: DemoSector = r.weighted(strictShort ? SHORT_SECTORS : DEMO_SECTORS, (s) => s.weight);
  const duration = r.pick(sector.durations);
  const dueDay = cal.addWorkingDays(day, duration);
  const dueAt = at(dueDay, DUE_MINUTE);

  const strict = win?.strict ?? false;
  const refused = !strict && r.chance(0.004);
  const withdrawn = !strict && !refused && r.chance(0.003);
  // Inside published windows a supplement must not push results past the due date.
  const supplement = !win && duration >= 3 && r.chance(0.04);
  const supplementDays = supplement ? r.int(2, 6) : 0;
  const lateChance = win?.noLate ? 0 : c.volume.lateRate + (win ? 0 : sector.extraLate);
  const late = !refused && !withdrawn && !supplement && r.chance(lateChance);

  let closedDay: Day;
  if (refused) closedDay = cal.addWorkingDays(day, r.int(0, 2));
  else if (withdrawn) closedDay = cal.addWorkingDays(day, r.int(1, 5));
  else if (late) closedDay = cal.addWorkingDays(dueDay, 1 + Math.floor(r.next() ** 2 * (LONG_SECTORS.includes(sector) ? 25 : 5)));
  else {
    const limit = win?.allResolvedBy != null ? Math.min(dueDay, win.allResolvedBy) : dueDay;
    const span = cal.workingDaysBetween(day, limit);
    closedDay = cal.addWorkingDays(day, Math.floor(r.next() ** 2 * (span + 1)));
    // Waiting for the citizen's supplement pushes the result back (past the due date at times:
    // late by the provincial rule, in time by the 766 rule which deducts the wait).
    if (supplement) closedDay = cal.nextWorkingDay(closedDay + supplementDays);
  }
  const closedMinute = closedDay === day ? Math.min(CLOSE_MINUTE + 10, minuteOf(receivedAt) + r.int(20, 150)) : r.int(OPEN_MINUTE, CLOSE_MINUTE);
  const closedAt = at(closedDay, closedMinute);
  const isClosed = closedAt.getTime() <= ctx.now.getTime();

  let status: StatusCode;
  let processedAt: Date | null = null;
  let returnedAt: Date | null = null;
  let supplementCount = supplement ? 1 : 0;
  let waited = supplementDays;
  if (isClosed) {
    if (refused || withdrawn) {
      status = refused ? Status.refused : Status.withdrawn;
      returnedAt = closedAt;
    } else {
      processedAt = closedAt;
      // Results received online are returned at once; paper results when the citizen comes.
      const handBack = channel === Channel.online ? closedAt : at(cal.addWorkingDays(closedDay, r.int(0, 1)), r.int(OPEN_MINUTE, CLOSE_MINUTE));
      if (handBack.getTime() <= ctx.now.getTime()) {
        returnedAt = handBack.getTime() < closedAt.getTime() ? closedAt : handBack;
        status = Status.returned;
      } else status = Status.processed;
    }
  } else {
    const today = dayOf(ctx.now);
    const supplementStart = cal.addWorkingDays(day, 1);
    if (supplement && today >= supplementStart && today < supplementStart + supplementDays) {
      status = Status.supplementRequested;
      waited = today - supplementStart;
    } else if (sector.code === 'DD' && r.chance(0.1)) status = Status.financialObligation;
    else status = day === today ? Status.received : Status.processing;
    if (supplement && today < supplementStart) {
      supplementCount = 0;
      waited = 0;
    }
  }

  return {
    code: dossierCode(c.code, day, n),
    communeId,
    sectorId: ctx.sectorIds.get(sector.code) ?? null,
    channel,
    receivedAt,
    dueAt,
    processedAt,
    returnedAt,
    status,
    supplementCount,
    supplementDays: waited,
  };
}

function minuteOf(d: Date): number {
  return Math.floor((d.getTime() - startOfDayInstant(dayOf(d)).getTime()) / MINUTE);
}
