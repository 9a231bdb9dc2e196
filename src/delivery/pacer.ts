/** A platform's sending limits (Telegram: about 1 message a second per chat, 20 a minute per group, 30 a second overall). */
export interface Pacing {
  /** Least time between two messages to one chat. */
  perChatIntervalMs: number;
  /** Most messages to one group within a minute. */
  groupPerMinute: number;
  /** Most messages per second overall. */
  perSecond: number;
}

/**
 * Windows are held a little longer than the platform's own: a message is recorded when it
 * leaves, and the platform counts it when it arrives, which may be later for one message
 * than for the next.
 */
const SECOND_MS = 1_000 + 40;
const MINUTE_MS = 60_000 + 500;

/**
 * Keeps sending within a platform's limits: says how long a message to a chat must still
 * wait, and records each message sent. Replies to people are recorded but never held back
 * (the platforms allow short bursts and answer 429 when they do not): the outbox, which
 * sends what nobody is waiting for, spends only what they leave.
 */
export class Pacer {
  private readonly lastByChat = new Map<string, number>();
  private readonly groupSends = new Map<string, number[]>();
  private globalSends: number[] = [];
  private shares = 1;

  constructor(readonly pacing: Pacing) {}

  /**
   * The limits are the bot's, not each instance's: with `n` live instances sharing one
   * outbox, each sends at most its share (they all take from the same queue, so together
   * they still reach the whole limit).
   */
  share(n: number): void {
    this.shares = Math.max(1, Math.floor(n));
  }

  private get perSecond(): number {
    return Math.max(1, Math.floor(this.pacing.perSecond / this.shares));
  }

  private get groupPerMinute(): number {
    return Math.max(1, Math.floor(this.pacing.groupPerMinute / this.shares));
  }

  private recentGlobal(now: number): number[] {
    while (this.globalSends.length > 0 && this.globalSends[0]! <= now - SECOND_MS) this.globalSends.shift();
    return this.globalSends;
  }

  /** How many messages may go now overall. */
  room(now: number): number {
    return Math.max(0, this.perSecond - this.recentGlobal(now).length);
  }

  /** Milliseconds until at least one message may go overall (0: now). */
  untilRoom(now: number): number {
    const global = this.recentGlobal(now);
    return global.length < this.perSecond ? 0 : Math.max(0, global[global.length - this.perSecond]! + SECOND_MS - now);
  }

  /** Milliseconds to wait before a message to this chat may go (0: now). */
  waitFor(chatId: string, isGroup: boolean, now: number): number {
    return Math.max(0, this.chatFreeAt(chatId, now, isGroup) - now, this.untilRoom(now));
  }

  /**
   * When a chat may next have a message under its own limits (the interval since its last
   * message, a group's minute), whatever the overall room; 0 for a chat never paced.
   */
  private chatFreeAt(chatId: string, now: number, isGroup = this.groupSends.has(chatId)): number {
    const last = this.lastByChat.get(chatId);
    let at = last === undefined ? 0 : last + this.pacing.perChatIntervalMs;
    const sends = isGroup ? this.groupSends.get(chatId) : undefined;
    if (sends) {
      const recent = sends.filter((t) => t > now - MINUTE_MS);
      this.groupSends.set(chatId, recent);
      if (recent.length >= this.groupPerMinute) at = Math.max(at, recent[recent.length - this.groupPerMinute]! + MINUTE_MS);
    }
    return at;
  }

  /**
   * The chats no message may go to now for their own limits, and when the first of them is
   * free again (null: none held). The outbox passes over them when it claims, so a claimed
   * message can go at once and the overall room is not spent on messages put back.
   */
  held(now: number): { chats: string[]; freeAt: number | null } {
    const chats: string[] = [];
    let freeAt: number | null = null;
    for (const chat of new Set([...this.lastByChat.keys(), ...this.groupSends.keys()])) {
      const at = this.chatFreeAt(chat, now);
      if (at <= now) continue;
      chats.push(chat);
      if (freeAt === null || at < freeAt) freeAt = at;
    }
    return { chats, freeAt };
  }

  /** Records a message sent to a chat at `now`. */
  record(chatId: string, isGroup: boolean, now: number): void {
    this.lastByChat.set(chatId, now);
    this.globalSends.push(now);
    if (isGroup) this.groupSends.set(chatId, [...(this.groupSends.get(chatId) ?? []), now]);
    if (this.lastByChat.size > 10_000) this.forget(now);
  }

  /**
   * A message recorded at `departedAt` has been answered at `at`: in the overall window its
   * time moves there. The platform counts a message when it arrives, which for a slow
   * request (the first on a new connection) is well after it left; counting the overall
   * rate from the answer keeps a burst of 30 from letting the 31st through too early.
   */
  settle(departedAt: number, at: number): void {
    const i = this.globalSends.lastIndexOf(departedAt);
    if (i < 0) return;
    this.globalSends[i] = at;
    this.globalSends.sort((a, b) => a - b);
  }

  private forget(now: number): void {
    for (const [chat, t] of this.lastByChat) if (t < now - MINUTE_MS) this.lastByChat.delete(chat);
    for (const [chat, ts] of this.groupSends) if (ts.every((t) => t < now - MINUTE_MS)) this.groupSends.delete(chat);
  }
}
