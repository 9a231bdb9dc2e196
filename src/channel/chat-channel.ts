/**
 * The one chat channel: the path of every message, whatever the platform, from receipt to
 * delivery. A platform (src/bot/<platform>/) supplies only what is its own — how its
 * updates read, its renderer, its sender and a receiver (polling or webhook); all else
 * happens here, in this order:
 *
 *   receiver → accept: the update is kept in the update log before anything else
 *     → intake: one chat's updates in arrival order, other chats side by side
 *     → process: claimed once (a copy or a redelivery is skipped) → interpreted
 *     → message: "typing…" while slow → router (the core) → reply
 *     → render (the platform's markup) → deliver: sent now, retried by the one policy,
 *       or queued in the persisted outbox, which the worker sends within the pacing
 *     → done: the update's content is forgotten.
 *
 * Messages nobody asked for (notices, alerts) enter at `send`: written to the outbox first,
 * sent by the worker after the replies to people.
 */
import { chatLeft, chatMigrated } from '../access/chat-changes.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { Reply } from '../core/reply.js';
import type { ChatRef, Platform } from '../core/request.js';
import type { IncomingMessage, Router } from '../core/router.js';
import type { Store } from '../data/store.js';
import { CallbackIds } from '../delivery/callback-ids.js';
import { Deliverer, type DeliveryOutcome } from '../delivery/deliverer.js';
import type { DeliveryTarget, OutboundMessage } from '../delivery/message.js';
import { BULK, Outbox, REPLY, type Priority } from '../delivery/outbox.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../delivery/outbox-worker.js';
import { Pacer } from '../delivery/pacer.js';
import { asDeliveryError, backoffMs, realSleep, sleepUnless, withRetry } from '../delivery/retry.js';
import { Supervisor } from '../delivery/supervisor.js';
import { UpdateLog } from '../delivery/update-log.js';
import type { Logger } from '../log.js';
import { replyLatency, updatesAnswered, updatesReceived } from '../metrics.js';
import type { NoticeHub } from '../notify/notices.js';
import { TEXT } from '../text/messages.js';
import { isButtonAction, parseCallbackData, resolveKeyboard } from './buttons.js';
import { Intake } from './intake.js';
import { PlatformAuthError, type ChannelEvent, type ChatPlatform, type RenderedMessage, type UpdateIds } from './platform.js';
import { startTyping } from './typing.js';

/** How long records are kept: updates (platforms never redeliver after a day), buttons, sent messages. */
const KEEP_UPDATES_MS = 3 * 24 * 3_600_000;
const KEEP_BUTTONS_MS = 30 * 24 * 3_600_000;
const KEEP_SENT_MS = 7 * 24 * 3_600_000;
const HOUSEKEEPING_MS = 6 * 3_600_000;
const MAX_CONNECT_WAIT_MS = 60_000;
/** How often the recovery sweep looks for updates nobody is answering. */
const SWEEP_MS = 5_000;
/** How long a button press is retried: Telegram lets a callback query be answered for about 15 s. */
const BUTTON_ANSWER_WAIT_MS = 10_000;
/** How long an update may wait behind a chat nobody is answering before the sweep takes it. */
const ORPHAN_AFTER_MS = 3_000;

/** What the channel needs from the application. */
export interface ChatChannelDeps {
  router: Router;
  store: Store;
  log: Logger;
  /** Messages nobody asked for, kept until this platform's channel takes them. */
  notices?: NoticeHub;
  /** The instances sharing the store (the pacing is split between them); default this one alone. */
  instance?: { liveCount(): Promise<number> };
}

export interface ChatChannelOptions {
  /** Keep updates and queue messages in the store (default true; the console needs neither). */
  durable?: boolean;
  /** Longest total wait for retries of one send before the message goes to the outbox. */
  maxRetryWaitMs: number;
  /** Show "typing…" when a command has not answered after this long (default 500 ms). */
  typingAfterMs?: number;
  /** Time of the delivery layer (outbox due dates, update claims); default the system clock. */
  clock?: Clock;
  /** Waits between retries (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  outbox?: OutboxWorkerOptions;
  /** Most updates answered at once (default 500). */
  maxInFlight?: number;
  /**
   * Kept updates older than this are answered by the recovery sweep, which looks every 5 s
   * (default 30 s; what a dead instance kept is taken at once).
   */
  recoverAfterMs?: number;
  /** Waits between attempts to reach the platform at start (default: back-off up to a minute). */
  connectRetryMs?: (attempt: number) => number;
  /** Called when an update has been handled completely (tests and the benchmark wait on it). */
  onUpdateHandled?: (key: string) => void;
}


