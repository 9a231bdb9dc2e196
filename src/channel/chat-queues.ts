/**
 * Runs work one chat at a time, in arrival order, while different chats run side by side:
 * a chat's second command is answered after its first even when the first is slow.
 */
export class ChatQueues {
  /** The last work queued per chat, settled either way (a failure must not stop the chat). */
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `work` behind the chat's earlier work; the result is the work's own (it may reject). */
  run(chatId: string, work: () => Promise<void>): Promise<void> {
    const before = this.tails.get(chatId) ?? Promise.resolve();
    const result = before.then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(chatId, tail);
    void tail.then(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
    });
    return result;
  }

  /** Chats with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
