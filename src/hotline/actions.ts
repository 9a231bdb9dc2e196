import { audit } from '../access/audit.js';
import type { AppContext } from '../core/context.js';
import type { CommandRequest, Platform } from '../core/request.js';
import type { DepartmentInfo, Directory } from '../data/directory.js';
import { maskPersonalData, type PersonalDataKind } from '../privacy/personal-data.js';
import { HOTLINE_TEXT as H } from '../text/hotline-messages.js';
import { answerNotice, askedNotice, communesLabel, departmentCard, departmentName, dueText, textNotice } from './cards.js';
import { dueAfter, resumedDue } from './deadline.js';
import { answerDaysOf } from './department-store.js';
import { addEvent, itemByCode, setLeadDepartment, type RecommendationItem, type RecommendationStatus } from './items.js';
import { communeChats, departmentChats, flushRelays, recordRelays } from './relay.js';
import { relationTo, type Relation } from './scope.js';

/** Days after its answer during which the commune may reopen an item. */
export const REOPEN_WITHIN_DAYS = 30;

/** Why an action on a recommendation was refused (the handler words it). */
export type Refusal =
  | { reason: 'not_found' }
  | { reason: 'other_scope' }
  | { reason: 'not_owner'; owner: number | null }
  | { reason: 'not_commune' }
  | { reason: 'commune_cannot_answer' }
  | { reason: 'closed' }
  | { reason: 'not_answered' }
  | { reason: 'wrong_status'; status: RecommendationStatus }
  | { reason: 'too_late' }
  | { reason: 'same_department' }
  | { reason: 'reason_missing' }
  | { reason: 'move_not_allowed' };

export type ActionResult =
  | { kind: 'done'; item: RecommendationItem; masked: PersonalDataKind[]; relation: Relation }
  | { kind: 'refused'; code: string; refusal: Refusal; item?: RecommendationItem };

/** An item with how the asking chat stands to it; cross-scope attempts are audited. */
export async function loadForChat(ctx: AppContext, req: CommandRequest, code: string): Promise<{ item: RecommendationItem; relation: Relation; dir: Directory } | { kind: 'refused'; code: string; refusal: Refusal }> {
  const item = await itemByCode(ctx.store.sql, code);
  if (!item) return { kind: 'refused', code, refusal: { reason: 'not_found' } };
  const dir = await ctx.directory.get();
  const relation = relationTo(req.access, item, dir);
  if (relation === 'none') {
    await audit(ctx.store, { at: req.now, actor: `${req.chat.platform}:${req.user.id}`, chat: `${req.chat.platform}:${req.chat.id}`, action: 'cross_scope', detail: `/${req.command} ${code}` });
    return { kind: 'refused', code, refusal: { reason: 'other_scope' } };
  }
  return { item, relation, dir };
}

const actorOf = (req: CommandRequest) => ({ actor: `${req.chat.platform}:${req.user.id}`, actorName: req.user.name ?? null });

/** Runs one change of an item as a transaction that also stores its relays, then flushes them. */
async function change(ctx: AppContext, fn: (tx: Parameters<Parameters<AppContext['store']['sql']['transaction']>[0]>[0]) => Promise<Platform[] | null>): Promise<boolean> {
  const platforms = await ctx.store.sql.transaction(fn);
  if (platforms === null) return false;
  await flushRelays(ctx.notices, platforms);
  return true;
}

async function done(ctx: AppContext, code: string, relation: Relation, masked: PersonalDataKind[] = []): Promise<ActionResult> {
  return { kind: 'done', item: (await itemByCode(ctx.store.sql, code))!, masked, relation };
}

const mayActAsDepartment = (r: Relation) => r === 'department' || r === 'admin';
const mayActAsCommune = (r: Relation) => r === 'commune' || r === 'admin';

/**
 * /traloi: the department answers (relayed to the commune, the item marked answered), or,
 * while the department waits for it, the commune sends what was asked (relayed to the
 * department, the deadline running again with the days waited added).
 */
