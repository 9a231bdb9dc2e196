import { createHash } from 'node:crypto';
import type { Store } from '../data/store.js';

/** Characters of a short id: 16 base64url characters are 96 bits, and 16 bytes on the wire. */
const ID_LENGTH = 16;
/** How long this process trusts that an id it stored is still in the table. */
const KNOWN_FOR_MS = 24 * 3_600_000;
const MAX_KNOWN = 20_000;

/**
 * Button actions kept server-side behind short ids, so a button carries a few ASCII bytes
 * (Telegram allows 64) and never a Vietnamese name. The id is a hash of the platform, the
 * chat and the action: the same button always gets the same id, storing it twice is a
 * no-op, and any instance sharing the store resolves it. An id only resolves in the chat
 * it was made for.
 */
export class CallbackIds {
  /** Ids this process stored recently (skips a write when the same buttons are shown again). */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly store: Store,
    readonly platform: string,
  ) {}

  /** The id of an action (any JSON value) in a chat, stored for later resolution. */
  async idFor(chatId: string, action: unknown, now: Date): Promise<string> {
    const json = JSON.stringify(action);
    const id = createHash('sha256').update(`${this.platform}\n${chatId}\n${json}`).digest('base64url').slice(0, ID_LENGTH);
    const knownAt = this.known.get(id);
    if (knownAt !== undefined && now.getTime() - knownAt < KNOWN_FOR_MS) return id;
    await this.store.sql.run(
      `INSERT INTO callback_action (id, platform, chat_id, action, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at`,
      [id, this.platform, chatId, json, now],
    );
    if (this.known.size >= MAX_KNOWN) this.known.clear();
    this.known.set(id, now.getTime());
    return id;
  }

  /** The action behind an id, or null when unknown, expired or made for another chat. */
  async resolve(id: string, chatId: string): Promise<unknown> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
    const row = await this.store.sql.get<{ chat_id: string; action: string }>(
      'SELECT chat_id, action FROM callback_action WHERE id = ? AND platform = ?',
      [id, this.platform],
    );
    if (!row || row.chat_id !== chatId) return null;
    try {
      return JSON.parse(row.action) as unknown;
    } catch {
      return null;
    }
  }

  /** Forgets actions stored before `before`; their buttons then answer "expired". */
  async prune(before: Date): Promise<number> {
    this.known.clear();
    const r = await this.store.prisma.callbackAction.deleteMany({ where: { platform: this.platform, createdAt: { lt: before } } });
    return r.count;
  }
}
