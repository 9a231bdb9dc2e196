import type { DecisionOffer, Offer, OfferMemory } from '../core/memory.js';
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
    const offer = JSON.parse(row.payload) as Offer;
    return { ...offer, madeAt: offer.madeAt ?? 0 };
  }

  async set(chatKey: string, offer: Offer): Promise<void> {
    await this.store.sql.run(
      'INSERT INTO chat_offer (chat_key, payload, expires_at) VALUES (?, ?, ?) ON CONFLICT (chat_key) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at',
      [chatKey, JSON.stringify(offer), new Date(offer.expiresAt)],
    );
    if (++this.writes % 500 === 0) {
      await this.store.sql.run('DELETE FROM chat_offer WHERE expires_at < ?', [new Date(offer.expiresAt - 2 * 3_600_000)]);
      await this.store.sql.run('DELETE FROM decision_offer WHERE expires_at < ?', [new Date(offer.madeAt)]);
    }
  }

  async clear(chatKey: string): Promise<void> {
    await this.store.sql.run('DELETE FROM chat_offer WHERE chat_key = ?', [chatKey]);
  }

  async decisions(chatKey: string, now: number): Promise<DecisionOffer[]> {
    const rows = await this.store.sql.all<{ ref: string; label: string; payload: string; created_at: unknown; expires_at: unknown }>(
      'SELECT ref, label, payload, created_at, expires_at FROM decision_offer WHERE chat_key = ? AND expires_at > ? ORDER BY created_at DESC, ref DESC',
      [chatKey, new Date(now)],
    );
    return rows.map((r) => ({ ref: r.ref, label: r.label, choices: JSON.parse(r.payload) as DecisionOffer['choices'], madeAt: toDate(r.created_at).getTime(), expiresAt: toDate(r.expires_at).getTime() }));
  }

  async addDecision(chatKey: string, d: DecisionOffer): Promise<void> {
    await this.store.sql.run(
      `INSERT INTO decision_offer (chat_key, ref, label, payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (chat_key, ref) DO UPDATE SET label = excluded.label, payload = excluded.payload, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      [chatKey, d.ref, d.label, JSON.stringify(d.choices), new Date(d.madeAt), new Date(d.expiresAt)],
    );
  }

  async dropDecision(ref: string): Promise<void> {
    await this.store.sql.run('DELETE FROM decision_offer WHERE ref = ?', [ref]);
  }
}
