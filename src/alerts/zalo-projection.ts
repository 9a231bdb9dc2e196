/**
 * Digests on Zalo count against the bot's monthly quota (3,000 messages on the free plan).
 * The projection: every Zalo chat's digests over the working days of the current month,
 * with `changed` replacing one chat's schedule. Replies to people come on top, so a
 * schedule that alone would exceed the quota is refused.
 */
import type { WorkingCalendar } from '../time/calendar.js';
import { daysInMonth, ymdOf, dayFromYmd, type Day } from '../time/day.js';
import type { AlertChat } from './chats.js';
import { digestsInMonth, type Schedule } from './schedule.js';

export const ZALO_WARN_SHARE = 0.8;

export interface ZaloProjection {
  /** This chat's digests this month. */
  chat: number;
  /** All Zalo chats' digests this month. */
  total: number;
  quota: number;
}

export function projectZaloUse(
  chats: readonly { chat: AlertChat; schedule: Schedule }[],
  changed: { key: string; schedule: Schedule },
  quota: number,
  today: Day,
  cal: WorkingCalendar,
): ZaloProjection {
  const { year, month } = ymdOf(today);
  const first = dayFromYmd(year, month, 1);
  const days = daysInMonth(year, month);
  let total = 0;
  let mine = 0;
  const seen = new Set<string>();
  for (const { chat, schedule } of chats) {
    if (chat.platform !== 'zalo') continue;
    seen.add(chat.key);
    const n = digestsInMonth(chat.key === changed.key ? changed.schedule : schedule, first, days, cal);
    total += n;
    if (chat.key === changed.key) mine = n;
  }
  if (!seen.has(changed.key)) {
    mine = digestsInMonth(changed.schedule, first, days, cal);
    total += mine;
  }
  return { chat: mine, total, quota };
}