export async function answerRecommendation(ctx: AppContext, req: CommandRequest, code: string, text: string): Promise<ActionResult> {
  const loaded = await loadForChat(ctx, req, code);
  if ('kind' in loaded) return loaded;
  const { item, relation, dir } = loaded;
  const { text: masked, kinds } = maskPersonalData(text);
  const commune = relation === 'commune';
  if (commune && item.status !== 'asked') return { kind: 'refused', code, refusal: { reason: 'commune_cannot_answer' }, item };
  if (!commune && !mayActAsDepartment(relation)) return { kind: 'refused', code, refusal: { reason: 'not_owner', owner: item.departmentId }, item };
  if (item.status === 'closed') return { kind: 'refused', code, refusal: { reason: 'closed' }, item };
  if (item.status === 'unrouted' || item.departmentId === null) return { kind: 'refused', code, refusal: { reason: 'wrong_status', status: item.status }, item };
  const calendar = await ctx.calendar.get();
  if (commune) {
    const due = item.dueAt && item.pausedAt ? resumedDue(calendar, item.dueAt, item.pausedAt, req.now) : item.dueAt;
    const targets = await departmentChats(ctx.store.sql, item.departmentId);
    const ok = await change(ctx, async (tx) => {
      if ((await tx.run("UPDATE recommendation SET status = 'open', paused_at = NULL, due_at = ? WHERE id = ? AND status = 'asked'", [due, item.id])) !== 1) return null;
      const eventId = await addEvent(tx, item.id, { at: req.now, kind: 'replied', ...actorOf(req), text: masked });
      const after = { ...item, dueAt: due };
      const card = departmentCard(after, dir, [H.repliedTitle(code, communesLabel(item, dir)), masked]);
      return recordRelays(tx, ctx.notices, targets, card, `kn:${code}:e${eventId}`);
    });
    if (!ok) return { kind: 'refused', code, refusal: { reason: 'wrong_status', status: item.status }, item };
    return done(ctx, code, 'commune', kinds);
  }
  const targets = await communeChats(ctx.store.sql, item);
  const due = item.status === 'asked' && item.dueAt && item.pausedAt ? resumedDue(calendar, item.dueAt, item.pausedAt, req.now) : item.dueAt;
  const ok = await change(ctx, async (tx) => {
    const changed = await tx.run("UPDATE recommendation SET status = 'answered', answer = ?, answered_at = ?, paused_at = NULL, due_at = ? WHERE id = ? AND status IN ('open', 'asked', 'answered')", [
      masked,
      req.now,
      due,
      item.id,
    ]);
    if (changed !== 1) return null;
    const eventId = await addEvent(tx, item.id, { at: req.now, kind: 'answered', ...actorOf(req), departmentId: item.departmentId, text: masked });
    return recordRelays(tx, ctx.notices, targets, answerNotice(item, dir, masked), `kn:${code}:e${eventId}`, { ref: code, label: `${code}: ${item.content.slice(0, 80)}` });
  });
  if (!ok) return { kind: 'refused', code, refusal: { reason: 'closed' }, item };
  return done(ctx, code, relation, kinds);
}

/** /hoilai: the department asks the commune back; its deadline waits until the commune answers. */
export async function askBack(ctx: AppContext, req: CommandRequest, code: string, question: string): Promise<ActionResult> {
  const loaded = await loadForChat(ctx, req, code);
  if ('kind' in loaded) return loaded;
  const { item, relation, dir } = loaded;
  if (!mayActAsDepartment(relation)) return { kind: 'refused', code, refusal: { reason: 'not_owner', owner: item.departmentId }, item };
  if (item.status !== 'open') return { kind: 'refused', code, refusal: item.status === 'closed' ? { reason: 'closed' } : { reason: 'wrong_status', status: item.status }, item };
  const { text: masked, kinds } = maskPersonalData(question);
  const targets = await communeChats(ctx.store.sql, item);
  const ok = await change(ctx, async (tx) => {
    if ((await tx.run("UPDATE recommendation SET status = 'asked', paused_at = ? WHERE id = ? AND status = 'open'", [req.now, item.id])) !== 1) return null;
    const eventId = await addEvent(tx, item.id, { at: req.now, kind: 'asked', ...actorOf(req), departmentId: item.departmentId, text: masked });
    return recordRelays(tx, ctx.notices, targets, askedNotice(item, dir, masked), `kn:${code}:e${eventId}`);
  });
  if (!ok) return { kind: 'refused', code, refusal: { reason: 'wrong_status', status: item.status }, item };
  return done(ctx, code, relation, kinds);
}

