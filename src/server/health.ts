import type { Channel } from '../channel/chat-channel.js';
import type { HttpServer } from './http-server.js';

/**
 * Health of the process for a load balancer or a supervisor: /healthz answers 200 while
 * the process lives, with each chat channel's state; /readyz answers 200 only when every
 * configured channel answers, and 503 while one is still reaching its platform, was
 * refused, or is stopping.
 */
export function healthRoutes(http: HttpServer, channels: readonly Channel[]): void {
  const states = () => Object.fromEntries(channels.map((c) => [c.name, c.state]));
  http.reportHealth(() => ({ channels: states() }));
  http.route('GET', '/readyz', () => {
    const ready = channels.every((c) => c.state === 'ready');
    return { status: ready ? 200 : 503, body: { ok: ready, channels: states() } };
  });
}
