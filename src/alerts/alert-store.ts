/**
 * The alerts' tables (019_alerts.sql) behind plain functions: schedules, policies, alerts,
 * acknowledgements, silences, the notification log and the digest slots handled. Raw SQL:
 * the scheduler reads these for every registered chat at each slot.
 */
import { toDate, toDateOrNull, toNumber, type SqlExecutor } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';
import { decodeThresholds, DEFAULT_THRESHOLDS, encodeThresholds, type Level, type Thresholds } from './policy.js';
import type { Schedule } from './schedule.js';

const bool = (v: unknown) => v === true || toNumber(v) === 1;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

// ---- schedules -------------------------------------------------------------------------

/** Every stored schedule, by platform-qualified chat. */
export async function storedSchedules(store: Store): Promise<Map<string, Schedule>> {
  const rows = await store.sql.all('SELECT chat, times, weekday, enabled, all_clear FROM alert_schedule');
  return new Map(rows.map((r) => [String(r.chat), toSchedule(r)]));
}

/** One chat's stored schedule, or null when it has its role's default. */
export async function storedSchedule(store: Store, chat: string): Promise<Schedule | null> {
  const r = await store.sql.get('SELECT chat, times, weekday, enabled, all_clear FROM alert_schedule WHERE chat = ?', [chat]);
  return r ? toSchedule(r) : null;
}

function toSchedule(r: Record<string, unknown>): Schedule {
  return {
    times: String(r.times).split(',').filter(Boolean),
    weekday: r.weekday === null ? null : toNumber(r.weekday),
    enabled: bool(r.enabled),
    allClear: bool(r.all_clear),
    custom: true,
  };
}

export async function saveSchedule(store: Store, chat: string, s: Schedule, by: string, now: Date): Promise<void> {
  const params = [s.times.join(','), s.weekday, s.enabled, s.allClear, by, now, chat];
  const n = await store.sql.run('UPDATE alert_schedule SET times = ?, weekday = ?, enabled = ?, all_clear = ?, updated_by = ?, updated_at = ? WHERE chat = ?', params);
  if (n === 0) {
    await store.sql.run('INSERT INTO alert_schedule (times, weekday, enabled, all_clear, updated_by, updated_at, chat) VALUES (?, ?, ?, ?, ?, ?, ?)', params);
  }
}

// ---- policies --------------------------------------------------------------------------

/** The province's escalation thresholds (the defaults when none was set). */
export async function provincePolicy(store: Store, provinceId: number): Promise<{ thresholds: Thresholds; custom: boolean }> {
  const r = await store.sql.get('SELECT thresholds FROM alert_policy WHERE province_id = ?', [provinceId]);
  return r ? { thresholds: decodeThresholds(str(r.thresholds)), custom: true } : { thresholds: DEFAULT_THRESHOLDS, custom: false };
}

export async function savePolicy(store: Store, provinceId: number, t: Thresholds, by: string, now: Date): Promise<void> {
  const params = [encodeThresholds(t), by, now, provinceId];
  const n = await store.sql.run('UPDATE alert_policy SET thresholds = ?, updated_by = ?, updated_at = ? WHERE province_id = ?', params);
  if (n === 0) await store.sql.run('INSERT INTO alert_policy (thresholds, updated_by, updated_at, province_id) VALUES (?, ?, ?, ?)', params);
}

// ---- alerts ----------------------------------------------------------------------------

/** An overdue dossier the alerts follow. */
export interface AlertRow {
  id: number;
  code: string;
  provinceId: number;
  communeId: number;
  sectorId: number | null;
  dueAt: Date;
  /** The policy it fired under. */
  thresholds: Thresholds;
  level: Level;
  state: 'open' | 'resolved' | 'cleared';
  firedAt: Date;
  levelAt: Date;
  resolvedAt: Date | null;
}

const ALERT_COLUMNS = 'id, code, province_id, commune_id, sector_id, due_at, policy, level, state, fired_at, level_at, resolved_at';

function toAlert(r: Record<string, unknown>): AlertRow {
  return {
    id: toNumber(r.id),
    code: String(r.code),
    provinceId: toNumber(r.province_id),
    communeId: toNumber(r.commune_id),
    sectorId: r.sector_id === null ? null : toNumber(r.sector_id),
    dueAt: toDate(r.due_at),
    thresholds: decodeThresholds(str(r.policy)),
    level: toNumber(r.level) as Level,
    state: String(r.state) as AlertRow['state'],
    firedAt: toDate(r.fired_at),
    levelAt: toDate(r.level_at),
    resolvedAt: toDateOrNull(r.resolved_at),
  };
}

