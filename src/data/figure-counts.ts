import type { Contribution } from '../domain/dossier.js';
import { startOfMonthDay, type Day } from '../time/day.js';

/**
 * The counter columns of figure_day and figure_month, in one fixed order. Received counts
 * are keyed by the received day, every other count by the closed day.
 */
export const COUNT_COLUMNS = [
  'received_online',
  'received_direct',
  'received_postal',
  'closed_online',
  'closed_direct',
  'closed_postal',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'resolved_in_time_766',
  'refused',
  'withdrawn',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

const COL = Object.fromEntries(COUNT_COLUMNS.map((c, i) => [c, i])) as Record<CountColumn, number>;
const RECEIVED_COL = [-1, COL.received_direct, COL.received_online, COL.received_postal];
const CLOSED_COL = [-1, COL.closed_direct, COL.closed_online, COL.closed_postal];
const OUTCOME_COL = {
  early: COL.resolved_early,
  on_time: COL.resolved_on_time,
  late: COL.resolved_late,
  refused: COL.refused,
  withdrawn: COL.withdrawn,
} as const;

/** Days are below 100,000 until the year 2243, so commune and day pack into one number key. */
const KEY_BASE = 100_000;

/**
 * startOfMonthDay, remembered: bulk writes ask for it several times per dossier, and it
 * builds Dates each time. Days span a few thousand distinct values, so the memo stays small.
 */
const monthStarts = new Map<Day, Day>();
function monthStartOf(day: Day): Day {
  let m = monthStarts.get(day);
  if (m === undefined) {
    m = startOfMonthDay(day);
    if (monthStarts.size > 100_000) monthStarts.clear();
    monthStarts.set(day, m);
  }
  return m;
}

/** One row of counter changes for (commune, day). */
export interface CountDelta {
  communeId: number;
  day: Day;
  values: number[];
}

/**
 * Accumulates the counter changes of a batch of dossier writes, for the day table and the
 * month roll-up together, so that both stay exact after every write.
 */
export class FigureDeltas {
  private readonly days = new Map<number, number[]>();
  private readonly months = new Map<number, number[]>();

  /** Adds (sign = 1) or removes (sign = -1) one dossier's contribution. */
  add(c: Contribution, sign: 1 | -1): void {
    this.bump(c.communeId, c.receivedDay, RECEIVED_COL[c.channel]!, sign);
    if (c.closedDay !== null && c.outcome !== null) {
      this.bump(c.communeId, c.closedDay, CLOSED_COL[c.channel]!, sign);
      this.bump(c.communeId, c.closedDay, OUTCOME_COL[c.outcome], sign);
      if (c.inTime766) this.bump(c.communeId, c.closedDay, COL.resolved_in_time_766, sign);
    }
  }

  private bump(communeId: number, day: Day, col: number, sign: number): void {
    inc(this.days, communeId * KEY_BASE + day, col, sign);
    inc(this.months, communeId * KEY_BASE + monthStartOf(day), col, sign);
  }

  get isEmpty(): boolean {
    return this.days.size === 0;
  }

  /** Non-zero changes per (commune, day). */
  dayRows(): CountDelta[] {
    return rows(this.days);
  }

  /** Non-zero changes per (commune, first day of month). */
  monthRows(): CountDelta[] {
    return rows(this.months);
  }
}

function inc(map: Map<number, number[]>, key: number, col: number, sign: number): void {
  let v = map.get(key);
  if (!v) {
    v = new Array<number>(COUNT_COLUMNS.length).fill(0);
    map.set(key, v);
  }
  v[col]! += sign;
}

function rows(map: Map<number, number[]>): CountDelta[] {
  const out: CountDelta[] = [];
  for (const [key, values] of map) {
    if (values.every((x) => x === 0)) continue;
    out.push({ communeId: Math.floor(key / KEY_BASE), day: key % KEY_BASE, values });
  }
  return out;
}

/** `INSERT … ON CONFLICT DO UPDATE` adding one delta row; valid SQL on SQLite and PostgreSQL. */
export function upsertDeltaSql(table: 'figure_day' | 'figure_month', valuesSql: string): string {
  const cols = COUNT_COLUMNS.join(', ');
  const set = COUNT_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  return `INSERT INTO ${table} (commune_id, day, ${cols}) ${valuesSql} ON CONFLICT (commune_id, day) DO UPDATE SET ${set}`;
}

/** The meta key that changes with every write to the figure tables (caches of figures key on it). */
export const FIGURES_VERSION_KEY = 'figures_version';

/** Marks the figure tables as changed, inside the writing transaction (valid on both dialects). */
export const BUMP_FIGURES_VERSION_SQL = `INSERT INTO meta (key, value) VALUES ('${FIGURES_VERSION_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

/** A fresh, unique figures version. */
export function newFiguresVersion(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
