import { offerKey, rememberOffer, type OfferMemory } from '../core/memory.js';
import type { Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import type { Store } from '../data/store.js';
import type { Logger } from '../log.js';

/** A message nobody asked for, to one chat. */
export interface Notice {
  platform: Platform;
  chatId: string;
  isGroup: boolean;
  reply: Reply;
  /** Idempotency: notifying twice with one key sends once. */
  key: string;
}

/** How a running channel takes a notice: sends it, or puts it in its own outbox. */
export type NoticeSink = (notice: Notice) => Promise<void>;

/**
 * Notices leave through the channel of their platform. Each is stored first, so one made
 * while that channel is not running (an administrator working from `npm run ask`, a
 * restart) is handed over when the channel registers; a stored notice is claimed before it
 * is handed over, so two instances never both send it.
 */
export class NoticeHub {
  private readonly sinks = new Map<Platform, NoticeSink>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date,
    /** Where a notice's choices are remembered, so "1" answered on Zalo picks the first. */
    private readonly offers?: OfferMemory,
  ) {}

  /** Stores the notice and hands it over now if its platform's channel runs here. */
  async notify(n: Notice): Promise<void> {
    const added = await this.store.sql.run(
      'INSERT INTO notice (key, platform, chat_id, is_group, payload, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      [n.key, n.platform, n.chatId, n.isGroup, JSON.stringify(n.reply), this.now()],
    );
    if (added === 1 && this.sinks.has(n.platform)) await this.flush(n.platform);
  }

  /** A channel announces it can take its platform's notices; waiting ones go now. */
  async register(platform: Platform, sink: NoticeSink): Promise<void> {
    this.sinks.set(platform, sink);
    await this.flush(platform);
  }

  unregister(platform: Platform): void {
    this.sinks.delete(platform);
  }

  /** Hands over every stored notice of a platform not handed over yet, oldest first. */
  async flush(platform: Platform): Promise<number> {
    const sink = this.sinks.get(platform);
    if (!sink) return 0;
    const rows = await this.store.sql.all<{ id: unknown; key: string; chat_id: string; is_group: unknown; payload: string }>(
      'SELECT id, key, chat_id, is_group, payload FROM notice WHERE platform = ? AND delivered_at IS NULL ORDER BY id LIMIT 200',
      [platform],
    );
    let handed = 0;
    for (const r of rows) {
      const claimed = await this.store.sql.run('UPDATE notice SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL', [this.now(), r.id]);
      if (claimed !== 1) continue;
      const notice: Notice = {
        platform,
        chatId: r.chat_id,
        isGroup: r.is_group === true || Number(r.is_group) === 1,
        reply: JSON.parse(r.payload) as Reply,
        key: r.key,
      };
      try {
        await sink(notice);
        if (this.offers) await rememberOffer(this.offers, offerKey(platform, notice.chatId), notice.reply, this.now());
        handed++;
      } catch (err) {
        // Give it back so the next flush retries it.
        await this.store.sql.run('UPDATE notice SET delivered_at = NULL WHERE id = ?', [r.id]);
        this.log.warn('notice not handed over', { platform, chat: r.chat_id, error: err });
      }
    }
    return handed;
  }

  /** Notices of a platform still waiting for its channel. */
  async waiting(platform: Platform): Promise<number> {
    const r = await this.store.sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM notice WHERE platform = ? AND delivered_at IS NULL', [platform]);
    return Number(r?.n ?? 0);
  }
}