/** Where a channel stands: reaching its platform, answering, refused (or failed to start), or stopped. */
export type ChannelState = 'starting' | 'ready' | 'stopping' | 'stopped' | 'failed';

/** A running chat channel, as `npm start` holds it; `stop` stops taking messages and finishes those in flight. */
export interface Channel {
  readonly name: string;
  readonly state: ChannelState;
  stop(): Promise<void>;
}

/** Receives a platform's updates (polling or webhook) and hands them to `channel.accept`. */
export interface Receiver {
  /** Starts receiving; called once the channel is ready. */
  start(): Promise<void>;
  /** Stops taking updates; what arrives meanwhile is refused (sent again later) or kept for the next start. */
  stop(): Promise<void>;
}

/** What became of an update handed to `accept`. */
export type AcceptResult = 'accepted' | 'kept' | 'ignored' | 'invalid';

/** Options of one message nobody asked for. */
export interface SendOptions {
  /** Sending twice with one key sends once (its messages add ":<index>"). */
  key: string;
  /** Default BULK: replies to people go first. */
  priority?: Priority;
}

export class ChatChannel<P extends ChatPlatform = ChatPlatform> implements Channel {
  readonly name: Platform;
  readonly supervisor: Supervisor;
  readonly outbox: Outbox;
  readonly worker: OutboxWorker;
  readonly updates: UpdateLog;
  readonly ids: CallbackIds | null;
  readonly clock: Clock;
  private readonly deliverer: Deliverer;
  private readonly intake: Intake;
  private readonly receiver: Receiver | null;
  private readonly durable: boolean;
  private readonly stopping = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private currentState: ChannelState = 'starting';
  private connecting: Promise<void> | null = null;
  private readonly ready: Promise<void>;
  private settleReady!: { resolve: () => void; reject: (err: Error) => void };

