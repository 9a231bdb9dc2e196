import type { App } from '../app.js';
import { Lease } from '../cluster/lease.js';
import type { Env } from '../config/env.js';
import type { AlertChat } from './chats.js';
import { AlertsScheduler } from './scheduler.js';

/** How often the scheduler looks at the clock. */
const TICK_MS = 2_000;

/** The running alerts: the scheduler, played by one instance at a time (the "scheduler" lease). */
export interface RunningAlerts {
  readonly scheduler: AlertsScheduler;
  stop(): Promise<void>;
}

/**
 * Starts the alerts' scheduler under the "scheduler" lease: only the instance holding it
 * runs passes; another takes over when it dies or stops.
 */
export async function startAlerts(app: App, env: Env, extraChats: readonly AlertChat[] = [], tickMs = TICK_MS): Promise<RunningAlerts> {
  const scheduler = new AlertsScheduler({ ctx: app.ctx, log: app.log, dryRun: env.ALERTS_DRY_RUN, extraChats: () => extraChats });
  const lease = new Lease(app.store, 'scheduler', app.instance.id, app.log, {
    onAcquired: async () => scheduler.start(tickMs),
    onLost: () => scheduler.stop(),
  });
  await lease.start();
  return {
    scheduler,
    async stop() {
      await lease.stop();
      await scheduler.stop();
    },
  };
}
