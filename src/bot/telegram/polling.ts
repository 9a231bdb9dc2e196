import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Logger } from '../../log.js';
import { ALLOWED_UPDATES, type TelegramBot } from './bot.js';

/** A running long-polling loop. */
export interface Polling {
  /** Stops fetching, finishes the updates in flight and confirms them to Telegram. */
  stop(): Promise<void>;
}

export interface PollingOptions {
  /** Seconds each getUpdates call may wait for updates (default 30). */
  timeoutSeconds?: number;
  /** Most updates handled at once across chats (default 500); one chat's updates run in order. */
  concurrency?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Receives updates by long polling with @grammyjs/runner: updates of different chats are
 * handled concurrently, those of one chat in order (the bot sequentializes by chat).
 * A webhook left from webhook mode is removed first (Telegram refuses getUpdates while
 * one is set); pending updates are kept.
 */
export async function startPolling(tb: TelegramBot, log: Logger, opts: PollingOptions = {}): Promise<Polling> {
  await tb.bot.api.deleteWebhook({ drop_pending_updates: false });
  const handle: RunnerHandle = run(tb.bot, {
    runner: { fetch: { timeout: opts.timeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
    sink: { concurrency: opts.concurrency ?? 500 },
  });
  const task = handle.task();
  if (task) {
    tb.supervisor.run('telegram polling', async () => {
      await task;
    });
  }
  log.info('telegram polling started', { username: tb.bot.botInfo.username });
  return {
    async stop() {
      tb.beginStop();
      if (handle.isRunning()) await handle.stop();
      // Updates already fetched are all started by the runner; wait until they are done.
      while (handle.size() > 0) await pause(10);
      await tb.finish();
      // Telegram forgets updates only when a later getUpdates names a higher offset;
      // without this, the last batch would come again after a restart (and be skipped
      // by the update log, at the cost of a round trip).
      if (tb.lastUpdateId >= 0) {
        await tb.bot.api.getUpdates({ offset: tb.lastUpdateId + 1, limit: 1, timeout: 0 }).catch((err: unknown) => {
          log.debug('could not confirm the last updates', { error: err });
        });
      }
      log.info('telegram polling stopped');
    },
  };
}