/** /xong: the commune confirms its difficulty is solved. */
export async function closeRecommendation(ctx: AppContext, req: CommandRequest, code: string): Promise<ActionResult> {
  const loaded = await loadForChat(ctx, req, code);
  if ('kind' in loaded) return loaded;
  const { item, relation, dir } = loaded;
  if (!mayActAsCommune(relation)) return { kind: 'refused', code, refusal: { reason: 'not_commune' }, item };
  if (item.status === 'closed') return { kind: 'refused', code, refusal: { reason: 'closed' }, item };
  const targets = item.departmentId === null ? [] : await departmentChats(ctx.store.sql, item.departmentId);
  const ok = await change(ctx, async (tx) => {
    if ((await tx.run("UPDATE recommendation SET status = 'closed', closed_at = ?, paused_at = NULL WHERE id = ? AND status <> 'closed'", [req.now, item.id])) !== 1) return null;
    const eventId = await addEvent(tx, item.id, { at: req.now, kind: 'closed', ...actorOf(req) });
    return recordRelays(tx, ctx.notices, targets, textNotice(H.closedNotice(code, communesLabel(item, dir))), `kn:${code}:e${eventId}`);
  });
  if (!ok) return { kind: 'refused', code, refusal: { reason: 'closed' }, item };
  await ctx.notices.decided(code);
  return done(ctx, code, relation);
}

/** /chuagiaiquyet: the commune reopens an answered item within 30 days of the answer; a new deadline runs. */
export async function reopenRecommendation(ctx: AppContext, req: CommandRequest, code: string, reason: string): Promise<ActionResult> {
  const loaded = await loadForChat(ctx, req, code);
  if ('kind' in loaded) return loaded;
  const { item, relation, dir } = loaded;
  if (!mayActAsCommune(relation)) return { kind: 'refused', code, refusal: { reason: 'not_commune' }, item };
  if (item.status !== 'answered' && item.status !== 'closed') return { kind: 'refused', code, refusal: { reason: 'not_answered' }, item };
  const since = item.answeredAt ?? item.closedAt ?? item.raisedAt;
  if (req.now.getTime() - since.getTime() > REOPEN_WITHIN_DAYS * 86_400_000) return { kind: 'refused', code, refusal: { reason: 'too_late' }, item };
  if (item.departmentId === null) return { kind: 'refused', code, refusal: { reason: 'wrong_status', status: item.status }, item };
  const { text: masked, kinds } = maskPersonalData(reason);
  const calendar = await ctx.calendar.get();
  const due = dueAfter(calendar, req.now, await answerDaysOf(ctx.store, item.departmentId));
  const targets = await departmentChats(ctx.store.sql, item.departmentId);
  const ok = await change(ctx, async (tx) => {
    if ((await tx.run("UPDATE recommendation SET status = 'open', closed_at = NULL, due_at = ? WHERE id = ? AND status IN ('answered', 'closed')", [due, item.id])) !== 1) return null;
    const eventId = await addEvent(tx, item.id, { at: req.now, kind: 'reopened', ...actorOf(req), text: masked });
    return recordRelays(tx, ctx.notices, targets, departmentCard({ ...item, dueAt: due }, dir, [H.cardReopened(masked)]), `kn:${code}:e${eventId}`);
  });
  if (!ok) return { kind: 'refused', code, refusal: { reason: 'not_answered' }, item };
  await ctx.notices.decided(code);
  return done(ctx, code, relation, kinds);
}

