/**
 * The alerts' marks on an overdue list (/quahan): each dossier's escalation level and any
 * acknowledgement or silence, so the summary and the escalation read as one.
 */
import type { AppContext } from '../core/context.js';
import { toNumber } from '../data/sql/driver.js';
import { ALERT_TEXT } from '../text/alerts-messages.js';
import { formatDateTime } from '../text/format.js';
import { dayOf, formatDay, isoOfDay, type Day } from '../time/day.js';
import { activeSilences, latestAcks, provincePolicy } from './alert-store.js';
import { levelFor, type Thresholds } from './policy.js';
import { silenceFor } from './snapshot.js';
import { ackHolds } from './sweep.js';

export async function alertMarks(ctx: AppContext, rows: readonly { code: string; communeId: number; sectorId: number | null; dueAt: Date }[], today: Day): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  const [dir, calendar, acks, silences] = await Promise.all([ctx.directory.get(), ctx.calendar.get(), latestAcks(ctx.store, isoOfDay(today)), activeSilences(ctx.store, ctx.clock.now())]);
  const levels = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const found = await ctx.store.sql.all(`SELECT code, level FROM overdue_alert WHERE state = 'open' AND code IN (${chunk.map(() => '?').join(',')})`, chunk.map((r) => r.code));
    for (const r of found) levels.set(String(r.code), toNumber(r.level));
  }
  const policies = new Map<number, Thresholds>();
  for (const r of rows) {
    const provinceId = dir.communes.get(r.communeId)?.provinceId ?? -1;
    if (!policies.has(provinceId)) policies.set(provinceId, (await provincePolicy(ctx.store, provinceId)).thresholds);
    const ack = acks.get(r.code);
    const held = ack && ackHolds(ack, isoOfDay(today)) ? ack : null;
    const level = levels.get(r.code) ?? levelFor(calendar.workingDaysBetween(dayOf(r.dueAt), today), policies.get(provinceId)!);
    const parts: string[] = [ALERT_TEXT.levelShort(level)];
    if (held) parts.push(ALERT_TEXT.markAck(held.actorName ?? held.actor, formatDay(dayOf(new Date(`${held.untilDay}T12:00:00+07:00`)))));
    const silence = silenceFor(silences, r);
    if (silence) parts.push(ALERT_TEXT.markSilence(formatDateTime(silence.endsAt), silence.reason));
    out.set(r.code, parts.join(' · '));
  }
  return out;
}
