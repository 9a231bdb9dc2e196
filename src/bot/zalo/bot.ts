import type { AdminId } from '../../config/env-access.js';
import { systemClock, type Clock } from '../../core/clock.js';
import type { Reply } from '../../core/reply.js';
import type { Router } from '../../core/router.js';
import type { Store } from '../../data/store.js';
import { Deliverer, type DeliveryOutcome } from '../../delivery/deliverer.js';
import type { DeliveryTarget, OutboundMessage } from '../../delivery/message.js';
import { Outbox } from '../../delivery/outbox.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../../delivery/outbox-worker.js';
import { Pacer } from '../../delivery/pacer.js';
import { Supervisor } from '../../delivery/supervisor.js';
import { UpdateLog, type TakeOver } from '../../delivery/update-log.js';
import type { Logger } from '../../log.js';
import type { NoticeHub } from '../../notify/notices.js';
import { TEXT, ZALO_TEXT } from '../../text/messages.js';
import type { ReplyRenderer } from '../adapter.js';
import { startTyping } from '../telegram/typing.js';
import { ZALO_CAPABILITIES } from './capabilities.js';
import { ZaloClient, type ZaloClientOptions } from './client.js';
import { ZaloImages } from './images.js';
import { botNames, chatRef, toAction } from './incoming.js';
import { ZaloInbox } from './inbox.js';
import { ZaloIntake } from './intake.js';
import { ZaloQuotaNotices } from './quota-notices.js';
import { ZaloQuota } from './quota.js';
import { ZaloRenderer } from './renderer.js';
import { ZaloSender } from './sender.js';
import type { ZaloBotInfo } from './types.js';
import type { ReceivedUpdate } from './updates.js';

/** How long records are kept: updates (platforms never redeliver after a day), sent messages. */
const KEEP_UPDATES_MS = 3 * 24 * 3_600_000;
const KEEP_SENT_MS = 7 * 24 * 3_600_000;
const HOUSEKEEPING_MS = 6 * 3_600_000;
/** A message refused with "Quota exceeded" may wait into next month: keep trying for 40 days. */
const GIVE_UP_AFTER_MS = 40 * 24 * 3_600_000;

/** What the Zalo bot needs from the application. */
export interface ZaloBotDeps {
  router: Router;
  store: Store;
  log: Logger;
  /** Messages nobody asked for; the bot takes those for Zalo (and holds them past the quota). */
  notices: NoticeHub;
  /** Administrators (ADMIN_IDS); the zalo:<id> ones are told when 80 % of the quota is used. */
  admins: readonly AdminId[];
}

export interface ZaloBotOptions {
  token: string;
  apiRoot: string;
  /** Longest total wait for retries of one send before a message goes to the outbox. */
  maxRetryWaitMs: number;
  /** When an update claimed by another process may be taken over (see UpdateLog). */
  takeOver: TakeOver;
  monthlyQuota: number;
  markdown: boolean;
  /** PUBLIC_BASE_URL: where Zalo fetches pictures; null sends captions alone. */
  publicBaseUrl: string | null;
  /** Show "typing…" when a command has not answered after this long (default 500 ms). */
  typingAfterMs?: number;
  /** Time of the delivery layer and of the quota month; default the system clock. */
  clock?: Clock;
  /** Waits between retries (tests compress time through it). */
  sleep?: (ms: number) => Promise<void>;
  renderer?: ReplyRenderer;
  outbox?: OutboxWorkerOptions;
  /** How often held notices are looked at (a new month, a higher quota); default 60 s. */
  quotaCheckMs?: number;
  /** Wait after "Quota exceeded" before the outbox tries a message again (default 30 min). */
  quotaRetryMs?: number;
  /** Kept updates older than this are answered by the recovery sweep (default 60 s). */
  recoverAfterMs?: number;
  /** Most updates handled at once; polling waits for room, webhook updates wait in order (default 500). */
  maxInFlight?: number;
  client?: Pick<ZaloClientOptions, 'timeouts' | 'dispatcher'>;
  /** Called when an update has been handled completely (tests and the benchmark wait on it). */
  onUpdateHandled?: (messageId: string) => void;
}

/**
 * The Zalo bot, independent of how updates arrive (polling or webhook): keeps each update
 * in the inbox as it arrives, answers one chat's updates in order, claims each in the
 * persisted update log before handling it (so a repeated delivery is answered once), and
 * sends through the delivery layer (deliverer, outbox) counting every message against
 * the monthly quota.
 */
