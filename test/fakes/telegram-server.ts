/**
 * A local fake of the Telegram Bot API, speaking the real HTTP API over loopback, so the
 * real bot (grammY with `client.apiRoot` pointed here) runs against it unchanged.
 *
 * Methods: getMe, getUpdates (long poll with offset), setWebhook, deleteWebhook,
 * getWebhookInfo, sendMessage, editMessageText, answerCallbackQuery, sendPhoto
 * (multipart), setMyCommands, sendChatAction. Validation as Telegram does it: text and
 * caption lengths after parsing the HTML, the HTML itself, callback data of 1–64 bytes,
 * inline keyboards, command names. Fault injection: 429 with retry_after, 500, dropped
 * connections and slow answers, either one-shot per method or at random rates; and
 * `hold` to keep a call waiting until the test releases it.
 * It records every call, and can deliver updates to a webhook like Telegram does.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTelegramHtml, type ParsedEntity } from './telegram-html.js';

let fakeBots = 0;

/** A token for a new fake bot: each fake server is a different bot (its own update ids). */
export function fakeToken(): string {
  fakeBots++;
  return `${(100_000_000 + process.pid * 1_000 + fakeBots) % 2_000_000_000}:TEST-token_for_the_fake_server_${fakeBots}`;
}

/** A fault the server answers a call with, instead of (or before) handling it. */
export type Fault =
  | { kind: '429'; retryAfter?: number }
  | { kind: '500' }
  /** The connection is closed before the call is handled (nothing happens). */
  | { kind: 'drop' }
  /** The call is handled after `ms`. */
  | { kind: 'slow'; ms: number };

/** Faults at random rates (0–1), for the methods listed (default: every method). */
/**
 * Telegram's limits, enforced as its servers do: past `perSecond` messages a second overall
 * or `groupPerMinute` a minute to one group, a send is answered 429 with retry_after.
 */
export interface RateLimits {
  perSecond: number;
  groupPerMinute: number;
}

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendMediaGroup']);

export interface RandomFaults {
  rate429?: number;
  rate5xx?: number;
  rateDrop?: number;
  retryAfter?: number;
  methods?: string[];
  /** Seed of the deterministic random sequence (default 1). */
  seed?: number;
}

/** One call as the server received it. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
  /** The fault it was answered with, if any. */
  fault?: Fault['kind'];
  /** Whether it was handled successfully (ok: true). */
  ok: boolean;
  /** The error description when it was refused. */
  error?: string;
}

/** A message in a chat as the fake keeps it (with edits applied). */
export interface FakeMessage {
  message_id: number;
  chatId: number;
  fromBot: boolean;
  /** Visible text (or caption). */
  text: string;
  entities: ParsedEntity[];
  /** The text exactly as sent (HTML when parse_mode was HTML). */
  raw: string;
  parseMode: string | null;
  replyMarkup?: InlineKeyboard;
  photo?: Uint8Array;
  replyTo?: number;
  edits: number;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
}

type Json = Record<string, unknown>;
type Update = Json & { update_id: number };

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Json,
  ) {
    super(description);
  }
}

const bad = (what: string) => new ApiError(400, `Bad Request: ${what}`);

/** A small deterministic random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSON_FIELDS = new Set(['reply_markup', 'reply_parameters', 'entities', 'caption_entities', 'link_preview_options', 'commands', 'allowed_updates', 'scope']);
const CHAT_ACTIONS = new Set(['typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note']);
/** How long an update is offered to the webhook before the fake gives up on it. */
const WEBHOOK_RETRY_MS = 60_000;

export interface FakeServerOptions {
  token?: string;
  username?: string;
  botId?: number;
}

