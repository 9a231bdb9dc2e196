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
 * Keeps the outbox within a platform's limits: says how long a message to a chat must
 * still wait, and records each message sent. Interactive replies are not paced (the
 * platforms allow short bursts and answer 429 when they do not); queued ones are.
 */
export class Pacer {
  private readonly lastByChat = new Map<string, number>();
  private readonly groupSends = new Map<string, number[]>();
  private globalSends: number[] = [];

  constructor(readonly pacing: Pacing) {}

  /** Milliseconds to wait before a message to this chat may go (0: now). */
  waitFor(chatId: string, isGroup: boolean, now: number): number {
    let wait = 0;
    const last = this.lastByChat.get(chatId);
    if (last !== undefined) wait = Math.max(wait, last + this.pacing.perChatIntervalMs - now);
    this.globalSends = this.globalSends.filter((t) => t > now - 1000);
    if (this.globalSends.length >= this.pacing.perSecond) wait = Math.max(wait, this.globalSends[0]! + 1000 - now);
    if (isGroup) {
      const recent = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
      this.groupSends.set(chatId, recent);
      if (recent.length >= this.pacing.groupPerMinute) wait = Math.max(wait, recent[0]! + 60_000 - now);
    }
    return Math.max(0, wait);
  }

  /** Records a message sent to a chat at `now`. */
  record(chatId: string, isGroup: boolean, now: number): void {
    this.lastByChat.set(chatId, now);
    this.globalSends.push(now);
    if (isGroup) this.groupSends.set(chatId, [...(this.groupSends.get(chatId) ?? []), now]);
    if (this.lastByChat.size > 10_000) this.forget(now);
  }

  private forget(now: number): void {
    for (const [chat, t] of this.lastByChat) if (t < now - 60_000) this.lastByChat.delete(chat);
    for (const [chat, ts] of this.groupSends) if (ts.every((t) => t < now - 60_000)) this.groupSends.delete(chat);
  }
}
