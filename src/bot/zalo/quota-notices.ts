import type { AdminId } from '../../config/env-access.js';
import { reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import type { NoticeHub } from '../../notify/notices.js';
import { formatDateTime, formatNumber } from '../../text/format.js';
import { ZALO_TEXT } from '../../text/messages.js';
import type { ZaloQuota } from './quota.js';

/**
 * What administrators hear of the Zalo quota: once a month at 80 % of the monthly count,
 * and once per episode of "Quota exceeded" answers. The 80 % warning goes to the Zalo
 * administrators; an episode is told on every platform an administrator uses, since Zalo
 * itself may not take the message.
 */
export class ZaloQuotaNotices {
  constructor(
    private readonly notices: NoticeHub,
    private readonly quota: ZaloQuota,
    private readonly admins: readonly AdminId[],
    private readonly bot: string,
    private readonly log: Logger,
  ) {}

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

  /** Tells every administrator, on every platform, that Zalo has begun answering "Quota exceeded". */
  async limited(since: Date): Promise<void> {
    this.log.warn('zalo answers "Quota exceeded"; messages wait and are retried', { bot: this.bot, admins: this.admins.length });
    const text = ZALO_TEXT.limited(formatDateTime(since));
    for (const a of this.admins) {
      await this.notices.notify({
        platform: a.platform,
        chatId: a.userId,
        isGroup: false,
        key: `zalo-limited:${this.bot}:${since.getTime()}:${a.platform}:${a.userId}`,
        reply: reply([{ kind: 'title', text: ZALO_TEXT.limitedTitle }, { kind: 'text', text }]),
      });
    }
  }
}