  constructor(
    readonly platform: P,
    private readonly deps: ChatChannelDeps,
    private readonly opts: ChatChannelOptions,
    receiver?: (channel: ChatChannel<P>) => Receiver,
  ) {
    const log = deps.log;
    this.name = platform.name;
    this.clock = opts.clock ?? systemClock;
    this.durable = opts.durable ?? true;
    this.supervisor = new Supervisor(log);
    this.outbox = new Outbox(deps.store);
    const pacing = platform.renderer.capabilities.pacing;
    const instance = deps.instance;
    this.worker = new OutboxWorker(this.outbox, platform.key, platform.sender, pacing ? new Pacer(pacing) : null, this.clock, log, {
      ...(instance ? { liveInstances: () => instance.liveCount() } : {}),
      ...opts.outbox,
    });
    this.updates = new UpdateLog(deps.store, platform.key);
    this.ids = platform.renderer.capabilities.buttons ? new CallbackIds(deps.store, platform.key) : null;
    this.deliverer = new Deliverer(platform.key, platform.sender, this.outbox, this.worker, this.clock, log, {
      maxWaitMs: opts.maxRetryWaitMs,
      platform: platform.key,
      stopping: this.stopping.signal,
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
    this.intake = new Intake(this.supervisor, log, {
      maxInFlight: opts.maxInFlight ?? 500,
      isStopping: () => this.isStopping,
      onSkipped: (key) => opts.onUpdateHandled?.(key),
    });
    this.ready = new Promise<void>((resolve, reject) => (this.settleReady = { resolve, reject }));
    // A channel that never becomes ready is reported through whenReady and the log.
    this.ready.catch(() => undefined);
    this.receiver = receiver ? receiver(this) : null;
  }

  get state(): ChannelState {
    return this.currentState;
  }

  get isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  /** Whether too many updates are in flight (webhooks that may refuse do so). */
  get busy(): boolean {
    return this.intake.busy;
  }

  /** Resolves when there is room for another update (polling waits on it). */
  room(): Promise<void> {
    return this.intake.room();
  }

  /** Updates and other work in flight. */
  get inFlight(): number {
    return this.supervisor.size;
  }

  /**
   * Starts reaching the platform, in the background: each failure is logged and retried
   * with back-off, so the HTTP server and the other channels never wait on this one; a
   * refused token stops this channel with one Vietnamese line. Once connected: the outbox,
   * the notices, recovery of what a previous run kept, housekeeping, then the receiver.
   */
  start(): void {
    this.connecting ??= this.connect();
  }

  /** Resolves once the channel answers; rejects when the platform refused the token or it stopped first. */
  whenReady(): Promise<void> {
    this.start();
    return this.ready;
  }

  private async connect(): Promise<void> {
    const log = this.deps.log;
    try {
      if (!(await this.persist('connect', () => this.platform.connect()))) return;
      if (this.durable) await this.worker.start();
      // The notices stored meanwhile (a morning's digests) are handed to the outbox in the
      // background: the channel answers people without waiting for a backlog.
      const notices = this.deps.notices;
      if (notices) this.supervisor.run('notices', () => notices.register(this.platform.name, (n) => this.send({ chatId: n.chatId, isGroup: n.isGroup }, n.reply, { key: `notice:${n.key}` })));
      await this.platform.onReady?.().catch((err: unknown) => log.warn('platform set-up incomplete', { platform: this.platform.name, error: err }));
      if (this.durable) {
        // What a previous run (or this one, before it was ready) kept but did not answer is
        // queued before anything new, so each chat's updates keep their order.
        await this.recover(new Date(this.clock.now().getTime() + 1));
        const recoverAfterMs = this.opts.recoverAfterMs ?? 30_000;
        this.every(Math.min(recoverAfterMs, SWEEP_MS), 'recovery', () => {
          const now = this.clock.now().getTime();
          return this.recover(new Date(now - recoverAfterMs), new Date(now - Math.min(recoverAfterMs, ORPHAN_AFTER_MS)));
        });
        this.every(HOUSEKEEPING_MS, 'housekeeping', () => this.housekeeping());
        this.supervisor.run('housekeeping', () => this.housekeeping());
      }
      if (this.receiver && !(await this.persist('start receiving', () => this.receiver!.start()))) return;
      this.currentState = 'ready';
      log.info('channel ready', { platform: this.platform.name });
      this.settleReady.resolve();
    } catch (err) {
      this.currentState = 'failed';
      log.error('channel could not start', { platform: this.platform.name, error: err });
      this.settleReady.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /**
   * Runs a step of the start until it succeeds, logging each failure and waiting with
   * back-off. Returns false when the channel stopped meanwhile or the platform refused the
   * token (the channel is then failed, with one Vietnamese line in the log).
   */
  private async persist(what: string, step: () => Promise<void>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (this.isStopping) {
        this.settleReady.reject(new Error('stopped before it was ready'));
        return false;
      }
      try {
        await step();
        return true;
      } catch (err) {
        if (err instanceof PlatformAuthError) {
          this.currentState = 'failed';
          this.deps.log.error(err.message, { platform: this.platform.name });
          this.settleReady.reject(err);
          return false;
        }
        const wait = this.opts.connectRetryMs?.(attempt) ?? Math.min(MAX_CONNECT_WAIT_MS, backoffMs(attempt));
        this.deps.log.warn(`platform not reachable (${what}); trying again`, { platform: this.platform.name, attempt, waitMs: wait, error: err });
        await sleepUnless(this.opts.sleep ?? realSleep, wait, this.stopping.signal);
      }
    }
  }

  private every(ms: number, name: string, work: () => Promise<unknown>): void {
    const timer = setInterval(() => {
      if (!this.isStopping) this.supervisor.run(name, work);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async housekeeping(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.updates.prune(new Date(now - KEEP_UPDATES_MS));
    await this.ids?.prune(new Date(now - KEEP_BUTTONS_MS));
    await this.outbox.prune(new Date(now - KEEP_SENT_MS));
    await this.platform.housekeeping?.();
  }

  /**
   * Takes an update as the receiver got it (the platform's JSON): kept in the update log,
   * then answered without the caller waiting. With `later` (a webhook call while stopping),
   * or before the channel is ready, it is only kept: the next start, or readiness, answers
   * it. Updates the bot has nothing to do with are not kept.
   */
  async accept(raw: unknown, opts: { later?: boolean; answered?: () => void } = {}): Promise<AcceptResult> {
    const ids = this.platform.identify(raw);
    if (!ids) return 'invalid';
    const later = opts.later === true || this.currentState !== 'ready';
    let event: ChannelEvent | undefined;
    if (!later) {
      event = this.platform.interpret(raw);
      if (event.kind === 'ignore') {
        this.deps.log.debug('update ignored', { platform: this.platform.name, update: ids.key, reason: event.reason });
        this.opts.onUpdateHandled?.(ids.key);
        opts.answered?.();
        return 'ignored';
      }
    }
    const kept = this.durable ? this.updates.keep(ids.key, ids.chatId, JSON.stringify(raw), this.clock.now()) : Promise.resolve(true);
    if (later) {
      await kept;
      opts.answered?.();
      return 'kept';
    }
    updatesReceived.inc({ platform: this.platform.key });
    const keptAt = performance.now();
    this.intake.dispatch({
      key: ids.key,
      chatId: ids.chatId,
      handle: async () => {
        await kept;
        await this.process(raw, ids, event, keptAt);
      },
      ...(opts.answered ? { settled: opts.answered } : {}),
    });
    await kept;
    return 'accepted';
  }

  /** Takes an update and resolves once it is answered (the console answers one line at a time). */
  async receive(raw: unknown): Promise<AcceptResult> {
    let answered!: () => void;
    const done = new Promise<void>((resolve) => (answered = resolve));
    const result = await this.accept(raw, { answered });
    if (result !== 'invalid') await done;
    return result;
  }

  /** Answers kept updates kept before `before` that nobody answered (a crash, a lost process). */
  async recover(before: Date, orphanedBefore: Date = before): Promise<number> {
    let n = 0;
    for (const kept of await this.updates.waiting(before, 500, orphanedBefore)) {
      const { raw, ids } = await this.readKept(kept);
      if (!ids) continue;
      this.intake.dispatch({ key: ids.key, chatId: ids.chatId, handle: () => this.process(raw, ids), recovered: true });
      n++;
    }
    if (n > 0) this.deps.log.info('updates recovered', { platform: this.platform.name, count: n });
    return n;
  }

  /** Claims, answers and forgets one update; a failure is logged and the chat told. */
  private async process(raw: unknown, ids: UpdateIds, known?: ChannelEvent, keptAt?: number): Promise<void> {
    if (this.durable && this.isStopping) {
      // Not begun when the drain started: it stays kept, for the next start or, once this
      // instance has deregistered, for another instance (the drain ends within its time).
      this.deps.log.debug('update left for later: draining', { platform: this.platform.name, update: ids.key });
      return;
    }
    try {
      if ((await this.answer(raw, ids, known, keptAt)) && this.durable) await this.continueChat(ids.chatId);
    } finally {
      this.opts.onUpdateHandled?.(ids.key);
    }
  }

  /** Claims one update and answers it; false when it was not this instance's to answer (now). */
  private async answer(raw: unknown, ids: UpdateIds, known?: ChannelEvent, keptAt?: number): Promise<boolean> {
    if (this.durable) {
      const claim = await this.updates.claim(ids.key, ids.chatId, this.clock.now());
      if (claim === 'taken') {
        this.deps.log.info('duplicate update ignored', { platform: this.platform.name, update: ids.key });
        return false;
      }
      if (claim === 'blocked') {
        // An earlier update of the chat, received by another instance, is being answered
        // there: that instance answers this one right after it (see continueChat).
        this.deps.log.debug('update left to the instance answering its chat', { platform: this.platform.name, update: ids.key });
        return false;
      }
    }
    const event = known ?? this.platform.interpret(raw);
    try {
      await this.handle(event, ids.key);
    } catch (err) {
      this.deps.log.error('update failed', { platform: this.platform.name, update: ids.key, error: err });
      const chatId = eventChat(event);
      if (chatId) {
        const text = TEXT.internalError;
        await this.platform.sender.send({ chatId, isGroup: false }, { text, plain: text, markup: 'plain' }).catch((again: unknown) => {
          this.deps.log.warn('could not report the failure to the chat', { platform: this.platform.name, update: ids.key, error: again });
        });
      }
    }
    if (this.durable) await this.updates.done(ids.key, this.clock.now());
    updatesAnswered.inc({ platform: this.platform.key });
    if (keptAt !== undefined) replyLatency.observe({ platform: this.platform.key }, (performance.now() - keptAt) / 1000);
    return true;
  }

  /**
   * After answering an update, answers at once, in order, the chat's next ones that another
   * instance received meanwhile and left here (they wait behind the one just answered): one
   * chat's updates are answered in order, by one instance at a time, and no instance waits
   * for another. Stops at an update this instance holds itself (its own queue answers it
   * next), or one another instance has taken.
   */
  private async continueChat(chatId: string | null): Promise<void> {
    if (chatId === null) return;
    for (;;) {
      const next = await this.updates.nextOfChat(chatId);
      if (!next || this.intake.holds(next.key) || this.isStopping) return;
      const { raw, ids } = await this.readKept(next);
      if (!ids) continue;
      if (!(await this.answer(raw, ids))) return;
    }
  }

  /** A kept update read back; one that no longer reads as an update is forgotten. */
  private async readKept(kept: { key: string; payload: string }): Promise<{ raw: unknown; ids: UpdateIds | null }> {
    let raw: unknown = null;
    try {
      raw = JSON.parse(kept.payload) as unknown;
    } catch {
      raw = null;
    }
    const ids = raw === null ? null : this.platform.identify(raw);
    if (!ids) await this.updates.done(kept.key, this.clock.now());
    return { raw, ids };
  }

  private async handle(event: ChannelEvent, updateKey: string): Promise<void> {
    const replyKey = `${this.platform.key}:u${updateKey}`;
    switch (event.kind) {
      case 'message': {
        const reply = await this.route(event.message);
        if (reply) await this.reply(targetOf(event.message.chat), reply, replyKey, event.quote);
        return;
      }
      case 'button':
        return this.press(event, replyKey);
      case 'hint':
        await this.reply(targetOf(event.chat), event.reply, replyKey);
        return;
      case 'chat_left':
        await chatLeft(this.deps.store, event.chat, this.clock.now());
        this.deps.log.info('bot removed from chat', { platform: this.platform.name, chat: event.chat.chatId });
        return;
      case 'chat_moved':
        await chatMigrated(this.deps.store, event.chat, event.to, this.clock.now());
        this.deps.log.info('chat migrated', { platform: this.platform.name, from: event.chat.chatId, to: event.to });
        return;
      case 'ignore':
        return;
    }
  }

  /** The core's answer, with "typing…" shown while it is slow. */
  private async route(message: IncomingMessage): Promise<Reply | null> {
    const chatId = message.chat.id;
    const stopTyping = startTyping(() => this.platform.sender.typing(chatId), this.opts.typingAfterMs ?? 500, this.deps.log);
    try {
      return await this.deps.router.handle(message);
    } finally {
      stopTyping();
    }
  }

  /**
   * A button press. Every press is answered (an expired or foreign button with a short
   * notice) before the work, so the button stops spinning at once. A choice runs its
   * command as if the presser had typed it; a page arrow shows the other page in place.
   */
  private async press(e: Extract<ChannelEvent, { kind: 'button' }>, replyKey: string): Promise<void> {
    const answer = async (text?: string) => {
      try {
        const answerButton = this.platform.sender.answerButton?.bind(this.platform.sender);
        // Retried like a reply, within the time Telegram keeps a press answerable.
        if (answerButton) await withRetry('answer button', () => answerButton(e.queryId, text), { maxWaitMs: BUTTON_ANSWER_WAIT_MS, stopping: this.stopping.signal, log: this.deps.log, platform: this.platform.name, ...(this.opts.sleep ? { sleep: this.opts.sleep } : {}) });
      } catch (err) {
        this.deps.log.warn('button press not answered', { platform: this.platform.name, error: err });
      }
    };
    const ref = parseCallbackData(e.data);
    const chat = e.chat;
    if (!ref || !chat || !this.ids) return answer(TEXT.buttonExpired);
    if (ref.kind === 'noop') return answer();
    const action = await this.ids.resolve(ref.id, chat.id);
    if (!isButtonAction(action) || action.kind === 'noop') return answer(TEXT.buttonExpired);
    await answer();
    const text = action.kind === 'page' ? `${action.command} ${action.page}` : action.command;
    const reply = await this.route({ text, chat, user: e.user, addressed: true });
    if (!reply) return;
    if (action.kind === 'page') await this.replace(targetOf(chat), e.messageId, reply, replyKey);
    else await this.reply(targetOf(chat), reply, replyKey);
  }

  /** The rendered messages with their buttons' callback data, the first quoting `quote`. */
  private async outbound(target: DeliveryTarget, rendered: readonly RenderedMessage[], quote?: string): Promise<OutboundMessage[]> {
    const now = this.clock.now();
    const cap = this.platform.renderer.capabilities;
    const out: OutboundMessage[] = [];
    for (const [i, m] of rendered.entries()) {
      out.push({
        text: m.text,
        plain: m.plain,
        markup: m.markup,
        ...(m.buttons && this.ids ? { keyboard: await resolveKeyboard(m.buttons, target.chatId, this.ids, now, cap.callbackDataBytes) } : {}),
        ...(m.image ? { image: m.image } : {}),
        ...(i === 0 && quote ? { replyTo: quote } : {}),
      });
    }
    return out;
  }

  /** Sends a reply to a person now (or through the outbox when the platform cannot take it now). */
  async reply(target: DeliveryTarget, reply: Reply, key: string, quote?: string): Promise<DeliveryOutcome> {
    const messages = await this.outbound(target, this.platform.renderer.render(reply), quote);
    if (!this.durable) return this.sendNow(target, messages);
    return this.deliverer.deliver(target, messages, key, REPLY);
  }

  /**
   * Shows a reply in place of a message the bot sent (another page). A reply that needs
   * several messages or a picture, or an edit the platform refuses, goes as new messages.
   */
  private async replace(target: DeliveryTarget, messageId: string, reply: Reply, key: string): Promise<void> {
    const rendered = this.platform.renderer.render(reply);
    const only = rendered.length === 1 ? rendered[0]! : null;
    const edit = this.platform.sender.edit?.bind(this.platform.sender);
    if (only && !only.image && edit && this.platform.renderer.capabilities.edits) {
      const [message] = await this.outbound(target, [only]);
      try {
        await withRetry('edit', () => edit(target, messageId, message!), { maxWaitMs: this.opts.maxRetryWaitMs, stopping: this.stopping.signal, log: this.deps.log, ...(this.opts.sleep ? { sleep: this.opts.sleep } : {}) });
        return;
      } catch (err) {
        this.deps.log.warn('edit failed; sending the page as a new message', { platform: this.platform.name, chat: target.chatId, code: asDeliveryError(err).code });
      }
    }
    if (!this.durable) {
      await this.sendNow(target, await this.outbound(target, rendered));
      return;
    }
    await this.deliverer.deliver(target, await this.outbound(target, rendered), key, REPLY);
  }

  /**
   * The one way to send a message nobody asked for (a notice, an alert, a digest, a relay):
   * rendered, written to the outbox and left to the worker, which sends it within the
   * platform's pacing after the replies to people. Returns once it is stored.
   */
  async send(target: DeliveryTarget, reply: Reply, opts: SendOptions): Promise<void> {
    const messages = (await this.outbound(target, this.platform.renderer.render(reply))).map((m) => ({ ...m, unasked: true }));
    if (!this.durable) {
      await this.sendNow(target, messages);
      return;
    }
    const priority = opts.priority ?? BULK;
    const now = this.clock.now();
    for (const [i, m] of messages.entries()) await this.outbox.enqueue(this.platform.key, target, `${this.platform.key}:${opts.key}:${i}`, m, now, now, { priority });
    if (messages.length > 0) this.worker.queued(target.chatId, priority);
  }

  /** Without the store (the console): straight to the platform, failures only logged. */
  private async sendNow(target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { sent: [], queued: 0, dropped: 0 };
    for (const m of messages) {
      try {
        outcome.sent.push(await this.platform.sender.send(target, m));
      } catch (err) {
        this.deps.log.error('message not delivered', { platform: this.platform.name, chat: target.chatId, code: asDeliveryError(err).code });
        outcome.dropped++;
      }
    }
    return outcome;
  }

  /**
   * Stops taking updates, finishes those in flight, lets the outbox finish the message it
   * is sending, and releases the platform's connections. Retries under way stop waiting:
   * what cannot go now stays in the outbox.
   */
  async stop(): Promise<void> {
    if (this.currentState === 'stopped') return;
    const was = this.currentState;
    this.currentState = 'stopping';
    if (!this.stopping.signal.aborted) this.stopping.abort();
    this.deps.notices?.unregister(this.platform.name);
    for (const t of this.timers) clearInterval(t);
    if (was === 'ready') await this.receiver?.stop();
    await this.connecting;
    await this.supervisor.drain();
    if (this.durable) await this.worker.stop();
    await this.supervisor.drain();
    await this.platform.close?.();
    this.currentState = 'stopped';
  }
}

/** Where a reply to a chat goes. */
export function targetOf(chat: ChatRef): DeliveryTarget {
  return { chatId: chat.id, isGroup: chat.kind === 'group' };
}

function eventChat(e: ChannelEvent): string | null {
  if (e.kind === 'message') return e.message.chat.id;
  if (e.kind === 'button' || e.kind === 'hint') return e.chat?.id ?? null;
  return null;
}
