import type { Choice, Pagination, Reply } from './reply.js';

/** What a chat was last offered: options to pick by number, or pages to move through. */
export interface Offer {
  choices?: Choice[];
  pagination?: Pagination;
  expiresAt: number;
}

/**
 * Remembers the last offer per chat so that a bare "2" picks option 2 (Zalo and the
 * console have no buttons). Offers expire after 30 minutes.
 */
export interface OfferMemory {
  get(chatKey: string, now: number): Promise<Offer | null>;
  set(chatKey: string, offer: Offer): Promise<void>;
  clear(chatKey: string): Promise<void>;
}

export const OFFER_TTL_MS = 30 * 60_000;

/** In-process offer memory (one instance; a store-backed one serves several). */
export class InMemoryOffers implements OfferMemory {
  private readonly offers = new Map<string, Offer>();

  async get(chatKey: string, now: number): Promise<Offer | null> {
    const o = this.offers.get(chatKey);
    if (!o) return null;
    if (o.expiresAt <= now) {
      this.offers.delete(chatKey);
      return null;
    }
    return o;
  }

  async set(chatKey: string, offer: Offer): Promise<void> {
    if (this.offers.size > 10_000) this.offers.clear();
    this.offers.set(chatKey, offer);
  }

  async clear(chatKey: string): Promise<void> {
    this.offers.delete(chatKey);
  }
}

/** The chat key offers are kept under: "<platform>:<chat id>". */
export function offerKey(platform: string, chatId: string): string {
  return `${platform}:${chatId}`;
}

/**
 * Remembers what a reply offers (choices, pages) in its chat, for a bare number answered
 * next; replies that offer nothing leave the last offer as it was.
 */
export async function rememberOffer(offers: OfferMemory, chatKey: string, reply: Reply, now: Date): Promise<void> {
  if (!reply.choices && !reply.pagination) return;
  await offers.set(chatKey, {
    ...(reply.choices ? { choices: reply.choices.options } : {}),
    ...(reply.pagination ? { pagination: reply.pagination } : {}),
    expiresAt: now.getTime() + OFFER_TTL_MS,
  });
}