/** Open alerts of a province, and those resolved or cleared since `since`. */
export async function provinceAlerts(store: Store, provinceId: number, since: Date): Promise<AlertRow[]> {
  const rows = await store.sql.all(
    `SELECT ${ALERT_COLUMNS} FROM overdue_alert WHERE province_id = ? AND (state = 'open' OR resolved_at >= ?) ORDER BY due_at, code`,
    [provinceId, since],
  );
  return rows.map(toAlert);
}

/** The alert of a dossier code, whatever its state. */
export async function alertByCode(store: Store, code: string): Promise<AlertRow | null> {
  const r = await store.sql.get(`SELECT ${ALERT_COLUMNS} FROM overdue_alert WHERE code = ?`, [code]);
  return r ? toAlert(r) : null;
}

/** A dossier became overdue (again): the alert opens under the current policy. */
export async function openAlert(
  tx: SqlExecutor,
  a: { code: string; provinceId: number; communeId: number; sectorId: number | null; dueAt: Date; thresholds: Thresholds; level: Level },
  now: Date,
): Promise<void> {
  const params = [a.provinceId, a.communeId, a.sectorId, a.dueAt, encodeThresholds(a.thresholds), a.level, now, now, a.code];
  const n = await tx.run(
    "UPDATE overdue_alert SET province_id = ?, commune_id = ?, sector_id = ?, due_at = ?, policy = ?, level = ?, state = 'open', fired_at = ?, level_at = ?, resolved_at = NULL WHERE code = ?",
    params,
  );
  if (n === 0) {
    await tx.run(
      "INSERT INTO overdue_alert (province_id, commune_id, sector_id, due_at, policy, level, state, fired_at, level_at, resolved_at, code) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, NULL, ?)",
      params,
    );
  }
}

export async function raiseLevel(tx: SqlExecutor, id: number, level: Level, dueAt: Date, now: Date): Promise<void> {
  await tx.run('UPDATE overdue_alert SET level = ?, level_at = ?, due_at = ? WHERE id = ?', [level, now, dueAt, id]);
}

export async function closeAlert(tx: SqlExecutor, id: number, state: 'resolved' | 'cleared', now: Date): Promise<void> {
  await tx.run('UPDATE overdue_alert SET state = ?, resolved_at = ? WHERE id = ?', [state, now, id]);
}

// ---- acknowledgements ------------------------------------------------------------------

/** An acknowledgement (đã nhận xử lý) of a dossier, until a day (inclusive, ISO). */
export interface AckRow {
  id: number;
  code: string;
  actor: string;
  actorName: string | null;
  chat: string;
  untilDay: string;
  createdAt: Date;
  expiryNotedAt: Date | null;
}

function toAck(r: Record<string, unknown>): AckRow {
  return {
    id: toNumber(r.id),
    code: String(r.code),
    actor: String(r.actor),
    actorName: str(r.actor_name),
    chat: String(r.chat),
    untilDay: String(r.until_day),
    createdAt: toDate(r.created_at),
    expiryNotedAt: toDateOrNull(r.expiry_noted_at),
  };
}

export async function addAck(store: Store, a: Omit<AckRow, 'id' | 'expiryNotedAt'>): Promise<void> {
  await store.sql.run('INSERT INTO alert_ack (code, actor, actor_name, chat, until_day, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    a.code,
    a.actor,
    a.actorName,
    a.chat,
    a.untilDay,
    a.createdAt,
  ]);
}

/** The latest acknowledgement of each dossier acknowledged since `sinceIsoDay` (ended or not). */
export async function latestAcks(store: Store, sinceIsoDay: string): Promise<Map<string, AckRow>> {
  const rows = await store.sql.all('SELECT id, code, actor, actor_name, chat, until_day, created_at, expiry_noted_at FROM alert_ack WHERE until_day >= ? ORDER BY id', [sinceIsoDay]);
  const out = new Map<string, AckRow>();
  for (const r of rows) out.set(String(r.code), toAck(r));
  return out;
}

// ---- silences --------------------------------------------------------------------------

export type SilenceKind = 'dossier' | 'commune' | 'sector';

/** A silence (tạm dừng cảnh báo): author, reason and end are required. */
export interface SilenceRow {
  id: number;
  provinceId: number | null;
  kind: SilenceKind;
  /** Commune or sector id. */
  targetId: number | null;
  /** Dossier code. */
  targetCode: string | null;
  label: string;
  reason: string;
  endsAt: Date;
  createdBy: string;
  chat: string;
  createdAt: Date;
}

