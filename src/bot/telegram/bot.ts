import { sequentialize } from '@grammyjs/runner';
import { Bot, BotError, type Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { systemClock, type Clock } from '../../core/clock.js';
import type { Settings } from '../../core/context.js';
import type { Router } from '../../core/router.js';
import type { Store } from '../../data/store.js';
import { CallbackIds } from '../../delivery/callback-ids.js';
import { Deliverer } from '../../delivery/deliverer.js';
import { Outbox } from '../../delivery/outbox.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../../delivery/outbox-worker.js';
import { Pacer } from '../../delivery/pacer.js';
import { Supervisor } from '../../delivery/supervisor.js';
import { UpdateLog, type TakeOver } from '../../delivery/update-log.js';
import type { Logger } from '../../log.js';
import type { NoticeHub } from '../../notify/notices.js';
import { chatFeature } from './features/chat-changes.js';
import { TEXT } from '../../text/messages.js';
import type { ReplyRenderer } from '../adapter.js';
import { answerOnce } from './answer-once.js';
import { TELEGRAM_CAPABILITIES } from './capabilities.js';
import { commandMenu } from './commands-menu.js';
import { callbacksFeature } from './features/callbacks.js';
import type { FeatureDeps } from './features/deps.js';
import { messagesFeature } from './features/messages.js';
import { isForBot } from './incoming.js';
import { TelegramRenderer } from './renderer.js';
import { TelegramResponder } from './responder.js';
import { retryTransformer } from './retry.js';
import { TelegramSender } from './sender.js';

/** The only updates the bot asks Telegram for; anything else that arrives is ignored. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** How long records are kept: updates (platforms never redeliver after a day), buttons, sent messages. */
const KEEP_UPDATES_MS = 3 * 24 * 3_600_000;
const KEEP_BUTTONS_MS = 30 * 24 * 3_600_000;
const KEEP_SENT_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 6 * 3_600_000;

/** What the Telegram bot needs from the application. */
export interface TelegramBotDeps {
  router: Router;
  /** The handlers' settings; the bot's username is written into them at start. */
  settings: Settings;
  store: Store;
  log: Logger;
  /** Messages nobody asked for (registration notices, alerts); taken once the bot runs. */
  notices?: NoticeHub;
}

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  /** Longest total wait for retries of one call before a message goes to the outbox. */
  maxRetryWaitMs: number;
  /** When an update claimed by another process may be taken over (see UpdateLog). */
  takeOver: TakeOver;
  /** Longest time one Bot API request may take (default 60 s; long polls ask for 30 s). */
  timeoutSeconds?: number;
  /** Show "typing…" when a command has not answered after this long (default 500 ms). */
  typingAfterMs?: number;
  /** Time of the delivery layer (outbox due dates, update claims); default the system clock. */
  clock?: Clock;
  /** Waits between retries (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  renderer?: ReplyRenderer;
  outbox?: OutboxWorkerOptions;
  /** Called when an update has been handled completely (tests and the benchmark wait on it). */
  onUpdateHandled?: (updateId: number) => void;
  /** The bot's own user, when known (skips getMe). */
  botInfo?: UserFromGetMe;
}

/**
 * The Telegram bot, independent of how updates arrive (polling or webhook): grammY with
 * the retry transformer, per-chat ordering, persisted update de-duplication, one error
 * boundary around the features, and the delivery layer (deliverer, outbox, button ids).
 */
