/**
 * The alerts' scheduler: driven by the application clock, one pass (`tick`) at a time.
 * Each pass on a working day brings the alerts up to date, sends the digests whose slot
 * has come (a missed one is caught up the same working day before 11:30, else skipped and
 * logged), announces escalations to the chats of higher levels, and tells administrators
 * once when the data has gone stale. Every message goes through the notices (stored first,
 * then the chat channel's one send path) with an idempotency key per (chat, digest slot)
 * and per escalation; the slot and the notification log are written in the same
 * transaction as the notice, so a restart or a second scheduler never sends one twice.
 * Only one instance runs it (the "scheduler" lease, src/main.ts).
 */
import { plainText } from '../channel/render/lines.js';
import type { AppContext } from '../core/context.js';
import { yieldToEventLoop } from '../core/event-loop.js';
import type { Block } from '../core/reply.js';
import { reply } from '../core/reply.js';
import { unitTitle, type Directory } from '../data/directory.js';
import { adminNoticeTargets } from '../handlers/notify-admins.js';
import type { Logger } from '../log.js';
import type { Notice } from '../notify/notices.js';
import { ALERT_TEXT } from '../text/alerts-messages.js';
import { formatDateTime } from '../text/format.js';
import { dayOf, isoOfDay, type Day } from '../time/day.js';
import { claimSlot, handledSlots, recordNotifications } from './alert-store.js';
import { chatsWithSchedules } from './chat-schedules.js';
import type { AlertChat } from './chats.js';
import { composeDigest, isNew, provinceOfChat, type DigestSection } from './digest.js';
import { isWeeksFirstWorkingDay, minutesOf, slotAction, slotId, slotTimesOn, type Schedule } from './schedule.js';
import { provinceSnapshot, type ProvinceSnapshot } from './snapshot.js';
import { DIGEST_SECTIONS } from './sections.js';
import { sweepProvince } from './sweep.js';
import { alertEscalations } from './escalations.js';
import { weeklyReportKey, weeklyReportRepliesFor } from '../reports/weekly-report-replies.js';
import type { Reply } from '../core/reply.js';

/** Escalations are announced in office hours only (digests carry the rest). */
const OFFICE_FROM = '07:00';
const OFFICE_UNTIL = '17:00';
/** Between digests, alerts are brought up to date this often (escalations after an import). */
const SWEEP_EVERY_MS = 5 * 60_000;
/** Digests stored per transaction. */
const DIGEST_BATCH = 50;
/** Most dossiers one escalation message lists; the rest are in /canhbao. */
const ESCALATION_LIST_MAX = 20;

export interface AlertsSchedulerOptions {
  ctx: AppContext;
  log: Logger;
  /** Log digests instead of sending them (ALERTS_DRY_RUN). */
  dryRun?: boolean;
  /** Chats registered by other means than a binding (the console chat with `--as`). */
  extraChats?: () => readonly AlertChat[];
  /** Sections other capabilities add to digests. */
  sections?: readonly DigestSection[];
}

/** What one pass did. */
export interface TickResult {
  sent: number;
  empty: number;
  skipped: number;
  escalations: number;
}