export class FakeTelegramServer {
  readonly token: string;
  readonly bot: FakeUser & { is_bot: true; username: string };
  /** Every call received, in order of arrival. */
  readonly calls: RecordedCall[] = [];
  /** Updates the bot has not confirmed yet (getUpdates), oldest first. */
  private pending: Update[] = [];
  private nextUpdateId = 1000;
  private nextQueryId = 1;
  private readonly messageIds = new Map<number, number>();
  private readonly chats = new Map<number, FakeMessage[]>();
  private readonly queries = new Map<string, { answered: boolean; text?: string; chatId?: number }>();
  private readonly blocked = new Set<number>();
  private readonly oneShot = new Map<string, Fault[]>();
  private random: (RandomFaults & { next: () => number }) | null = null;
  private limits: RateLimits | null = null;
  private readonly sentAt: number[] = [];
  private readonly groupSentAt = new Map<number, number[]>();
  /** Sends answered 429 because they broke the enforced limits. */
  limited = 0;
  private readonly holds: { method: string; match: (p: Json) => boolean; gate: Promise<void> }[] = [];
  private poller: { res: ServerResponse; wake: () => void } | null = null;
  private readonly events = new EventEmitter();
  /** The webhook registered by setWebhook, if any. */
  webhook: { url: string; secret?: string; allowedUpdates?: string[] } | null = null;
  /** Where webhook updates are actually posted (a local address standing for the public URL). */
  /** Where webhooks go instead of the registered URL: one address, or several taken in turn (a load balancer). */
  private webhookTargets: string[] = [];
  private nextTarget = 0;
  /** One chat's updates are posted one after another. */
  private readonly webhookChains = new Map<string, Promise<void>>();
  /** Webhook deliveries: update id → HTTP statuses received, in order. */
  readonly webhookDeliveries = new Map<number, number[]>();
  /** The command menu set by setMyCommands. */
  commands: { command: string; description: string }[] = [];
  /** Listeners called for every call as it arrives (the benchmark uses this). */
  private readonly listeners: ((call: RecordedCall) => void)[] = [];
  private server: Server | null = null;
  private port = 0;

  private constructor(opts: FakeServerOptions) {
    this.token = opts.token ?? fakeToken();
    this.bot = { id: opts.botId ?? Number(this.token.split(':')[0]), is_bot: true, first_name: 'Haicap', username: opts.username ?? 'HaicapTestBot' };
    this.events.setMaxListeners(1000);
  }

