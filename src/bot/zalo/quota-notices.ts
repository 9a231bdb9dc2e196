import type { AdminId } from '../../config/env-access.js';
import { reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { NoticeHub } from '../../notify/notices.js';
import { formatNumber } from '../../text/format.js';
import { ZALO_TEXT } from '../../text/messages.js';
import type { ZaloQuota } from './quota.js';

/** Refusal of the notice sink while the month's quota is used up: the hub keeps the notice. */
export class QuotaHeldError extends Error {
  constructor(readonly month: string) {
    super(`zalo quota used up for ${month}; notice held`);
    this.name = 'QuotaHeldError';
  }
}

/**
 * The quota's side of the messages nobody asked for: administrators are told once a
 * month at 80 %; past 100 % notices stay in the NoticeHub (the sink refuses them) until
 * the month changes or the quota is raised, and are then handed over.
 */
export class ZaloQuotaNotices {
  constructor(
    private readonly notices: NoticeHub,
    private readonly quota: ZaloQuota,
    private readonly admins: readonly AdminId[],
    private readonly bot: string,
    private readonly log: Logger,
  ) {}

  /** Throws QuotaHeldError while the month's quota is used up. */
  async assertRoom(): Promise<void> {
    const state = await this.quota.state();
    if (state.exhausted) throw new QuotaHeldError(state.month);
  }

  /** Tells every Zalo administrator that 80 % of this month's quota is used. */
  async warn(month: string, sent: number): Promise<void> {
    const targets = this.admins.filter((a) => a.platform === 'zalo');
    this.log.warn('zalo monthly quota at 80 %', { bot: this.bot, month, sent, quota: this.quota.quota, admins: targets.length });
    const [year, mm] = month.split('-');
    const text = ZALO_TEXT.quotaWarning(formatNumber(sent), formatNumber(this.quota.quota), `${mm}/${year}`);
    for (const a of targets) {
      await this.notices.notify({
        platform: 'zalo',
        chatId: a.userId,
        isGroup: false,
        key: `zalo-quota:${this.bot}:${month}:${a.userId}`,
        reply: reply([{ kind: 'title', text: ZALO_TEXT.quotaWarningTitle }, { kind: 'text', text }]),
      });
    }
  }

  /** Hands over held notices once there is room again (a new month, a higher quota). */
  async release(): Promise<number> {
    if ((await this.notices.waiting('zalo')) === 0) return 0;
    if ((await this.quota.state()).exhausted) return 0;
    return this.notices.flush('zalo');
  }
}