export class ZaloBot {
  readonly client: ZaloClient;
  readonly supervisor: Supervisor;
  readonly outbox: Outbox;
  readonly worker: OutboxWorker;
  readonly updates: UpdateLog;
  readonly inbox: ZaloInbox;
  readonly quota: ZaloQuota;
  readonly sender: ZaloSender;
  readonly renderer: ReplyRenderer;
  readonly images: ZaloImages | null;
  /** "zalo:<bot id>": the key of this bot's rows in the shared tables. */
  readonly key: string;
  readonly clock: Clock;
  private readonly deliverer: Deliverer;
  private readonly quotaNotices: ZaloQuotaNotices;
  private readonly intake: ZaloIntake;
  private readonly stopping = new AbortController();
  private me: ZaloBotInfo | null = null;
  private names: string[] = [];
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly deps: ZaloBotDeps,
    private readonly opts: ZaloBotOptions,
  ) {
    const log = deps.log;
    this.clock = opts.clock ?? systemClock;
    this.key = `zalo:${opts.token.split(':')[0]}`;
    this.supervisor = new Supervisor(log);
    this.client = new ZaloClient({ token: opts.token, apiRoot: opts.apiRoot, ...opts.client });
    this.renderer = opts.renderer ?? new ZaloRenderer({ markdown: opts.markdown });
    this.quota = new ZaloQuota(deps.store, this.key, opts.monthlyQuota, this.clock);
    this.images = opts.publicBaseUrl ? new ZaloImages(deps.store, this.key, opts.publicBaseUrl, this.clock) : null;
    this.quotaNotices = new ZaloQuotaNotices(deps.notices, this.quota, deps.admins, this.key, log);
    this.sender = new ZaloSender(this.client, log, {
      platform: this.key,
      retry: { maxWaitMs: opts.maxRetryWaitMs, log, stopping: this.stopping.signal, ...(opts.sleep ? { sleep: opts.sleep } : {}) },
      images: this.images,
      quota: this.quota,
      ...(opts.quotaRetryMs !== undefined ? { quotaRetryMs: opts.quotaRetryMs } : {}),
      onQuotaWarning: (month, sent) => this.supervisor.run('zalo quota warning', () => this.quotaNotices.warn(month, sent)),
    });
    this.outbox = new Outbox(deps.store);
    const pacing = this.renderer.capabilities.pacing ?? ZALO_CAPABILITIES.pacing!;
    this.worker = new OutboxWorker(this.outbox, this.sender, new Pacer(pacing), this.clock, log, { giveUpAfterMs: GIVE_UP_AFTER_MS, ...opts.outbox });
    this.updates = new UpdateLog(deps.store, this.key, { takeOver: opts.takeOver });
    this.inbox = new ZaloInbox(deps.store, this.key);
    this.deliverer = new Deliverer(this.sender, this.outbox, this.worker, this.clock, log);
    this.intake = new ZaloIntake({
      inbox: this.inbox,
      supervisor: this.supervisor,
      log,
      clock: this.clock,
      handle: (u) => this.process(u),
      isStopping: () => this.isStopping,
      maxInFlight: opts.maxInFlight ?? 500,
      ...(opts.onUpdateHandled ? { onHandled: opts.onUpdateHandled } : {}),
    });
  }

  /** The bot's own account, once `init` has run. */
  get info(): ZaloBotInfo | null {
    return this.me;
  }

  /**
   * Checks the token (getMe), learns the names groups mention the bot by, starts the
   * outbox, takes Zalo's notices (held while the quota is used up), answers updates a
   * previous run kept but did not answer, and starts the housekeeping.
   */
  async init(): Promise<ZaloBotInfo> {
    this.me = await this.client.getMe();
    this.names = botNames(this.me);
    await this.worker.start();
    await this.deps.notices.register('zalo', (n) => this.deliverNotice({ chatId: n.chatId, isGroup: n.isGroup }, n.reply, n.key));
    this.supervisor.run('zalo recovery', () => this.intake.recover(new Date(this.clock.now().getTime() + 1)));
    this.every(HOUSEKEEPING_MS, 'zalo housekeeping', () => this.housekeeping());
    this.every(this.opts.quotaCheckMs ?? 60_000, 'zalo held notices', () => this.quotaNotices.release());
    const recoverAfterMs = this.opts.recoverAfterMs ?? 60_000;
    this.every(recoverAfterMs, 'zalo recovery', () => this.intake.recover(new Date(this.clock.now().getTime() - recoverAfterMs)));
    this.supervisor.run('zalo housekeeping', () => this.housekeeping());
    return this.me;
  }

  private every(ms: number, name: string, work: () => Promise<unknown>): void {
    const timer = setInterval(() => {
      if (!this.stopping.signal.aborted) this.supervisor.run(name, work);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async housekeeping(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.updates.prune(new Date(now - KEEP_UPDATES_MS));
    await this.outbox.prune(new Date(now - KEEP_SENT_MS));
    await this.images?.prune();
  }

  /** Takes an update body (see ZaloIntake.accept): kept at once, answered afterwards. */
  accept(body: Record<string, unknown>, opts: { later?: boolean } = {}): Promise<'accepted' | 'kept' | 'ignored'> {
    return this.intake.accept(body, opts);
  }

  /** Whether too many updates are in flight. */
  get busy(): boolean {
    return this.intake.busy;
  }

  /** Resolves when there is room for another update (polling waits on it). */
  room(): Promise<void> {
    return this.intake.room();
  }

  /** Claims, answers and forgets one update; a failure is logged and the chat told. */
  private async process(update: ReceivedUpdate): Promise<void> {
    const m = update.message;
    const id = m.message_id;
    if (!(await this.updates.claim(id, this.clock.now()))) {
      this.deps.log.info('duplicate update ignored', { platform: 'zalo', message: id });
      await this.inbox.forgetIfAnswered(id, this.key);
      return;
    }
    const target: DeliveryTarget = { chatId: m.chat.id, isGroup: chatRef(m.chat).kind === 'group' };
    try {
      await this.answer(update, target);
    } catch (err) {
      this.deps.log.error('zalo update failed', { message: id, error: err });
      await this.sender.send(target, { text: TEXT.internalError, plain: TEXT.internalError, markup: 'plain' }).catch((again: unknown) => {
        this.deps.log.warn('could not report the failure to the chat', { message: id, error: again });
      });
    }
    await this.updates.done(id, this.clock.now());
    await this.inbox.forget(id);
  }

  private async answer(update: ReceivedUpdate, target: DeliveryTarget): Promise<void> {
    const action = toAction(update, this.names);
    const key = `${this.key}:m${update.message.message_id}`;
    if (action.kind === 'quiet') return;
    if (action.kind === 'hint') {
      await this.reply(target, { status: 'user_error', blocks: [{ kind: 'text', text: ZALO_TEXT.onlyText }] }, key);
      return;
    }
    const stopTyping = startTyping(() => this.client.sendChatAction({ chat_id: target.chatId, action: 'typing' }), this.opts.typingAfterMs ?? 500, this.deps.log);
    let reply: Reply | null;
    try {
      reply = await this.deps.router.handle(action.message);
    } finally {
      stopTyping();
    }
    if (reply) await this.reply(target, reply, key);
  }

  /** Renders a reply and delivers it (now, or through the outbox). */
  async reply(target: DeliveryTarget, reply: Reply, key: string): Promise<DeliveryOutcome> {
    const markup = this.renderer.capabilities.markup;
    const messages: OutboundMessage[] = this.renderer.render(reply).map((m) => ({ text: m.text, plain: m.plain, markup, ...(m.image ? { image: m.image } : {}) }));
    return this.deliverer.deliver(target, messages, key);
  }

  /** The NoticeHub sink: a notice goes now, unless the month's quota is used up (then the hub keeps it). */
  private async deliverNotice(target: DeliveryTarget, reply: Reply, key: string): Promise<void> {
    await this.quotaNotices.assertRoom();
    await this.reply(target, reply, `${this.key}:notice:${key}`);
  }

  /** Updates and other work in flight. */
  get pending(): number {
    return this.supervisor.size;
  }

  /** Marks the bot as stopping: retries stop waiting, and what cannot go now is queued. */
  beginStop(): void {
    if (!this.stopping.signal.aborted) this.stopping.abort();
  }

  get isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  /** Waits for the updates in flight, then stops the outbox and closes the connections. */
  async finish(): Promise<void> {
    this.beginStop();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.supervisor.drain();
    this.deps.notices.unregister('zalo');
    await this.worker.stop();
    await this.supervisor.drain();
    await this.client.close();
  }
}
