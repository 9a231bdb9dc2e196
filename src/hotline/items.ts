import { toDate, toDateOrNull, toNumber, type SqlExecutor } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';
import type { Platform } from '../core/request.js';

/**
 * A recommendation's life: unrouted (waits for the sender to pick the department), open
 * (with a department, its deadline running), asked (the department asked back; the
 * deadline waits), answered, closed. A reopened item is open again.
 */
export type RecommendationStatus = 'unrouted' | 'open' | 'asked' | 'answered' | 'closed';

/** Statuses of items nobody has answered yet (what /xa counts). */
export const UNANSWERED: readonly RecommendationStatus[] = ['unrouted', 'open', 'asked'];

/** Statuses of items still with a department or the commune. */
export const ACTIVE: readonly RecommendationStatus[] = ['unrouted', 'open', 'asked', 'answered'];

export interface RecommendationItem {
  id: number;
  code: string;
  provinceId: number;
  content: string;
  raisedAt: Date;
  dueAt: Date | null;
  status: RecommendationStatus;
  answer: string | null;
  answeredAt: Date | null;
  field: string | null;
  /** The chat it was raised in, where answers go; null for items that came from a report. */
  chat: { platform: Platform; chatId: string; isGroup: boolean } | null;
  senderId: string | null;
  senderName: string | null;
  pausedAt: Date | null;
  closedAt: Date | null;
  source: string;
  communeIds: number[];
  /** The department answering it now (the lead), null while unrouted. */
  departmentId: number | null;
  /** Every department named on it, the lead first. */
  departmentIds: number[];
}

export type EventKind = 'raised' | 'routed' | 'moved' | 'answered' | 'asked' | 'replied' | 'closed' | 'reopened';

export interface RecommendationEvent {
  id: number;
  at: Date;
  kind: EventKind;
  actor: string | null;
  actorName: string | null;
  departmentId: number | null;
  text: string | null;
}

const COLUMNS =
  'r.id, r.code, r.province_id, r.content, r.raised_at, r.due_at, r.status, r.answer, r.answered_at, r.field, r.chat_platform, r.chat_id, r.chat_is_group, r.sender_id, r.sender_name, r.paused_at, r.closed_at, r.source';

type Row = Record<string, unknown>;

async function hydrate(db: SqlExecutor, rows: Row[]): Promise<RecommendationItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => toNumber(r.id));
  const marks = ids.map(() => '?').join(', ');
  const communes = await db.all<{ recommendation_id: unknown; commune_id: unknown }>(`SELECT recommendation_id, commune_id FROM recommendation_commune WHERE recommendation_id IN (${marks})`, ids);
  const departments = await db.all<{ recommendation_id: unknown; department_id: unknown; lead: unknown }>(
    `SELECT recommendation_id, department_id, lead FROM recommendation_department WHERE recommendation_id IN (${marks})`,
    ids,
  );
  return rows.map((r) => {
    const id = toNumber(r.id);
    const deps = departments.filter((d) => toNumber(d.recommendation_id) === id);
    const isLead = (d: { lead: unknown }) => d.lead === true || toNumber(d.lead) === 1;
    const lead = deps.find(isLead);
    const platform = r.chat_platform === null || r.chat_platform === undefined ? null : String(r.chat_platform);
    return {
      id,
      code: String(r.code),
      provinceId: toNumber(r.province_id),
      content: String(r.content),
      raisedAt: toDate(r.raised_at),
      dueAt: toDateOrNull(r.due_at),
      status: String(r.status) as RecommendationStatus,
      answer: r.answer === null ? null : String(r.answer),
      answeredAt: toDateOrNull(r.answered_at),
      field: r.field === null || r.field === undefined ? null : String(r.field),
      chat: platform && r.chat_id ? { platform: platform as Platform, chatId: String(r.chat_id), isGroup: r.chat_is_group === true || toNumber(r.chat_is_group) === 1 } : null,
      senderId: r.sender_id === null || r.sender_id === undefined ? null : String(r.sender_id),
      senderName: r.sender_name === null || r.sender_name === undefined ? null : String(r.sender_name),
      pausedAt: toDateOrNull(r.paused_at),
      closedAt: toDateOrNull(r.closed_at),
      source: String(r.source),
      communeIds: communes.filter((c) => toNumber(c.recommendation_id) === id).map((c) => toNumber(c.commune_id)),
      departmentId: lead ? toNumber(lead.department_id) : null,
      departmentIds: [...deps.filter(isLead), ...deps.filter((d) => !isLead(d))].map((d) => toNumber(d.department_id)),
    };
  });
}

