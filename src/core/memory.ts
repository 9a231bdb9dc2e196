import type { Choice, Pagination, Reply } from './reply.js';

/** What a chat was last offered in a reply: options to pick by number, or pages to move through. */
export interface Offer {
  choices?: Choice[];
  pagination?: Pagination;
  /** When it was offered (epoch ms). */
  madeAt: number;
  expiresAt: number;
}

/**
 * A decision offered to a chat in a message nobody asked for (approve or reject
 * registration DK12). Several may wait in one chat; `ref` names what is decided.
 */
export interface DecisionOffer {
  ref: string;
  /** What is decided, in a few words, for "which request?" ("DK12: nhóm xã, phường · …"). */
  label: string;
  choices: Choice[];
  madeAt: number;
  expiresAt: number;
}

/**
 * Remembers what a chat was offered, so that a bare "2" picks option 2 (Zalo and the
 * console have no buttons): the last reply's offer (30 minutes), and the decisions
 * offered in notices (7 days, until decided).
 */
export interface OfferMemory {
  get(chatKey: string, now: number): Promise<Offer | null>;
  set(chatKey: string, offer: Offer): Promise<void>;
  clear(chatKey: string): Promise<void>;
  /** Decisions waiting in a chat, newest first. */
  decisions(chatKey: string, now: number): Promise<DecisionOffer[]>;
  addDecision(chatKey: string, decision: DecisionOffer): Promise<void>;
  /** Forgets a decision in every chat it was offered in (it was decided). */
  dropDecision(ref: string): Promise<void>;
}

const OFFER_TTL_MS = 30 * 60_000;
const DECISION_TTL_MS = 7 * 24 * 3_600_000;

/** In-process offer memory (one instance; a store-backed one serves several). */
export class InMemoryOffers implements OfferMemory {
  private readonly offers = new Map<string, Offer>();
  private readonly pending = new Map<string, DecisionOffer[]>();

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

  async decisions(chatKey: string, now: number): Promise<DecisionOffer[]> {
    return (this.pending.get(chatKey) ?? []).filter((d) => d.expiresAt > now).sort((a, b) => b.madeAt - a.madeAt);
  }

  async addDecision(chatKey: string, decision: DecisionOffer): Promise<void> {
    const list = (this.pending.get(chatKey) ?? []).filter((d) => d.ref !== decision.ref);
    this.pending.set(chatKey, [...list, decision]);
  }

  async dropDecision(ref: string): Promise<void> {
    for (const [chat, list] of this.pending) this.pending.set(chat, list.filter((d) => d.ref !== ref));
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
    madeAt: now.getTime(),
    expiresAt: now.getTime() + OFFER_TTL_MS,
  });
}

/** The decision a notice offers, remembered in the chat it went to. */
export async function rememberDecision(offers: OfferMemory, chatKey: string, reply: Reply, what: { ref: string; label: string }, now: Date): Promise<void> {
  if (!reply.choices || reply.choices.options.length === 0) return;
  await offers.addDecision(chatKey, { ref: what.ref, label: what.label, choices: reply.choices.options, madeAt: now.getTime(), expiresAt: now.getTime() + DECISION_TTL_MS });
}
