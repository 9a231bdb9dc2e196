import type { Logger } from '../log.js';

/** Platforms show "typing…" for about 5 seconds after each chat action. */
const REPEAT_MS = 4_500;

/**
 * Shows "typing…" in a chat while a command is slow: nothing when the reply comes within
 * `afterMs`, then the chat action every 4.5 s until `stop` is called. Best effort: a
 * failed chat action is only logged at debug level.
 */
export function startTyping(send: () => Promise<unknown>, afterMs: number, log: Logger): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    send().catch((err: unknown) => log.debug('typing action failed', { error: err }));
    timer = setTimeout(tick, REPEAT_MS);
  };
  timer = setTimeout(tick, afterMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
