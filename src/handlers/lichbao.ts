import { parseScheduleCommand } from '../alerts/command-args.js';
import { saveSchedule, storedSchedule } from '../alerts/alert-store.js';
import { actorOf, alertChatOf, auditChange } from '../alerts/request-chat.js';
import { defaultSchedule, nextSlotAfter, type Schedule } from '../alerts/schedule.js';
import { chatsWithSchedules } from '../alerts/chat-schedules.js';
import { projectZaloUse, ZALO_WARN_SHARE } from '../alerts/zalo-projection.js';
import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { ALERT_TEXT, SCHEDULE_EXAMPLE, weekdayName } from '../text/alerts-messages.js';
import { formatDateTime, formatPercent } from '../text/format.js';
import { dayOf } from '../time/day.js';

/**
 * /lichbao: shows this chat's digest schedule, or changes it (`07:30`, `07:30 13:30`,
 * `thứ 2 08:00`, `tắt`, `bật`, `báo cả khi không có`). A registered chat changes its own;
 * on Zalo a schedule the monthly quota cannot carry is refused.
 */
export async function lichbaoHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const chat = alertChatOf(req);
  const base = chat ? defaultSchedule(chat.role) : null;
  if (!chat || !base) return reply([{ kind: 'text', text: ALERT_TEXT.scheduleNone }]);
  const current = (await storedSchedule(ctx.store, chat.key)) ?? base;
  const cmd = parseScheduleCommand(req.args);
  let next: Schedule;
  switch (cmd.kind) {
    case 'show':
      return describe(ctx, req, chat.key, current, []);
    case 'error': {
      const text =
        cmd.code === 'bad_time' ? ALERT_TEXT.scheduleBadTime(cmd.detail)
        : cmd.code === 'bad_weekday' ? ALERT_TEXT.scheduleBadWeekday(cmd.detail)
        : cmd.code === 'too_many' ? ALERT_TEXT.scheduleTooMany(4)
        : ALERT_TEXT.scheduleNotUnderstood;
      return userError(text, SCHEDULE_EXAMPLE);
    }
    case 'daily':
      next = { ...current, times: cmd.times, weekday: null, enabled: true, custom: true };
      break;
    case 'weekly':
      next = { ...current, times: [cmd.time], weekday: cmd.weekday, enabled: true, custom: true };
      break;
    case 'enabled':
      next = { ...current, enabled: cmd.on, custom: true };
      break;
    case 'all_clear':
      next = { ...current, allClear: cmd.on, custom: true };
      break;
  }
  const extra: Block[] = [];
  if (chat.platform === 'zalo' && ctx.settings.zaloMonthlyQuota) {
    const chats = await chatsWithSchedules(ctx.store);
    const p = projectZaloUse(chats, { key: chat.key, schedule: next }, ctx.settings.zaloMonthlyQuota, dayOf(req.now), await ctx.calendar.get());
    if (p.total > p.quota) return userError(ALERT_TEXT.zaloRefused(p.total, p.quota), SCHEDULE_EXAMPLE);
  }
  await saveSchedule(ctx.store, chat.key, next, actorOf(req), req.now);
  await auditChange(ctx, req, 'schedule_changed', `${next.enabled ? 'on' : 'off'} ${next.weekday === null ? 'daily' : `weekday:${next.weekday}`} ${next.times.join(',')}${next.allClear ? ' all_clear' : ''}`);
  extra.push({ kind: 'text', text: ALERT_TEXT.scheduleSaved });
  return describe(ctx, req, chat.key, next, extra);
}

async function describe(ctx: AppContext, req: CommandRequest, key: string, s: Schedule, lead: Block[]): Promise<Reply> {
  const calendar = await ctx.calendar.get();
  const blocks: Block[] = [...lead, { kind: 'title', text: ALERT_TEXT.scheduleTitle }];
  if (!s.enabled) blocks.push({ kind: 'text', text: ALERT_TEXT.scheduleOff });
  else if (s.weekday === null) blocks.push({ kind: 'text', text: ALERT_TEXT.scheduleDaily(s.times.join(', ')) });
  else blocks.push({ kind: 'text', text: ALERT_TEXT.scheduleWeekly(weekdayName(s.weekday), s.times[0] ?? '') });
  blocks.push({ kind: 'text', text: ALERT_TEXT.scheduleAllClear(s.allClear) });
  const next = nextSlotAfter(req.now, s, calendar, dayOf(req.now));
  if (next) blocks.push({ kind: 'text', text: ALERT_TEXT.scheduleNext(formatDateTime(next)) });
  if (!s.custom) blocks.push({ kind: 'note', text: ALERT_TEXT.scheduleDefault });
  if (req.chat.platform === 'zalo' && ctx.settings.zaloMonthlyQuota) {
    const chats = await chatsWithSchedules(ctx.store);
    const p = projectZaloUse(chats, { key, schedule: s }, ctx.settings.zaloMonthlyQuota, dayOf(req.now), calendar);
    blocks.push({ kind: 'note', text: ALERT_TEXT.zaloUse(p.chat, p.quota, formatPercent(p.total / p.quota)) });
    if (p.total > p.quota * ZALO_WARN_SHARE) blocks.push({ kind: 'note', text: ALERT_TEXT.zaloWarn });
  }
  blocks.push({ kind: 'note', text: SCHEDULE_EXAMPLE });
  return reply(blocks);
}
