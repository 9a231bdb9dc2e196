import type { ChannelEvent, ChatPlatform, ReplyRenderer, UpdateIds } from '../../channel/platform.js';
import { PlatformAuthError } from '../../channel/platform.js';
import type { Clock } from '../../core/clock.js';
import type { AdminId } from '../../config/env-access.js';
import type { Store } from '../../data/store.js';
import type { Logger } from '../../log.js';
import type { NoticeHub } from '../../notify/notices.js';
import { TEXT, ZALO_TEXT } from '../../text/messages.js';
import { ZaloClient, type ZaloClientOptions } from './client.js';
import { ZaloError } from './errors.js';
import { ZaloImages } from './images.js';
import { botNames, toAction } from './incoming.js';
import { ZaloQuotaNotices } from './quota-notices.js';
import { ZaloQuota } from './quota.js';
import { ZaloRenderer } from './renderer.js';
import { ZaloSender } from './sender.js';
import type { ZaloBotInfo } from './types.js';
import { parseUpdate } from './updates.js';

export interface ZaloPlatformOptions {
  token: string;
  apiRoot: string;
  monthlyQuota: number;
  markdown: boolean;
  /** PUBLIC_BASE_URL: where Zalo fetches pictures; null sends captions alone. */
  publicBaseUrl: string | null;
  renderer?: ReplyRenderer;
  client?: Pick<ZaloClientOptions, 'timeouts' | 'dispatcher'>;
}

export interface ZaloPlatformDeps {
  store: Store;
  log: Logger;
  clock: Clock;
  /** Messages nobody asked for: the quota warnings go through it. */
  notices?: NoticeHub;
  /** Administrators (ADMIN_IDS): told at 80 % of the quota and when Zalo begins refusing. */
  admins: readonly AdminId[];
}

/**
 * Zalo as the chat channel sees it: our undici client, how updates read (text for the
 * router with the @mention stripped, a hint for a picture or sticker in a private chat,
 * nothing for the rest), the plain or markdown renderer, and a sender that counts every
 * message against the monthly quota and serves pictures at PUBLIC_BASE_URL.
 */
export class ZaloPlatform implements ChatPlatform {
  readonly name = 'zalo' as const;
  /** "zalo:<bot id>": the key of this bot's rows in the shared tables. */
  readonly key: string;
  readonly client: ZaloClient;
  readonly renderer: ReplyRenderer;
  readonly sender: ZaloSender;
  readonly quota: ZaloQuota;
  readonly images: ZaloImages | null;
  private self: ZaloBotInfo | null = null;
  private names: string[] = [];

  constructor(opts: ZaloPlatformOptions, deps: ZaloPlatformDeps) {
    this.key = `zalo:${opts.token.split(':')[0]}`;
    this.client = new ZaloClient({ token: opts.token, apiRoot: opts.apiRoot, ...opts.client });
    this.renderer = opts.renderer ?? new ZaloRenderer({ markdown: opts.markdown });
    this.quota = new ZaloQuota(deps.store, this.key, opts.monthlyQuota, deps.clock);
    this.images = opts.publicBaseUrl ? new ZaloImages(deps.store, this.key, opts.publicBaseUrl, deps.clock) : null;
    const notices = deps.notices ? new ZaloQuotaNotices(deps.notices, this.quota, deps.admins, this.key, deps.log) : null;
    this.sender = new ZaloSender(this.client, deps.log, {
      images: this.images,
      quota: this.quota,
      ...(notices ? { onQuotaWarning: (month, sent) => notices.warn(month, sent), onLimited: (since) => notices.limited(since) } : {}),
    });
  }

  /** The bot's own account, once connected. */
  get info(): ZaloBotInfo | null {
    return this.self;
  }

  async connect(): Promise<void> {
    try {
      this.self = await this.client.getMe();
    } catch (err) {
      if (err instanceof ZaloError && err.code === 'auth') throw new PlatformAuthError(TEXT.tokenRefused('Zalo', 'ZALO_BOT_TOKEN', err.errorCode ?? 401, 'Zalo Bot Creator'));
      throw err;
    }
    this.names = botNames(this.self);
  }

  identify(raw: unknown): UpdateIds | null {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
    const parsed = parseUpdate(raw as Record<string, unknown>);
    if (parsed.kind === 'update') return { key: parsed.update.message.message_id, chatId: parsed.update.message.chat.id };
    return parsed.messageId ? { key: parsed.messageId, chatId: null } : null;
  }

  interpret(raw: unknown): ChannelEvent {
    const parsed = parseUpdate(raw as Record<string, unknown>);
    if (parsed.kind === 'ignored') return { kind: 'ignore', reason: parsed.reason };
    const action = toAction(parsed.update, this.names);
    switch (action.kind) {
      case 'route':
        return { kind: 'message', message: action.message };
      case 'hint':
        return { kind: 'hint', chat: action.chat, reply: { status: 'user_error', blocks: [{ kind: 'text', text: ZALO_TEXT.onlyText }] } };
      case 'quiet':
        return { kind: 'ignore', reason: 'quiet' };
    }
  }

  async housekeeping(): Promise<void> {
    await this.images?.prune();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