/** One item by its code ("KN-0042"), or null. */
export async function itemByCode(db: SqlExecutor, code: string): Promise<RecommendationItem | null> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM recommendation r WHERE r.code = ?`, [code]);
  return row ? ((await hydrate(db, [row]))[0] ?? null) : null;
}

/** The item a message raised, if it did ("<platform>:<chat>:<message id>"). */
export async function itemBySourceMessage(db: SqlExecutor, key: string): Promise<RecommendationItem | null> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM recommendation r WHERE r.source_message = ?`, [key]);
  return row ? ((await hydrate(db, [row]))[0] ?? null) : null;
}

/** What a list of items is drawn from: a province, communes, a department (null = any). */
export interface ItemFilter {
  provinceId?: number | null;
  communeIds?: readonly number[] | null;
  /** Items this department leads. */
  departmentId?: number | null;
  statuses?: readonly RecommendationStatus[];
}

/** Items matching a filter, oldest first. */
export async function itemsWhere(store: Store, f: ItemFilter): Promise<RecommendationItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.provinceId !== undefined && f.provinceId !== null) {
    where.push('r.province_id = ?');
    params.push(f.provinceId);
  }
  if (f.communeIds) {
    if (f.communeIds.length === 0) return [];
    where.push(`r.id IN (SELECT recommendation_id FROM recommendation_commune WHERE commune_id IN (${f.communeIds.map(() => '?').join(', ')}))`);
    params.push(...f.communeIds);
  }
  if (f.departmentId !== undefined && f.departmentId !== null) {
    where.push('r.id IN (SELECT recommendation_id FROM recommendation_department WHERE department_id = ? AND lead = ?)');
    params.push(f.departmentId, true);
  }
  if (f.statuses) {
    where.push(`r.status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.push(...f.statuses);
  }
  const rows = await store.sql.all<Row>(`SELECT ${COLUMNS} FROM recommendation r${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.raised_at, r.id`, params);
  return hydrate(store.sql, rows);
}

/** An item's history, oldest first. */
export async function eventsOf(db: SqlExecutor, recommendationId: number): Promise<RecommendationEvent[]> {
  const rows = await db.all<Row>('SELECT id, at, kind, actor, actor_name, department_id, text FROM recommendation_event WHERE recommendation_id = ? ORDER BY at, id', [recommendationId]);
  return rows.map((r) => ({
    id: toNumber(r.id),
    at: toDate(r.at),
    kind: String(r.kind) as EventKind,
    actor: r.actor === null ? null : String(r.actor),
    actorName: r.actor_name === null ? null : String(r.actor_name),
    departmentId: r.department_id === null ? null : toNumber(r.department_id),
    text: r.text === null ? null : String(r.text),
  }));
}

/** Appends one step to an item's history; returns its id (notices about it are keyed by it). */
export async function addEvent(
  tx: SqlExecutor,
  recommendationId: number,
  e: { at: Date; kind: EventKind; actor?: string | null; actorName?: string | null; departmentId?: number | null; text?: string | null },
): Promise<number> {
  const row = await tx.get<{ id: unknown }>(
    'INSERT INTO recommendation_event (recommendation_id, at, kind, actor, actor_name, department_id, text) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [recommendationId, e.at, e.kind, e.actor ?? null, e.actorName ?? null, e.departmentId ?? null, e.text ?? null],
  );
  return toNumber(row!.id);
}

/** Makes `departmentId` the item's lead department (others named on it stay, not leading). */
export async function setLeadDepartment(tx: SqlExecutor, recommendationId: number, departmentId: number): Promise<void> {
  await tx.run('UPDATE recommendation_department SET lead = ? WHERE recommendation_id = ?', [false, recommendationId]);
  await tx.run(
    'INSERT INTO recommendation_department (recommendation_id, department_id, lead) VALUES (?, ?, ?) ON CONFLICT (recommendation_id, department_id) DO UPDATE SET lead = excluded.lead',
    [recommendationId, departmentId, true],
  );
}
