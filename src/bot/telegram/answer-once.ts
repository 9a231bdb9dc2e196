import type { Context, MiddlewareFn } from 'grammy';
import type { Clock } from '../../core/clock.js';
import type { UpdateLog } from '../../delivery/update-log.js';
import type { Logger } from '../../log.js';

/**
 * Middleware that lets each update through once: it is claimed in the persisted update
 * log before the features run and marked done after, so an update Telegram delivers
 * again (after a restart, a webhook retry) is skipped.
 */
export function answerOnce(updates: UpdateLog, clock: Clock, log: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const key = String(ctx.update.update_id);
    if (!(await updates.claim(key, clock.now()))) {
      log.info('duplicate update ignored', { update: ctx.update.update_id });
      return;
    }
    await next();
    await updates.done(key, clock.now());
  };
}