  /** Starts a fake server on a free loopback port. */
  static async start(opts: FakeServerOptions = {}): Promise<FakeTelegramServer> {
    const s = new FakeTelegramServer(opts);
    const server = createServer((req, res) => void s.dispatch(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    s.server = server;
    s.port = (server.address() as AddressInfo).port;
    return s;
  }

  /** The API root to give grammY (`client.apiRoot`). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.poller?.wake();
    const s = this.server;
    this.server = null;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }

  // ---- test controls ------------------------------------------------------------------

  /** Answers the next `count` calls of `method` with `fault`. */
  failNext(method: string, fault: Fault, count = 1): void {
    const list = this.oneShot.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.oneShot.set(method, list);
  }

  /** Forgets the faults queued by failNext. */
  clearFaults(): void {
    this.oneShot.clear();
  }

  /** Answers calls with faults at random rates (null: none). */
  randomFaults(cfg: RandomFaults | null): void {
    this.random = cfg ? { ...cfg, next: rng(cfg.seed ?? 1) } : null;
  }

  /** Enforces Telegram's rate limits on sends from now on (null: stops enforcing). */
  enforceLimits(limits: RateLimits | null): void {
    this.limits = limits;
    this.sentAt.length = 0;
    this.groupSentAt.clear();
    this.limited = 0;
  }

  /** Seconds to wait when a send now would break the enforced limits, else null (and the send counts). */
  private overLimit(method: string, payload: Json, now: number): number | null {
    if (!this.limits || !SEND_METHODS.has(method)) return null;
    while (this.sentAt.length && this.sentAt[0]! <= now - 1_000) this.sentAt.shift();
    if (this.sentAt.length >= this.limits.perSecond) return 1;
    const chatId = Number(payload.chat_id);
    const group = chatId < 0 ? (this.groupSentAt.get(chatId) ?? []) : null;
    if (group) {
      while (group.length && group[0]! <= now - 60_000) group.shift();
      if (group.length >= this.limits.groupPerMinute) return Math.max(1, Math.ceil((group[0]! + 60_000 - now) / 1_000));
    }
    this.sentAt.push(now);
    if (group) {
      group.push(now);
      this.groupSentAt.set(chatId, group);
    }
    return null;
  }

  /** Keeps calls of `method` matching `match` waiting until the returned function is called. */
  hold(method: string, match: (payload: Json) => boolean = () => true): () => void {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const entry = { method, match, gate };
    this.holds.push(entry);
    return () => {
      const i = this.holds.indexOf(entry);
      if (i >= 0) this.holds.splice(i, 1);
      release();
    };
  }

  /** Forgets recorded calls and chat contents (long benchmark runs keep memory flat). */
  reset(): void {
    this.calls.length = 0;
    this.chats.clear();
    this.queries.clear();
  }

  /** The bot may no longer write to this chat (403, as when a user blocks the bot). */
  blockChat(chatId: number): void {
    this.blocked.add(chatId);
  }

  /** Posts webhook updates to this address instead of the registered public URL. */
  deliverWebhooksTo(url: string | readonly string[] | null): void {
    this.webhookTargets = url === null ? [] : typeof url === 'string' ? [url] : [...url];
  }

  /** Calls `listener` for every call as it arrives. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** Resolves when `predicate` holds (checked after every call and update); rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Telegram: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
    });
  }

  // ---- updates ------------------------------------------------------------------------

  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private chatObject(chat: FakeChat): Json {
    return chat.type === 'private' ? { id: chat.id, type: 'private', first_name: `Người dùng ${chat.id}` } : { id: chat.id, type: chat.type, title: chat.title ?? `Nhóm ${chat.id}` };
  }

  private messageObject(m: FakeMessage, chat: Json): Json {
    return {
      message_id: m.message_id,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: m.fromBot ? this.bot : { id: 1, is_bot: false, first_name: 'Người dùng' },
      ...(m.photo ? { photo: [{ file_id: `photo${m.message_id}`, file_unique_id: `u${m.message_id}`, width: 800, height: 600 }], caption: m.text } : { text: m.text }),
      ...(m.entities.length ? { [m.photo ? 'caption_entities' : 'entities']: m.entities } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    };
  }

  /** Makes an update available (getUpdates or the webhook); the update id is assigned here. */
  pushUpdate(body: Json): Update {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.pending.push(update);
    this.changed();
    this.poller?.wake();
    if (this.webhook) this.postInOrder(update);
    return update;
  }

  /** The id the next update will get. */
  get nextId(): number {
    return this.nextUpdateId;
  }

  /** Puts an update in the queue again (Telegram redelivering after a restart or a webhook retry). */
  redeliver(update: Update): void {
    this.pending.push(update);
    this.pending.sort((a, b) => a.update_id - b.update_id);
    this.poller?.wake();
    if (this.webhook) this.postInOrder(update);
  }

  /** A person writes `text` in `chat` (entities for commands and mentions, as clients send them). */
  sendText(chat: FakeChat, from: FakeUser, text: string, opts: { replyTo?: number; edited?: boolean } = {}): Update {
    const entities: Json[] = [];
    const command = /^\/\S+/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const m of text.matchAll(/@[A-Za-z0-9_]{3,}/g)) if (m.index! > 0 || !command) entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
    const message_id = this.nextMessageId(chat.id);
    const chatObj = this.chatObject(chat);
    const replied = opts.replyTo !== undefined ? this.chats.get(chat.id)?.find((m) => m.message_id === opts.replyTo) : undefined;
    const message: Json = {
      message_id,
      date: Math.floor(Date.now() / 1000),
      chat: chatObj,
      from: { id: from.id, is_bot: false, first_name: from.first_name, ...(from.last_name ? { last_name: from.last_name } : {}), ...(from.username ? { username: from.username } : {}) },
      text,
      ...(entities.length ? { entities } : {}),
      ...(replied ? { reply_to_message: this.messageObject(replied, chatObj) } : {}),
    };
    return this.pushUpdate(opts.edited ? { edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000) } } : { message });
  }

  /** A person presses the button carrying `data` under the bot's message `messageId`. */
  pressButton(chat: FakeChat, from: FakeUser, messageId: number, data: string): Update & { queryId: string } {
    const m = this.chats.get(chat.id)?.find((x) => x.message_id === messageId);
    if (!m) throw new Error(`no message ${messageId} in chat ${chat.id}`);
    const id = `q${this.nextQueryId++}`;
    this.queries.set(id, { answered: false, chatId: chat.id });
    const update = this.pushUpdate({
      callback_query: {
        id,
        from: { id: from.id, is_bot: false, first_name: from.first_name },
        chat_instance: `ci${chat.id}`,
        message: this.messageObject(m, this.chatObject(chat)),
        data,
      },
    });
    return Object.assign(update, { queryId: id });
  }

  /** Whether the callback query was answered, and with what text. */
  callbackAnswer(queryId: string): { answered: boolean; text?: string } | undefined {
    const q = this.queries.get(queryId);
    return q && { answered: q.answered, ...(q.text !== undefined ? { text: q.text } : {}) };
  }

  /** The bot's messages in a chat, in order, as they look now (edits applied). */
  botMessages(chatId: number): FakeMessage[] {
    return (this.chats.get(chatId) ?? []).filter((m) => m.fromBot);
  }

  /** Successful calls of a method. */
  succeeded(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  /** Updates not yet confirmed by the bot. */
  get unconfirmed(): number {
    return this.pending.length;
  }

  private changed(): void {
    this.events.emit('change');
  }

  // ---- HTTP ---------------------------------------------------------------------------

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0]!);
    const send = (status: number, body: Json) => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!m) {
      req.resume();
      return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    const [, token, method] = m as unknown as [string, string, string];
    let payload: Json;
    try {
      payload = await readPayload(req);
    } catch {
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid request body' });
    }
    const call: RecordedCall = { method, payload, at, ok: false };
    this.calls.push(call);
    for (const l of this.listeners) l(call);
    this.changed();
    if (token !== this.token) {
      call.error = 'Unauthorized';
      this.changed();
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    for (const h of [...this.holds]) if (h.method === method && h.match(payload)) await h.gate;
    const wait = this.overLimit(method, payload, Date.now());
    if (wait !== null) {
      this.limited++;
      call.fault = '429';
      call.error = 'Too Many Requests';
      this.changed();
      return send(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } });
    }
    const fault = this.faultFor(method);
    if (fault) {
      call.fault = fault.kind;
      if (fault.kind === 'drop') {
        this.changed();
        res.socket?.destroy();
        return;
      }
      if (fault.kind === '429') {
        const retryAfter = fault.retryAfter ?? this.random?.retryAfter ?? 1;
        call.error = 'Too Many Requests';
        this.changed();
        return send(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
      }
      if (fault.kind === '500') {
        call.error = 'Internal Server Error';
        this.changed();
        return send(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      await new Promise((r) => setTimeout(r, fault.ms));
    }
    try {
      const result = await this.handle(method, payload, res);
      if (result === undefined) return; // the long poll answered (or was abandoned) itself
      call.ok = true;
      this.changed();
      send(200, { ok: true, result });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, `Internal Server Error: ${String(err)}`);
      call.error = e.description;
      this.changed();
      send(e.code, { ok: false, error_code: e.code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) });
    }
  }

  private faultFor(method: string): Fault | null {
    const queued = this.oneShot.get(method);
    if (queued?.length) return queued.shift()!;
    const r = this.random;
    if (!r || (r.methods && !r.methods.includes(method))) return null;
    const x = r.next();
    let edge = r.rate429 ?? 0;
    if (x < edge) return { kind: '429' };
    edge += r.rate5xx ?? 0;
    if (x < edge) return { kind: '500' };
    edge += r.rateDrop ?? 0;
    if (x < edge) return { kind: 'drop' };
    return null;
  }

  private async handle(method: string, p: Json, res: ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return { ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'getUpdates':
        return this.getUpdates(p, res);
      case 'setWebhook':
        return this.setWebhook(p);
      case 'deleteWebhook':
        this.webhook = null;
        if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') this.pending = [];
        return true;
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.pending.length };
      case 'sendMessage':
        return this.sendMessage(p);
      case 'sendPhoto':
        return this.sendPhoto(p);
      case 'editMessageText':
        return this.editMessageText(p);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(p);
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'sendChatAction':
        this.chatId(p);
        if (!CHAT_ACTIONS.has(String(p.action))) throw bad('wrong parameter action in request');
        return true;
      default:
        throw new ApiError(404, 'Not Found');
    }
  }

  private async getUpdates(p: Json, res: ServerResponse): Promise<unknown> {
    if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    if (this.poller) {
      const previous = this.poller;
      this.poller = null;
      previous.res.writeHead(409, { 'content-type': 'application/json' });
      previous.res.end(JSON.stringify({ ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' }));
      previous.wake();
    }
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeout = Math.max(0, Number(p.timeout ?? 0));
    const allowed = Array.isArray(p.allowed_updates) && p.allowed_updates.length > 0 ? (p.allowed_updates as string[]) : null;
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    // Updates of kinds the bot did not ask for are never delivered.
    if (allowed) this.pending = this.pending.filter((u) => Object.keys(u).some((k) => k === 'update_id' || allowed.includes(k)));
    this.changed();
    const take = () => this.pending.slice(0, limit);
    if (take().length > 0 || timeout === 0) return take();
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeout * 1000);
      const onClose = () => finish(true);
      const finish = (gone: boolean) => {
        clearTimeout(timer);
        res.off('close', onClose);
        if (this.poller?.res === res) this.poller = null;
        resolve(gone);
      };
      res.on('close', onClose);
      this.poller = { res, wake: () => finish(res.writableEnded || res.destroyed) };
    });
    if (closed || res.writableEnded) return undefined;
    if (allowed) this.pending = this.pending.filter((u) => Object.keys(u).some((k) => k === 'update_id' || allowed.includes(k)));
    return take();
  }

  private setWebhook(p: Json): true {
    const url = String(p.url ?? '');
    if (url === '') {
      this.webhook = null;
      return true;
    }
    if (!url.startsWith('https://')) throw bad('bad webhook: An HTTPS URL must be provided for webhook');
    const secret = p.secret_token === undefined ? undefined : String(p.secret_token);
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw bad('bad webhook: secret token contains unallowed characters');
    this.webhook = { url, ...(secret ? { secret } : {}), ...(Array.isArray(p.allowed_updates) ? { allowedUpdates: p.allowed_updates as string[] } : {}) };
    for (const u of this.pending) this.postInOrder(u);
    return true;
  }

  /** One chat's updates are posted one after another, in the order they were written (as Telegram does). */
  private postInOrder(update: Update): void {
    const u = update as unknown as Json;
    const holder = (u.message ?? u.edited_message ?? (u.callback_query as Json | undefined)?.message ?? u.my_chat_member) as Json | undefined;
    const chat = String((holder?.chat as Json | undefined)?.id ?? '');
    const next = (this.webhookChains.get(chat) ?? Promise.resolve()).then(() => this.deliverWebhook(update));
    this.webhookChains.set(chat, next);
    void next.then(() => {
      if (this.webhookChains.get(chat) === next) this.webhookChains.delete(chat);
    });
  }

  /** The addresses to try for one delivery: the next in turn first, then the others (a balancer skipping a dead one). */
  private targetsFor(registered: string): string[] {
    const t = this.webhookTargets;
    if (t.length === 0) return [registered];
    const start = this.nextTarget++ % t.length;
    return [...t.slice(start), ...t.slice(0, start)];
  }

  private async deliverWebhook(update: Update): Promise<void> {
    const hook = this.webhook;
    if (!hook) return;
    if (hook.allowedUpdates && !Object.keys(update).some((k) => k === 'update_id' || hook.allowedUpdates!.includes(k))) return;
    const targets = this.targetsFor(hook.url);
    // Telegram keeps an update and tries again until the webhook takes it (for hours; a
    // minute here), so an instance that is busy or draining loses nothing.
    const giveUpAt = Date.now() + WEBHOOK_RETRY_MS;
    for (let attempt = 0; Date.now() < giveUpAt && this.server !== null && this.webhook === hook; attempt++) {
      const target = targets[attempt % targets.length]!;
      let status = 0;
      try {
        const r = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(hook.secret ? { 'x-telegram-bot-api-secret-token': hook.secret } : {}) },
          body: JSON.stringify(update),
        });
        status = r.status;
        await r.arrayBuffer();
      } catch {
        status = 0;
      }
      this.webhookDeliveries.set(update.update_id, [...(this.webhookDeliveries.get(update.update_id) ?? []), status]);
      this.changed();
      if (status >= 200 && status < 300) {
        this.pending = this.pending.filter((u) => u !== update);
        return;
      }
      if (attempt % targets.length === targets.length - 1) await new Promise((r) => setTimeout(r, Math.min(1_000, 50 * (attempt + 1))));
    }
  }

  private chatId(p: Json): number {
    const id = Number(p.chat_id);
    if (p.chat_id === undefined || !Number.isSafeInteger(id)) throw bad('chat not found');
    if (this.blocked.has(id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return id;
  }

  private parseText(raw: unknown, parseMode: unknown, max: number, what: 'text' | 'caption'): { text: string; entities: ParsedEntity[] } {
    const source = raw === undefined || raw === null ? '' : String(raw);
    let parsed: { text: string; entities: ParsedEntity[] } = { text: source, entities: [] };
    if (parseMode !== undefined && parseMode !== null && parseMode !== '') {
      if (String(parseMode).toLowerCase() !== 'html') throw bad(`unsupported parse_mode ${String(parseMode)} in the fake`);
      const r = parseTelegramHtml(source);
      if (!r.ok) throw new ApiError(400, r.error);
      parsed = r;
    }
    if (what === 'text' && parsed.text.trim() === '') throw bad('message text is empty');
    if (parsed.text.length > max) throw bad(what === 'text' ? 'message is too long' : 'message caption is too long');
    return parsed;
  }

  private keyboard(markup: unknown): InlineKeyboard | undefined {
    if (markup === undefined || markup === null) return undefined;
    const kb = (markup as { inline_keyboard?: unknown }).inline_keyboard;
    if (!Array.isArray(kb)) throw bad("can't parse reply keyboard markup JSON object");
    for (const row of kb) {
      if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      for (const b of row as Json[]) {
        if (typeof b.text !== 'string' || b.text === '') throw bad('text buttons are unallowed in the inline keyboard');
        const kinds = ['callback_data', 'url'].filter((k) => b[k] !== undefined);
        if (kinds.length !== 1) throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        if (b.callback_data !== undefined) {
          const bytes = Buffer.byteLength(String(b.callback_data), 'utf8');
          if (typeof b.callback_data !== 'string' || bytes < 1 || bytes > 64) throw bad('BUTTON_DATA_INVALID');
        }
      }
    }
    return { inline_keyboard: kb as InlineButton[][] };
  }

  private store(chatId: number, m: Omit<FakeMessage, 'message_id' | 'chatId' | 'fromBot' | 'edits'>): FakeMessage {
    const msg: FakeMessage = { message_id: this.nextMessageId(chatId), chatId, fromBot: true, edits: 0, ...m };
    const list = this.chats.get(chatId) ?? [];
    list.push(msg);
    this.chats.set(chatId, list);
    return msg;
  }

  private replyTo(p: Json): number | undefined {
    const rp = p.reply_parameters as { message_id?: unknown } | undefined;
    const id = rp?.message_id ?? p.reply_to_message_id;
    return id === undefined ? undefined : Number(id);
  }

  private sendMessage(p: Json): Json {
    const chatId = this.chatId(p);
    const { text, entities } = this.parseText(p.text, p.parse_mode, 4096, 'text');
    const replyMarkup = this.keyboard(p.reply_markup);
    const replyTo = this.replyTo(p);
    const msg = this.store(chatId, { text, entities, raw: String(p.text), parseMode: (p.parse_mode as string) ?? null, ...(replyMarkup ? { replyMarkup } : {}), ...(replyTo ? { replyTo } : {}) });
    return this.messageObject(msg, { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' });
  }

  private sendPhoto(p: Json): Json {
    const chatId = this.chatId(p);
    const ref = p.photo;
    let photo: Uint8Array | undefined;
    if (typeof ref === 'string' && ref.startsWith('attach://')) photo = (p.__files as Record<string, Uint8Array> | undefined)?.[ref.slice(9)];
    if (!photo || photo.length === 0) throw bad('there is no photo in the request');
    const { text, entities } = this.parseText(p.caption, p.parse_mode, 1024, 'caption');
    const replyMarkup = this.keyboard(p.reply_markup);
    const replyTo = this.replyTo(p);
    const msg = this.store(chatId, { text, entities, raw: String(p.caption ?? ''), parseMode: (p.parse_mode as string) ?? null, photo, ...(replyMarkup ? { replyMarkup } : {}), ...(replyTo ? { replyTo } : {}) });
    return this.messageObject(msg, { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' });
  }

  private editMessageText(p: Json): Json {
    const chatId = this.chatId(p);
    const msg = this.chats.get(chatId)?.find((m) => m.message_id === Number(p.message_id) && m.fromBot);
    if (!msg) throw bad('message to edit not found');
    if (msg.photo) throw bad('there is no text in the message to edit');
    const { text, entities } = this.parseText(p.text, p.parse_mode, 4096, 'text');
    const replyMarkup = this.keyboard(p.reply_markup);
    if (text === msg.text && JSON.stringify(entities) === JSON.stringify(msg.entities) && JSON.stringify(replyMarkup) === JSON.stringify(msg.replyMarkup)) {
      throw bad('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    msg.text = text;
    msg.entities = entities;
    msg.raw = String(p.text);
    msg.parseMode = (p.parse_mode as string) ?? null;
    if (replyMarkup) msg.replyMarkup = replyMarkup;
    else delete msg.replyMarkup;
    msg.edits++;
    return this.messageObject(msg, { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' });
  }

  private answerCallbackQuery(p: Json): true {
    const q = this.queries.get(String(p.callback_query_id));
    if (!q || q.answered) throw bad('query is too old and response timeout expired or query ID is invalid');
    if (p.text !== undefined && String(p.text).length > 200) throw bad('MESSAGE_TOO_LONG');
    q.answered = true;
    if (p.text !== undefined) q.text = String(p.text);
    return true;
  }

  private setMyCommands(p: Json): true {
    const commands = p.commands;
    if (!Array.isArray(commands) || commands.length > 100) throw bad('commands must be an array of at most 100 commands');
    for (const c of commands as Json[]) {
      if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    this.commands = commands as { command: string; description: string }[];
    return true;
  }
}

/** Reads a Bot API request: JSON, form-encoded, multipart (files under `__files`) or the query string. */
async function readPayload(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  if (body.length === 0) return query;
  if (type.includes('application/json')) return { ...query, ...(JSON.parse(body.toString('utf8')) as Json) };
  const fields: Json = { ...query };
  const files: Record<string, Uint8Array> = {};
  const entries: [string, string | Uint8Array][] = type.includes('multipart/form-data')
    ? parseMultipart(body, /boundary=("?)([^";]+)\1/.exec(type)?.[2] ?? '')
    : [...new URLSearchParams(body.toString('utf8')).entries()];
  for (const [k, v] of entries) {
    if (typeof v === 'string') fields[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
    else files[k] = v;
  }
  if (Object.keys(files).length > 0) fields.__files = files;
  return fields;
}

/**
 * Parses a multipart/form-data body as leniently as Telegram does (grammY writes
 * "content-disposition:form-data;name=…" without spaces, and unquoted file names).
 * Parts with a file name come back as bytes, the others as text.
 */
function parseMultipart(body: Buffer, boundary: string): [string, string | Uint8Array][] {
  if (!boundary) throw new Error('no boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const out: [string, string | Uint8Array][] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    let start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new Error('unterminated part');
    const part = body.subarray(start, next - 2); // without the CRLF before the delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new Error('part without headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const disposition = /content-disposition\s*:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /name\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition.replace(/filename\s*=\s*(?:"[^"]*"|[^;\s]+)/i, ''));
    if (!name) throw new Error('part without a name');
    const isFile = /filename\s*=/i.test(disposition);
    out.push([name[1] ?? name[2]!, isFile ? new Uint8Array(content) : content.toString('utf8')]);
    at = next;
  }
  return out;
}
