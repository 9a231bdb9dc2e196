import { yieldToEventLoop } from '../core/event-loop.js';
import { offerKey, rememberDecision, type OfferMemory } from '../core/memory.js';
import { decodeReply, encodeReply, isReply, type Reply } from '../core/reply.js';
import type { Platform } from '../core/request.js';
import type { SqlExecutor } from '../data/sql/driver.js';
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
  /**
   * What the notice's choices decide (a registration's code, and a few words on it), so
   * that a bare number answered in that chat finds it, or asks which decision is meant.
   * Without it the notice's key stands for it.
   */
  decision?: { ref: string; label: string };
}

/** How a notice is kept: its reply, and what its choices decide. */
interface StoredNotice {
  reply: Reply;
  decision?: Notice['decision'];
}

/** Reads a stored notice (also one kept as a bare reply). */
function readStored(payload: string): StoredNotice {
  const parsed = JSON.parse(payload) as StoredNotice | Reply;
  const stored = isReply(parsed) ? { reply: parsed } : parsed;
  return { ...stored, reply: decodeReply(stored.reply) };
}

/** How a running channel takes a notice: sends it, or puts it in its own outbox. */
export type NoticeSink = (notice: Notice) => Promise<void>;

/**
 * Notices leave through the channel of their platform. Each is stored first, so one made
 * while that channel is not running (an administrator working from `npm run ask`, a
 * restart) is handed over when the channel registers; a stored notice is claimed before it
 * is handed over, so two instances never both send it.
 */
/** Notices read from the store at a time while flushing. */
const FLUSH_BATCH = 200;

export class NoticeHub {
  private readonly sinks = new Map<Platform, NoticeSink>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date,
    /** Where a notice's choices are remembered as a decision, so "1" answered on Zalo can pick the first. */
    private readonly offers?: OfferMemory,
  ) {}

  /** Stores the notice and hands it over now if its platform's channel runs here. */
  async notify(n: Notice): Promise<void> {
    if ((await this.record(this.store.sql, n)) && this.sinks.has(n.platform)) await this.flush(n.platform);
  }

  /**
   * Stores a notice inside a transaction the caller holds (so it exists exactly when the
   * change it tells of does); `flush` its platform after the commit. True when added now.
   */
  async record(tx: SqlExecutor, n: Notice): Promise<boolean> {
    const added = await tx.run(
      'INSERT INTO notice (key, platform, chat_id, is_group, payload, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      [n.key, n.platform, n.chatId, n.isGroup, JSON.stringify({ reply: encodeReply(n.reply), ...(n.decision ? { decision: n.decision } : {}) }), this.now()],
    );
    return added === 1;
  }

  /** A decision offered in notices was taken: a bare number no longer answers it, anywhere. */
  async decided(ref: string): Promise<void> {
    await this.offers?.dropDecision(ref);
  }

  /** A channel announces it can take its platform's notices; waiting ones go now. */
  async register(platform: Platform, sink: NoticeSink): Promise<void> {
    this.sinks.set(platform, sink);
    await this.flush(platform);
  }

  unregister(platform: Platform): void {
    this.sinks.delete(platform);
  }

  /**
   * Hands over every stored notice of a platform not handed over yet, oldest first, then
   * marks it handed over: a crash in between hands it over again at the next flush, and
   * the channel's outbox takes a notice's key once, so nothing is lost and nothing doubled
   * (also when two instances flush at once).
   */
  async flush(platform: Platform): Promise<number> {
    const sink = this.sinks.get(platform);
    if (!sink) return 0;
    let handed = 0;
    for (;;) {
      const rows = await this.store.sql.all<{ id: unknown; key: string; chat_id: string; is_group: unknown; payload: string }>(
        `SELECT id, key, chat_id, is_group, payload FROM notice WHERE platform = ? AND delivered_at IS NULL ORDER BY id LIMIT ${FLUSH_BATCH}`,
        [platform],
      );
      let now = 0;
      for (const r of rows) {
        // The channel stopped (or another took its place): what is left waits for the next one.
        if (this.sinks.get(platform) !== sink) return handed + now;
        const stored = readStored(r.payload);
        const notice: Notice = {
          platform,
          chatId: r.chat_id,
          isGroup: r.is_group === true || Number(r.is_group) === 1,
          reply: stored.reply,
          key: r.key,
          ...(stored.decision ? { decision: stored.decision } : {}),
        };
        try {
          await sink(notice);
        } catch (err) {
          // Left waiting: the next flush retries it.
          this.log.warn('notice not handed over', { platform, chat: r.chat_id, error: err });
          continue;
        }
        const marked = await this.store.sql.run('UPDATE notice SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL', [this.now(), r.id]);
        // Another instance handed it over meanwhile: its decision is remembered there.
        if (marked === 1 && this.offers) await rememberDecision(this.offers, offerKey(platform, notice.chatId), notice.reply, notice.decision ?? { ref: notice.key, label: firstText(notice.reply) }, this.now());
        now++;
        // A thousand digests handed over in one go would hold the event loop for seconds:
        // the outbox starts sending the first while the rest follow, and people get answers.
        await yieldToEventLoop();
      }
      handed += now;
      if (rows.length < FLUSH_BATCH || now === 0) return handed;
    }
  }

  /** Notices of a platform still waiting for its channel. */
  async waiting(platform: Platform): Promise<number> {
    const r = await this.store.sql.get<{ n: unknown }>('SELECT COUNT(*) AS n FROM notice WHERE platform = ? AND delivered_at IS NULL', [platform]);
    return Number(r?.n ?? 0);
  }
}

/** The first line of a reply's first block: what a notice is about. */
function firstText(reply: Reply): string {
  const b = reply.blocks[0];
  const text = !b ? '' : b.kind === 'fields' ? b.rows.map((r) => `${r.label}: ${r.value}`).join('; ') : b.kind === 'list' ? (b.heading ?? b.items[0] ?? '') : b.text;
  return text.split('\n')[0]!.slice(0, 200);
}