export async function addSilence(tx: SqlExecutor, s: Omit<SilenceRow, 'id'>): Promise<number> {
  await tx.run(
    'INSERT INTO alert_silence (province_id, kind, target_id, target_code, label, reason, ends_at, created_by, chat, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [s.provinceId, s.kind, s.targetId, s.targetCode, s.label, s.reason, s.endsAt, s.createdBy, s.chat, s.createdAt],
  );
  const r = await tx.get('SELECT MAX(id) AS id FROM alert_silence WHERE created_by = ? AND chat = ?', [s.createdBy, s.chat]);
  return toNumber(r?.id);
}

/** Silences in force at `now`, oldest first. */
export async function activeSilences(store: Store, now: Date): Promise<SilenceRow[]> {
  const rows = await store.sql.all(
    'SELECT id, province_id, kind, target_id, target_code, label, reason, ends_at, created_by, chat, created_at FROM alert_silence WHERE ended_at IS NULL AND ends_at > ? ORDER BY id',
    [now],
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    provinceId: r.province_id === null ? null : toNumber(r.province_id),
    kind: String(r.kind) as SilenceKind,
    targetId: r.target_id === null ? null : toNumber(r.target_id),
    targetCode: str(r.target_code),
    label: String(r.label),
    reason: String(r.reason),
    endsAt: toDate(r.ends_at),
    createdBy: String(r.created_by),
    chat: String(r.chat),
    createdAt: toDate(r.created_at),
  }));
}

/** Ends a silence early; false when it was not in force. */
export async function endSilence(tx: SqlExecutor, id: number, by: string, now: Date): Promise<boolean> {
  return (await tx.run('UPDATE alert_silence SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL AND ends_at > ?', [now, by, id, now])) === 1;
}

// ---- notification log ------------------------------------------------------------------

/** A notification state: first overdue, a level reached, an acknowledgement expired, resolved. */
export type NotifiedState = 'overdue' | `level:${number}` | 'ack_expired' | 'resolved';

/** When each (alert, chat, state) was last announced, for the given alerts. */
export async function notificationLog(store: Store, alertIds: readonly number[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  // Chunked: PostgreSQL and SQLite both cap bound parameters.
  for (let i = 0; i < alertIds.length; i += 5_000) {
    const ids = alertIds.slice(i, i + 5_000);
    const rows = await store.sql.all(`SELECT alert_id, chat, state, MAX(at) AS at FROM alert_notification WHERE alert_id IN (${ids.join(',')}) GROUP BY alert_id, chat, state`);
    for (const r of rows) out.set(logKey(toNumber(r.alert_id), String(r.chat), String(r.state)), toDate(r.at));
  }
  return out;
}

export function logKey(alertId: number, chat: string, state: string): string {
  return `${alertId}|${chat}|${state}`;
}

export async function recordNotifications(tx: SqlExecutor, entries: readonly { alertId: number; chat: string; state: NotifiedState }[], now: Date): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    const chunk = entries.slice(i, i + 200);
    await tx.run(
      `INSERT INTO alert_notification (alert_id, chat, state, at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
      chunk.flatMap((e) => [e.alertId, e.chat, e.state, now]),
    );
  }
}

// ---- digest slots ----------------------------------------------------------------------

/** Slots of a day handled so far ("chat|slot"), whatever became of them. */
export async function handledSlots(store: Store, isoDay: string): Promise<Set<string>> {
  const rows = await store.sql.all('SELECT chat, slot FROM digest_run WHERE slot >= ? AND slot < ?', [`${isoDay}T`, `${isoDay}U`]);
  return new Set(rows.map((r) => `${String(r.chat)}|${String(r.slot)}`));
}

/** Records a slot as handled; false when it already was (another scheduler, a restart). */
export async function claimSlot(tx: SqlExecutor, chat: string, slot: string, status: 'sent' | 'empty' | 'skipped' | 'dry_run', now: Date): Promise<boolean> {
  return (await tx.run('INSERT INTO digest_run (chat, slot, status, at) VALUES (?, ?, ?, ?) ON CONFLICT (chat, slot) DO NOTHING', [chat, slot, status, now])) === 1;
}

/** When the chat's last digest went out (sent or dry run), or null. */
export async function lastDigestAt(store: Store, chat: string): Promise<Date | null> {
  const r = await store.sql.get("SELECT MAX(at) AS at FROM digest_run WHERE chat = ? AND status IN ('sent', 'dry_run')", [chat]);
  return toDateOrNull(r?.at);
}