export class AlertsScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;
  private readonly lastSweep = new Map<number, number>();

  constructor(private readonly opts: AlertsSchedulerOptions) {}

  /** Runs a pass every `everyMs` (default 5 s) until stopped; a failed pass is logged and the next one tries again. */
  start(everyMs = 5_000): void {
    if (this.timer) return;
    const run = () => {
      void this.tick().catch((err: unknown) => this.opts.log.error('alerts pass failed', { error: err }));
    };
    run();
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
  }

  /** Stops the passes and waits for the one under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass at the clock's now; passes never overlap. */
  tick(now: Date = this.opts.ctx.clock.now()): Promise<TickResult> {
    if (this.running) return this.running;
    this.running = this.pass(now).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(now: Date): Promise<TickResult> {
    const { ctx, log } = this.opts;
    const result: TickResult = { sent: 0, empty: 0, skipped: 0, escalations: 0 };
    const calendar = await ctx.calendar.get();
    const today = dayOf(now);
    if (!calendar.isWorkingDay(today)) return result;
    const dir = await ctx.directory.get();
    const isoToday = isoOfDay(today);
    const [chats, handled] = await Promise.all([chatsWithSchedules(ctx.store, this.opts.extraChats?.() ?? []), handledSlots(ctx.store, isoToday)]);

    const due: { chat: AlertChat; schedule: Schedule; slot: string; provinceId: number }[] = [];
    const laterToday = new Set<string>();
    const provinces = new Set<number>();
    for (const { chat, schedule } of chats) {
      const provinceId = provinceOfChat(chat, dir);
      if (provinceId === null) continue;
      provinces.add(provinceId);
      for (const time of slotTimesOn(today, schedule, calendar)) {
        const slot = slotId(isoToday, time);
        if (handled.has(`${chat.key}|${slot}`)) continue;
        const action = slotAction(today, time, now);
        if (action === 'wait') laterToday.add(chat.key);
        else if (action === 'skip') {
          if (await ctx.store.sql.transaction((tx) => claimSlot(tx, chat.key, slot, 'skipped', now))) {
            log.info('digest skipped: its slot passed while the bot was down', { chat: chat.key, slot });
            result.skipped++;
          }
        } else {
          // Two slots come at once only after a gap (the bot was down): the later one stands for both.
          const earlier = due.findIndex((d) => d.chat.key === chat.key);
          if (earlier >= 0) {
            const [old] = due.splice(earlier, 1);
            await ctx.store.sql.transaction((tx) => claimSlot(tx, old!.chat.key, old!.slot, 'skipped', now));
            result.skipped++;
          }
          due.push({ chat, schedule, slot, provinceId });
        }
      }
    }

    const minutes = minutesOf(formatDateTime(now).slice(-5));
    const inOffice = minutes >= minutesOf(OFFICE_FROM) && minutes < minutesOf(OFFICE_UNTIL);
    const snapshots = new Map<number, ProvinceSnapshot>();
    for (const provinceId of provinces) {
      const dueHere = due.some((d) => d.provinceId === provinceId);
      const last = this.lastSweep.get(provinceId) ?? 0;
      if (!dueHere && !(inOffice && now.getTime() - last >= SWEEP_EVERY_MS)) continue;
      const swept = await sweepProvince(ctx, provinceId, now);
      this.lastSweep.set(provinceId, now.getTime());
      snapshots.set(provinceId, await provinceSnapshot(ctx, provinceId, now, swept.overdue));
    }

    // Digests are composed and stored in batches: each batch's slots, notification log
    // entries and notices in one transaction.
    const sections = this.opts.sections ?? DIGEST_SECTIONS;
    // One weekly report per scope (a province, a working group) however many chats it goes to.
    const reports = new Map<string, Promise<Reply[]>>();
    for (let b = 0; b < due.length; b += DIGEST_BATCH) {
      // Between batches, what waits runs (people's questions at 07:30 are not held for the pass).
      if (b > 0) await yieldToEventLoop();
      const batch: { d: (typeof due)[number]; digest: Awaited<ReturnType<typeof composeDigest>> }[] = [];
      for (const d of due.slice(b, b + DIGEST_BATCH)) batch.push({ d, digest: await composeDigest(ctx, d.chat, snapshots.get(d.provinceId)!, { sections, since: null, dir }) });
      if (!this.opts.dryRun) for (const { d } of batch) await this.weeklyReport(d.chat, snapshots.get(d.provinceId)!, now, reports);
      const stored = await ctx.store.sql.transaction(async (tx) => {
        const out: typeof batch = [];
        for (const { d, digest } of batch) {
          if (!digest.hasNews && !d.schedule.allClear) {
            if (await claimSlot(tx, d.chat.key, d.slot, 'empty', now)) result.empty++;
            continue;
          }
          if (!(await claimSlot(tx, d.chat.key, d.slot, this.opts.dryRun ? 'dry_run' : 'sent', now))) continue;
          await recordNotifications(tx, digest.announced, now);
          const notice: Notice = { platform: d.chat.platform, chatId: d.chat.chatId, isGroup: d.chat.isGroup, reply: digest.reply, key: `digest:${d.chat.key}:${d.slot}` };
          if (!this.opts.dryRun) await ctx.notices.record(tx, notice);
          out.push({ d, digest });
        }
        return out;
      });
      for (const { d, digest } of stored) {
        result.sent++;
        const snap = snapshots.get(d.provinceId)!;
        for (const a of digest.announced) snap.log.set(`${a.alertId}|${a.chat}|${a.state}`, now);
        if (this.opts.dryRun) log.info('digest (dry run, not sent)', { chat: d.chat.key, slot: d.slot, text: plainText(digest.reply) });
        else log.info('digest queued', { chat: d.chat.key, slot: d.slot });
      }
    }
    // Hands the stored digests to their channels (a flush takes 200 at a time); what a
    // previous run stored but did not hand over goes too.
    if (!this.opts.dryRun) for (const p of new Set(chats.map((c) => c.chat.platform))) await this.flushAll(p);

    if (inOffice) {
      for (const snap of snapshots.values()) {
        result.escalations += await this.escalate(snap, dir, chats.map((c) => c.chat).filter((c) => !laterToday.has(c.key)), now);
      }
    }
    for (const snap of snapshots.values()) await this.staleAlert(snap, today);
    return result;
  }

  /**
   * The weekly report (last week against the week before, with its charts) for a leaders'
   * or working group's chat, with its first digest of the week: on Monday, or on the first
   * working day after a Monday holiday. Stored before the digest, keyed per chat and week,
   * so a retried pass or a second instance never sends it twice.
   */
  private async weeklyReport(chat: AlertChat, snap: ProvinceSnapshot, now: Date, reports: Map<string, Promise<Reply[]>>): Promise<void> {
    if (chat.role !== 'leader' && chat.role !== 'working_group') return;
    if (!isWeeksFirstWorkingDay(snap.today, 1, snap.calendar)) return;
    const { ctx } = this.opts;
    const scopeKey = `${chat.role}:${chat.unitId}`;
    let replies = reports.get(scopeKey);
    if (!replies) {
      replies = weeklyReportRepliesFor(ctx, chat, alertEscalations(ctx.store, () => ctx.directory.get()));
      reports.set(scopeKey, replies);
    }
    const key = { platform: chat.platform, chatId: chat.chatId };
    for (const [part, r] of (await replies).entries()) {
      await ctx.notices.notify({ platform: chat.platform, chatId: chat.chatId, isGroup: chat.isGroup, reply: r, key: weeklyReportKey(key, now, part) });
    }
  }

  /**
   * Dossiers that reached level 2 (working group) or 3 (leaders) since those chats heard of
   * them: one message per chat, listing them. Chats with a digest still to come today get
   * them in it instead.
   */
  private async escalate(snap: ProvinceSnapshot, dir: Directory, chats: AlertChat[], now: Date): Promise<number> {
    const { ctx } = this.opts;
    let count = 0;
    const flush = new Set<string>();
    for (const chat of chats) {
      if (provinceOfChat(chat, dir) !== snap.provinceId) continue;
      let minLevel: number;
      let communes: Set<number> | null = null;
      if (chat.role === 'working_group') {
        minLevel = 2;
        communes = new Set(dir.communesOfGroup(chat.unitId ?? -1).map((c) => c.id));
      } else if (chat.role === 'leader') minLevel = 3;
      else continue;
      const items = snap.overdue.filter((i) => i.alert && i.level >= minLevel && !i.ack && !i.silence && (!communes || communes.has(i.communeId)) && isNew(snap, i.alert.id, chat.key, `level:${i.level}`, i.alert.levelAt));
      if (items.length === 0) continue;
      const shown = items.slice(0, ESCALATION_LIST_MAX);
      const scope = chat.role === 'leader' ? `tỉnh ${dir.provinces.get(snap.provinceId)?.name ?? ''}` : `tổ công tác số ${dir.workingGroups.get(chat.unitId ?? -1)?.number ?? ''}`;
      const lines = shown.map((i) =>
        ALERT_TEXT.escalationItem(i.code, communeTitle(dir, i.communeId), (i.sectorId === null ? undefined : dir.sectors.get(i.sectorId)?.name) ?? 'Chưa rõ lĩnh vực', ALERT_TEXT.lateDays(i.days)),
      );
      if (items.length > shown.length) lines.push(ALERT_TEXT.escalationMore(items.length - shown.length));
      const blocks: Block[] = [
        { kind: 'title', text: ALERT_TEXT.escalationTitle(scope, items.length) },
        { kind: 'text', text: ALERT_TEXT.escalationText(minLevel, items[0]!.alert!.thresholds[minLevel - 1]!) },
        { kind: 'list', items: lines },
      ];
      const ids = items.map((i) => i.alert!.id).sort((a, b) => a - b);
      const notice: Notice = { platform: chat.platform, chatId: chat.chatId, isGroup: chat.isGroup, reply: reply(blocks), key: `escalation:${chat.key}:${ids[0]}-${ids[ids.length - 1]}-${ids.length}:${isoOfDay(snap.today)}` };
      const entries = items.flatMap((i) => [
        { alertId: i.alert!.id, chat: chat.key, state: `level:${i.level}` as const },
        ...(isNew(snap, i.alert!.id, chat.key, 'overdue', i.alert!.firedAt) ? [{ alertId: i.alert!.id, chat: chat.key, state: 'overdue' as const }] : []),
      ]);
      await ctx.store.sql.transaction(async (tx) => {
        await recordNotifications(tx, entries, now);
        if (!this.opts.dryRun) await ctx.notices.record(tx, notice);
      });
      for (const e of entries) snap.log.set(`${e.alertId}|${e.chat}|${e.state}`, now);
      if (this.opts.dryRun) this.opts.log.info('escalation (dry run, not sent)', { chat: chat.key, text: plainText(notice.reply) });
      flush.add(chat.platform);
      count++;
    }
    if (!this.opts.dryRun) for (const p of flush) await this.flushAll(p as AlertChat['platform']);
    return count;
  }

  private async flushAll(platform: AlertChat['platform']): Promise<void> {
    while ((await this.opts.ctx.notices.flush(platform)) > 0);
  }

  /** Administrators hear once per stale episode (keyed by the last import) that the data is old. */
  private async staleAlert(snap: ProvinceSnapshot, today: Day): Promise<void> {
    const { ctx } = this.opts;
    if (!snap.stale || !snap.updatedAt || !snap.calendar.isWorkingDay(today)) return;
    const r = reply([
      { kind: 'title', text: ALERT_TEXT.staleAdminTitle },
      { kind: 'text', text: ALERT_TEXT.staleAdmin(ctx.settings.staleAfterHours, formatDateTime(snap.updatedAt)) },
    ]);
    for (const t of adminNoticeTargets(ctx)) {
      await ctx.notices.notify({ ...t, reply: r, key: `alerts:stale:${snap.updatedAt.getTime()}:${t.platform}:${t.chatId}` });
    }
  }
}

function communeTitle(dir: Directory, id: number): string {
  const c = dir.communes.get(id);
  return c ? unitTitle(c) : `Đơn vị ${id}`;
}