/**
 * /chuyen: the department answering an item hands it to another with a reason, keeping
 * its history and deadline; the commune that raised it picks the department while none
 * has taken it up (unrouted, or just routed and untouched), and the deadline starts then
 * for an unrouted one.
 */
export async function moveRecommendation(ctx: AppContext, req: CommandRequest, code: string, to: DepartmentInfo, reason: string | null): Promise<ActionResult> {
  const loaded = await loadForChat(ctx, req, code);
  if ('kind' in loaded) return loaded;
  const { item, relation, dir } = loaded;
  if (item.status === 'closed') return { kind: 'refused', code, refusal: { reason: 'closed' }, item };
  const byCommune = relation === 'commune';
  if (byCommune) {
    if (item.status !== 'unrouted' && item.status !== 'open') return { kind: 'refused', code, refusal: { reason: 'move_not_allowed' }, item };
    const touched = await ctx.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM recommendation_event WHERE recommendation_id = ? AND kind IN ('answered', 'asked', 'reopened') ", [item.id]);
    if (Number(touched?.n ?? 0) > 0) return { kind: 'refused', code, refusal: { reason: 'move_not_allowed' }, item };
  } else if (!mayActAsDepartment(relation)) return { kind: 'refused', code, refusal: { reason: 'not_owner', owner: item.departmentId }, item };
  if (to.provinceId !== item.provinceId) return { kind: 'refused', code, refusal: { reason: 'not_found' }, item };
  if (to.id === item.departmentId) return { kind: 'refused', code, refusal: { reason: 'same_department' }, item };
  if (!byCommune && relation !== 'admin' && !reason) return { kind: 'refused', code, refusal: { reason: 'reason_missing' }, item };
  const masked = reason ? maskPersonalData(reason) : { text: null, kinds: [] as PersonalDataKind[] };
  const first = item.status === 'unrouted';
  const calendar = await ctx.calendar.get();
  const due = first || !item.dueAt ? dueAfter(calendar, req.now, await answerDaysOf(ctx.store, to.id)) : item.dueAt;
  const toChats = await departmentChats(ctx.store.sql, to.id);
  const communeTargets = byCommune ? [] : await communeChats(ctx.store.sql, item);
  // The commune picking another department: the one that got it first is told it went elsewhere.
  const oldTargets = byCommune && !first && item.departmentId !== null ? await departmentChats(ctx.store.sql, item.departmentId) : [];
  const from = departmentName(dir, item.departmentId);
  const ok = await change(ctx, async (tx) => {
    const changed = await tx.run("UPDATE recommendation SET status = CASE WHEN status = 'unrouted' THEN 'open' ELSE status END, due_at = ? WHERE id = ? AND status = ?", [due, item.id, item.status]);
    if (changed !== 1) return null;
    await setLeadDepartment(tx, item.id, to.id);
    const eventId = await addEvent(tx, item.id, { at: req.now, kind: first ? 'routed' : 'moved', ...actorOf(req), departmentId: to.id, text: masked.text });
    const after = { ...item, dueAt: due, departmentId: to.id };
    const extra = first || item.departmentId === null ? [] : [H.cardMovedFrom(from, masked.text)];
    const platforms = await recordRelays(tx, ctx.notices, toChats, departmentCard(after, dir, extra), `kn:${code}:e${eventId}`);
    const notice = textNotice(H.movedNotice(code, from, to.name, masked.text, dueText(after)));
    const told = first ? [] : await recordRelays(tx, ctx.notices, [...communeTargets, ...oldTargets], notice, `kn:${code}:e${eventId}:told`);
    return [...platforms, ...told];
  });
  if (!ok) return { kind: 'refused', code, refusal: { reason: 'wrong_status', status: item.status }, item };
  return done(ctx, code, relation, masked.kinds);
}
