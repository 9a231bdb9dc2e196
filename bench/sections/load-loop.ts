/**
 * The load the chat benchmarks put on a fake platform server: N chats, each sending its
 * next message as soon as the previous one is answered, timing each answer.
 */

/** ANSWER_GRACE_MS past the end of a run, unanswered messages are given up on (and counted). */
export const ANSWER_GRACE_MS = 30_000;

/** What one run measured. */
export interface RunResult {
  latencies: number[];
  seconds: number;
  /** Updates still without an answer when the run gave up waiting (should be 0). */
  unanswered: number;
}

/** What the loop needs of a fake server: inject a user's message, hear the bot's sends. */
export interface LoadTarget {
  /** Makes a user message available to the bot in `chat`. */
  send(chat: string, text: string): void;
  /** Calls `listener` for every message the bot sends; returns a function that stops listening. */
  onSend(listener: (chat: string, at: number) => void): () => void;
  /** Forgets recorded traffic between runs. */
  reset(): void;
}

/** N chats in a closed loop for `warmupMs` + `measureMs`; latencies only from the measured window. */
export function closedLoop(target: LoadTarget, chats: string[], warmupMs: number, measureMs: number, texts: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const pushedAt = new Map<string, number>();
    const latencies: number[] = [];
    const measureFrom = performance.now() + warmupMs;
    const measureTo = measureFrom + measureMs;
    let sent = 0;
    let outstanding = 0;
    const end = () => {
      stop();
      clearTimeout(guard);
      target.reset();
      resolve({ latencies, seconds: measureMs / 1000, unanswered: outstanding });
    };
    // Never wait forever for a reply that does not come: report it as unanswered.
    const guard = setTimeout(end, warmupMs + measureMs + ANSWER_GRACE_MS);
    const push = (chat: string) => {
      pushedAt.set(chat, performance.now());
      outstanding++;
      target.send(chat, texts[sent++ % texts.length]!);
    };
    const stop = target.onSend((chat, at) => {
      const started = pushedAt.get(chat);
      if (started === undefined) return;
      pushedAt.delete(chat);
      outstanding--;
      if (started >= measureFrom && at <= measureTo) latencies.push(at - started);
      if (at < measureTo) push(chat);
      else if (outstanding === 0) end();
    });
    for (const chat of chats) push(chat);
  });
}
