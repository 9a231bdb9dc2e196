import type { AppContext } from '../core/context.js';
import type { CommandRequest } from '../core/request.js';
import { hasLetterOrDigit } from '../names/keys.js';
import { maskPersonalData, type PersonalDataKind } from '../privacy/personal-data.js';
import { recommendationCode } from './codes.js';
import { dueAfter } from './deadline.js';
import { answerDaysOf, provinceRules } from './department-store.js';
import { departmentCard } from './cards.js';
import { addEvent, itemByCode, itemBySourceMessage, setLeadDepartment, type RecommendationItem } from './items.js';
import { departmentChats, flushRelays, recordRelays } from './relay.js';
import { routeText, type RouteResult } from './routing.js';

/** Longest recommendation text kept (the router refuses longer arguments before this). */
export const MAX_RECOMMENDATION_LENGTH = 500;

/** Where recommendations raised in chat say they came from. */
export const CHAT_SOURCE = 'Nhóm chat của xã (đường dây nóng)';

export type RaiseResult =
  | { kind: 'raised'; item: RecommendationItem; route: RouteResult; masked: PersonalDataKind[]; departmentChats: number }
  /** The same message was already raised (a retry, a duplicate delivery). */
  | { kind: 'again'; item: RecommendationItem }
  | { kind: 'refused'; reason: 'not_commune' | 'empty' | 'no_words' | 'too_long' };

/** "<platform>:<chat>:<message id>": what makes a retried message find its item. */
export function sourceMessageKey(req: Pick<CommandRequest, 'chat' | 'messageId'>): string | null {
  return req.messageId ? `${req.chat.platform}:${req.chat.id}:${req.messageId}` : null;
}

/**
 * Raises a recommendation from a commune's chat: checks the text, masks citizens'
 * personal data, routes it by the province's rules and stores it with its code, history
 * and, when routed, its deadline and the department's notice — all in one transaction, so
 * the code exists only once everything is stored. A message raised before returns its item.
 */
export async function raiseRecommendation(ctx: AppContext, req: CommandRequest): Promise<RaiseResult> {
  const dir = await ctx.directory.get();
  const commune = req.access.role === 'commune' && req.access.unitId !== null ? dir.communes.get(req.access.unitId) : undefined;
  if (!commune) return { kind: 'refused', reason: 'not_commune' };
  const text = req.args.trim();
  if (!text) return { kind: 'refused', reason: 'empty' };
  if (!hasLetterOrDigit(text)) return { kind: 'refused', reason: 'no_words' };
  if (text.length > MAX_RECOMMENDATION_LENGTH) return { kind: 'refused', reason: 'too_long' };
  const key = sourceMessageKey(req);
  if (key) {
    const before = await itemBySourceMessage(ctx.store.sql, key);
    if (before) return { kind: 'again', item: before };
  }
  const { text: content, kinds } = maskPersonalData(text);
  const route = routeText(content, await provinceRules(ctx.store, commune.provinceId));
  const calendar = await ctx.calendar.get();
  const departmentId = route.kind === 'suggested' ? route.departmentId : null;
  const due = departmentId === null ? null : dueAfter(calendar, req.now, await answerDaysOf(ctx.store, departmentId));
  const targets = departmentId === null ? [] : await departmentChats(ctx.store.sql, departmentId);
  const actor = `${req.chat.platform}:${req.user.id}`;
  let code: string;
  try {
    code = await ctx.store.sql.transaction(async (tx) => {
      const row = await tx.get<{ id: unknown }>(
        `INSERT INTO recommendation (code, province_id, content, raised_at, due_at, status, source, field, chat_platform, chat_id, chat_is_group, sender_id, sender_name, source_message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          `KN-TMP-${req.now.getTime()}-${Math.random().toString(36).slice(2)}`,
          commune.provinceId,
          content,
          req.now,
          due,
          departmentId === null ? 'unrouted' : 'open',
          CHAT_SOURCE,
          route.kind === 'suggested' ? route.field : null,
          req.chat.platform,
          req.chat.id,
          req.chat.kind === 'group',
          req.user.id,
          req.user.name ?? null,
          key,
        ],
      );
      const id = Number(row!.id);
      const c = recommendationCode(id);
      await tx.run('UPDATE recommendation SET code = ? WHERE id = ?', [c, id]);
      await tx.run('INSERT INTO recommendation_commune (recommendation_id, commune_id) VALUES (?, ?)', [id, commune.id]);
      await addEvent(tx, id, { at: req.now, kind: 'raised', actor, actorName: req.user.name ?? null });
      if (departmentId !== null) {
        await setLeadDepartment(tx, id, departmentId);
        const eventId = await addEvent(tx, id, { at: req.now, kind: 'routed', actor: 'routing', departmentId });
        const item = (await itemByCode(tx, c))!;
        await recordRelays(tx, ctx.notices, targets, departmentCard(item, dir), `kn:${c}:e${eventId}`);
      }
      return c;
    });
  } catch (err) {
    // The same message delivered twice at once: the unique source key kept one.
    const again = key ? await itemBySourceMessage(ctx.store.sql, key) : null;
    if (again) return { kind: 'again', item: again };
    throw err;
  }
  await flushRelays(ctx.notices, targets.map((t) => t.platform));
  const item = (await itemByCode(ctx.store.sql, code))!;
  return { kind: 'raised', item, route, masked: kinds, departmentChats: targets.length };
}
