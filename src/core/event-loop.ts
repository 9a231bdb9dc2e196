/**
 * Lets the event loop run what waits (replies to people, webhooks, /healthz, the outbox's
 * sends) before going on. Long loops of store work call it between steps: the SQLite
 * driver is synchronous, so awaiting its results alone never gives the loop a turn.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