export class TelegramBot {
  readonly bot: Bot<Context>;
  readonly supervisor: Supervisor;
  readonly outbox: Outbox;
  readonly worker: OutboxWorker;
  readonly updates: UpdateLog;
  readonly ids: CallbackIds;
  readonly sender: TelegramSender;
  readonly renderer: ReplyRenderer;
  private readonly responder: TelegramResponder;
  private readonly clock: Clock;
  /** Aborted when the bot begins to stop (retries stop waiting). */
  private readonly stopping = new AbortController();
  private highestUpdateId = -1;
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: TelegramBotDeps,
    private readonly opts: TelegramBotOptions,
  ) {
    const log = deps.log;
    this.clock = opts.clock ?? systemClock;
    this.supervisor = new Supervisor(log);
    this.bot = new Bot<Context>(opts.token, {
      client: { apiRoot: opts.apiRoot, timeoutSeconds: opts.timeoutSeconds ?? 60 },
      ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    });
    this.bot.api.config.use(
      retryTransformer({ maxWaitMs: opts.maxRetryWaitMs, log, stopping: this.stopping.signal, ...(opts.sleep ? { sleep: opts.sleep } : {}) }),
    );
    const renderer = (this.renderer = opts.renderer ?? new TelegramRenderer());
    // One store may serve several bots (a test bot beside the real one): update ids, button
    // ids and outbox rows are kept per bot, under "telegram:<bot id>".
    const deliveryKey = `telegram:${opts.token.split(':')[0]}`;
    this.sender = new TelegramSender(this.bot.api, log, deliveryKey);
    this.outbox = new Outbox(deps.store);
    this.worker = new OutboxWorker(this.outbox, this.sender, new Pacer(renderer.capabilities.pacing ?? TELEGRAM_CAPABILITIES.pacing!), this.clock, log, opts.outbox);
    this.updates = new UpdateLog(deps.store, deliveryKey, { takeOver: opts.takeOver });
    this.ids = new CallbackIds(deps.store, deliveryKey);
    const deliverer = new Deliverer(this.sender, this.outbox, this.worker, this.clock, log);
    const responder = (this.responder = new TelegramResponder(renderer, this.ids, deliverer, this.sender, this.clock, log));
    this.install({
      router: deps.router,
      responder,
      ids: this.ids,
      log,
      typingAfterMs: opts.typingAfterMs ?? 500,
      replyKey: (updateId) => `${deliveryKey}:u${updateId}`,
    });
  }

  private install(features: FeatureDeps): void {
    const bot = this.bot;
    // Every update is tracked, so shutdown can wait for the ones in flight.
    bot.use(async (ctx, next) => {
      const id = ctx.update.update_id;
      if (id > this.highestUpdateId) this.highestUpdateId = id;
      try {
        await this.supervisor.track(next());
      } finally {
        this.opts.onUpdateHandled?.(id);
      }
    });
    // Chat changes first: a group upgraded to a supergroup, the bot removed from a chat.
    bot.use(chatFeature(this.deps.store, this.clock, this.deps.log));
    // Only a person's message for the bot, or a button press, goes further; stickers,
    // photos, joins, edits, channel posts and group chatter are ignored quietly.
    const forBot = bot.filter((ctx) => (ctx.message ? isForBot(ctx.message, ctx.me) : ctx.callbackQuery !== undefined));
    // Per-chat ordering must be decided before anything asynchronous happens.
    forBot.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined) as string));
    forBot.use(answerOnce(this.updates, this.clock, this.deps.log));
    forBot.errorBoundary((err) => this.onFeatureError(err), messagesFeature(features), callbacksFeature(features));
    bot.catch((err) => this.onError(err));
  }

  /** A feature failed (the store, a bug): logged, and the user told to try again. */
  private async onFeatureError(err: BotError<Context>): Promise<void> {
    const ctx = err.ctx;
    this.deps.log.error('telegram update failed', { update: ctx.update.update_id, error: err.error });
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    try {
      await ctx.api.sendMessage(chatId, TEXT.internalError);
    } catch (again) {
      this.deps.log.warn('could not report the failure to the chat', { update: ctx.update.update_id, error: again });
    }
  }

  /** The last resort (bot.catch): an update that failed outside the features. */
  private onError(err: unknown): void {
    const update = err instanceof BotError ? err.ctx.update.update_id : undefined;
    this.deps.log.error('telegram update failed outside the features', { update, error: err instanceof BotError ? err.error : err });
  }

  /**
   * Gets the bot's own user (getMe) and makes commands addressed to it by name work,
   * publishes the command menu, and starts the outbox and the housekeeping.
   */
  async init(): Promise<UserFromGetMe> {
    await this.bot.init();
    const me = this.bot.botInfo;
    this.deps.settings.botName = me.username;
    const menu = commandMenu(this.deps.router.commands, this.deps.log);
    try {
      await this.bot.api.setMyCommands(menu);
    } catch (err) {
      this.deps.log.warn('command menu not published', { error: err });
    }
    await this.worker.start();
    if (this.deps.notices) {
      await this.deps.notices.register('telegram', async (n) => {
        await this.responder.reply({ chatId: n.chatId, isGroup: n.isGroup }, n.reply, `notice:${n.key}`);
      });
    }
    this.supervisor.run('housekeeping', () => this.prune());
    this.pruneTimer = setInterval(() => this.supervisor.run('housekeeping', () => this.prune()), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    return me;
  }

  private async prune(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.updates.prune(new Date(now - KEEP_UPDATES_MS));
    await this.ids.prune(new Date(now - KEEP_BUTTONS_MS));
    await this.outbox.prune(new Date(now - KEEP_SENT_MS));
  }

  /** Handles an update delivered by a webhook, without the caller waiting for it. */
  dispatch(update: Update): void {
    this.supervisor.run('telegram update', () => this.bot.handleUpdate(update).catch((err: unknown) => this.onError(err)), {
      update: update.update_id,
    });
  }

  /** The highest update id seen (polling confirms it to Telegram on shutdown). */
  get lastUpdateId(): number {
    return this.highestUpdateId;
  }

  /** Updates and other work in flight. */
  get inFlight(): number {
    return this.supervisor.size;
  }

  /** Marks the bot as stopping: retries stop waiting, and what cannot go now is queued. */
  beginStop(): void {
    if (!this.stopping.signal.aborted) this.stopping.abort();
  }

  /** Waits for the updates in flight, then stops the outbox. */
  async finish(): Promise<void> {
    this.beginStop();
    this.deps.notices?.unregister('telegram');
    await this.supervisor.drain();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.worker.stop();
    await this.supervisor.drain();
  }
}
