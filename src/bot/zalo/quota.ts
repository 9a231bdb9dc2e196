import type { Clock } from '../../core/clock.js';
import type { Store } from '../../data/store.js';
import { toDate, toNumber } from '../../data/sql/driver.js';
import { dayFromYmd, dayOf, monthOf, startOfDayInstant } from '../../time/day.js';

/** Share of the monthly quota at which administrators are told. */
const QUOTA_WARNING_SHARE = 0.8;

/** Where a bot stands in the current month. */
export interface QuotaState {
  /** 'yyyy-MM' in Vietnam time. */
  month: string;
  sent: number;
  quota: number;
  /** At or past the quota: messages nobody asked for wait. */
  exhausted: boolean;
}

/** The calendar month (Asia/Ho_Chi_Minh) an instant falls in, as 'yyyy-MM'. */
export function monthKey(instant: Date): string {
  const { year, month } = monthOf(dayOf(instant));
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The first instant of the month after the one `instant` falls in (00:00 in Hà Nội). */
export function nextMonthStart(instant: Date): Date {
  const { year, month } = monthOf(dayOf(instant));
  return startOfDayInstant(month === 12 ? dayFromYmd(year + 1, 1, 1) : dayFromYmd(year, month + 1, 1));
}

/**
 * Messages a Zalo bot sent per calendar month, counted in the store so that restarts and
 * several instances share one count. Zalo's free plan allows 3,000 a month; the bot uses
 * the count to warn administrators at 80 % and to hold unrequested messages past 100 %.
 * It also records episodes of "Quota exceeded" answers, so administrators hear of each once.
 */
export class ZaloQuota {
  constructor(
    private readonly store: Store,
    /** "zalo:<bot id>". */
    readonly bot: string,
    /** Messages per month (ZALO_MONTHLY_QUOTA). */
    readonly quota: number,
    private readonly clock: Clock,
  ) {}

  /** Whether this process saw "Quota exceeded" since Zalo last accepted a message. */
  private limited = false;

  /** The count at which administrators are told. */
  get warnAt(): number {
    return Math.ceil(this.quota * QUOTA_WARNING_SHARE);
  }

  /** Counts `n` messages sent now; returns the month's count after them. */
  async record(n = 1): Promise<{ month: string; sent: number }> {
    const month = monthKey(this.clock.now());
    const row = await this.store.sql.get<{ sent: unknown }>(
      `INSERT INTO zalo_quota (bot, month, sent) VALUES (?, ?, ?)
       ON CONFLICT (bot, month) DO UPDATE SET sent = zalo_quota.sent + excluded.sent RETURNING sent`,
      [this.bot, month, n],
    );
    return { month, sent: toNumber(row?.sent) };
  }

  /**
   * Claims this month's warning: true for exactly one caller (across instances) once the
   * count has reached the warning level.
   */
  async claimWarning(month: string): Promise<boolean> {
    const claimed = await this.store.sql.run(
      'UPDATE zalo_quota SET warned_at = ? WHERE bot = ? AND month = ? AND warned_at IS NULL AND sent >= ?',
      [this.clock.now(), this.bot, month, this.warnAt],
    );
    return claimed === 1;
  }

  /**
   * Zalo said "Quota exceeded": an episode begins unless one is under way. The count is
   * left as it is: a passing limit and the month's quota cannot be told apart from the
   * answer alone, and the retries that follow tell which it was. Returns when the episode
   * began, to exactly one caller (across instances) per episode that has lasted more than
   * `tellAfterMs` (the one that tells administrators: a refusal the next attempt clears is
   * not worth a message); null to all others.
   */
  async beginLimited(tellAfterMs = 60_000): Promise<Date | null> {
    const now = this.clock.now();
    const month = monthKey(now);
    this.limited = true;
    await this.store.sql.run('INSERT INTO zalo_quota (bot, month, sent) VALUES (?, ?, 0) ON CONFLICT (bot, month) DO NOTHING', [this.bot, month]);
    await this.store.sql.run('UPDATE zalo_quota SET limited_since = ?, limited_told_at = NULL WHERE bot = ? AND month = ? AND limited_since IS NULL', [now, this.bot, month]);
    const told = await this.store.sql.get<{ limited_since: unknown }>(
      `UPDATE zalo_quota SET limited_told_at = ? WHERE bot = ? AND month = ? AND limited_told_at IS NULL AND limited_since <= ?
       RETURNING limited_since`,
      [now, this.bot, month, new Date(now.getTime() - tellAfterMs)],
    );
    return told ? toDate(told.limited_since) : null;
  }

  /** Zalo accepted a message: an episode under way ends. */
  async endLimited(): Promise<void> {
    if (!this.limited) return;
    this.limited = false;
    await this.store.sql.run('UPDATE zalo_quota SET limited_since = NULL, limited_told_at = NULL WHERE bot = ? AND limited_since IS NOT NULL', [this.bot]);
  }

  async state(): Promise<QuotaState> {
    const month = monthKey(this.clock.now());
    const row = await this.store.sql.get<{ sent: unknown }>('SELECT sent FROM zalo_quota WHERE bot = ? AND month = ?', [this.bot, month]);
    const sent = toNumber(row?.sent);
    return { month, sent, quota: this.quota, exhausted: sent >= this.quota };
  }
}
