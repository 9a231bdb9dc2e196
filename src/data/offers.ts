import type { Offer, OfferMemory } from '../core/memory.js';
import { toDate } from './sql/driver.js';
import type { Store } from './store.js';

/**
 * Offers kept in the store, so that behind several instances (webhooks spread over them)
 * a bare number reaches whichever instance made the offer. Expired rows are ignored and
 * cleared now and then.
 */
export class StoreOffers implements OfferMemory {
  private writes = 0;

  constructor(private readonly store: Store) {}

  async get(chatKey: string, now: number): Promise<Offer | null> {
    const row = await this.store.sql.get<{ payload: string; expires_at: unknown }>('SELECT payload, expires_at FROM chat_offer WHERE chat_key = ?', [chatKey]);
    if (!row || toDate(row.expires_at).getTime() <= now) return null;
    return JSON.parse(row.payload) as Offer;
  }

  async set(chatKey: string, offer: Offer): Promise<void> {
    await this.store.sql.run(
      'INSERT INTO chat_offer (chat_key, payload, expires_at) VALUES (?, ?, ?) ON CONFLICT (chat_key) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at',
      [chatKey, JSON.stringify(offer), new Date(offer.expiresAt)],
    );
    if (++this.writes % 500 === 0) await this.store.sql.run('DELETE FROM chat_offer WHERE expires_at < ?', [new Date(offer.expiresAt - 2 * 3_600_000)]);
  }

  async clear(chatKey: string): Promise<void> {
    await this.store.sql.run('DELETE FROM chat_offer WHERE chat_key = ?', [chatKey]);
  }
}
