/**
 * A local fake of the Zalo Bot API (zalo-bot-api.md §10), speaking HTTP over loopback, so
 * the real Zalo channel runs against it unchanged (ZALO_API_ROOT pointed here).
 *
 * Routes POST|GET /bot<token>/<method>; parameters from JSON, form-urlencoded or the query
 * string. Unknown methods get 404 "Not Found", an unknown token 401 "Unauthorized". Errors
 * carry the HTTP status of their error_code ("mirror", the default) or 200 ("200"), as
 * both have been seen. getUpdates hands out ONE queued update per call and forgets it;
 * with none it waits `timeout` seconds (scaled down: `msPerPollSecond`) and answers 408
 * "Request timeout"; `timeout: 0` is counted (and can be made to hang, as on Zalo); with a
 * webhook set it answers 409. setWebhook validates the URL and the 8–256-character secret,
 * keeps the URL even when its probe fails, and returns a verification block.
 * getWebhookInfo answers 404 until a webhook was ever set. sendMessage checks chat_id,
 * 1–2,000 characters and parse_mode; sendPhoto wants an http(s) URL and fetches it, as
 * Zalo does; sendVoice "succeeds" in groups without delivering; sendChatAction answers
 * {ok: true} without a result. An optional monthly quota answers 429 "Quota exceeded".
 * Fault injection: 429, 5xx, a gateway page that is not JSON, dropped connections, slow
 * answers (one-shot per method or at random rates), and `hold` to keep calls waiting.
 * Test helpers queue updates (or post them to the webhook, wrapped or flat, one chat's in
 * order) and record every message sent.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

let fakeBots = 0;

/** A token for a new fake bot ("<bot id>:<secret>", as Bot Creator issues them). */
export function fakeZaloToken(): string {
  fakeBots++;
  return `${(300_000_000 + process.pid * 1_000 + fakeBots) % 2_000_000_000}:zalo-test-secret-${fakeBots}`;
}

/** A 20-hex id, as Zalo's message and user ids are. */
export function hexId(): string {
  return randomBytes(10).toString('hex');
}

/** A fault the server answers a call with, instead of (or before) handling it. */
export type ZaloFault =
  | { kind: '429' }
  | { kind: '500' }
  /** A gateway's HTML page (HTTP 502) that echoes the request URL, token included. */
  | { kind: 'gateway' }
  /** Any error answer. */
  | { kind: 'error'; code: number; description: string }
  /** The connection is closed before the call is handled (nothing happens). */
  | { kind: 'drop' }
  /** The call is handled after `ms` (a poll only if its caller is still there). */
  | { kind: 'slow'; ms: number };

/** Faults at random rates (0–1) for the methods listed (default: every method). */
export interface ZaloRandomFaults {
  rate429?: number;
  rate5xx?: number;
  rateDrop?: number;
  rateSlow?: number;
  slowMs?: number;
  methods?: string[];
  /** Seed of the deterministic random sequence (default 1). */
  seed?: number;
}

/** One call as the server received it. */
export interface ZaloRecordedCall {
  method: string;
  payload: Json;
  httpMethod: string;
  contentType: string;
  /** performance.now() when the request arrived. */
  at: number;
  fault?: ZaloFault['kind'];
  ok: boolean;
  /** The HTTP status answered (0 when the connection was dropped). */
  status: number;
  errorCode?: number;
  error?: string;
}

/** A message the bot sent, as the fake keeps it. */
export interface ZaloSentRecord {
  message_id: string;
  chatId: string;
  method: 'sendMessage' | 'sendPhoto' | 'sendSticker' | 'sendVoice';
  /** The text (or caption) exactly as sent. */
  raw: string;
  /** What a person sees: markdown markers and escapes removed when parse_mode was markdown. */
  text: string;
  parseMode: string | null;
  photo?: string;
  /** The picture as fetched from `photo`. */
  photoBytes?: Buffer;
  sticker?: string;
  date: number;
}

export interface FakeZaloChat {
  id: string;
  type: 'PRIVATE' | 'GROUP';
}

export interface FakeZaloUser {
  id: string;
  display_name: string;
  is_bot?: boolean;
}

export interface FakeZaloOptions {
  token?: string;
  accountName?: string;
  displayName?: string;
  /** HTTP status of error answers: their error_code ("mirror", default) or always 200. */
  errorStatus?: 'mirror' | '200';
  /** Milliseconds of real waiting per second of a poll's `timeout` (default 20: 30 s → 600 ms). */
  msPerPollSecond?: number;
  /** getWebhookInfo answers 404 while no webhook was ever set (default true). */
  notFoundWithoutWebhook?: boolean;
  /** Messages accepted before 429 "Quota exceeded" (default: no limit). */
  monthlyQuota?: number | null;
  /** `timeout: 0` never answers, as on Zalo (default false: it waits 30 s). */
  hangOnZeroTimeout?: boolean;
  /** sendPhoto fetches the picture from its URL, as Zalo does (default true). */
  fetchPhotos?: boolean;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

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

/** What a person sees of a markdown text: markers removed, escapes resolved. */
export function visibleMarkdown(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/^(\s*)#{1,6}\s+/, '$1'))
    .join('\n')
    .replace(/\\([\\*_~`#])|\*\*|~~|\*|`/g, (_m, escaped: string | undefined) => escaped ?? '');
}

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendSticker', 'sendVoice']);
const METHODS = new Set(['getMe', 'getUpdates', 'setWebhook', 'deleteWebhook', 'getWebhookInfo', 'sendMessage', 'sendPhoto', 'sendSticker', 'sendVoice', 'sendChatAction']);
const ABANDONED = Symbol('abandoned');

export class FakeZaloServer {
  readonly token: string;
  readonly botId: string;
  readonly opts: Required<Omit<FakeZaloOptions, 'token' | 'monthlyQuota'>> & { monthlyQuota: number | null };
  /** Every call received, in order of arrival. */
  readonly calls: ZaloRecordedCall[] = [];
  /** Every message accepted, in order. */
  readonly sent: ZaloSentRecord[] = [];
  /** Webhook deliveries: message id → HTTP statuses received, in order. */
  readonly webhookDeliveries = new Map<string, number[]>();
  /** getUpdates calls that asked for `timeout` 0 or none (which hangs on Zalo). */
  zeroTimeoutPolls = 0;
  webhook: { url: string; secret: string; updated_at: number } | null = null;
  private webhookEverSet = false;
  /** Where webhooks go instead of the registered URL: one address, or several taken in turn (a load balancer). */
  private webhookTargets: string[] = [];
  private nextTarget = 0;
  private readonly webhookChains = new Map<string, Promise<void>>();
  private pending: Json[] = [];
  private readonly pollWakers = new Set<() => void>();
  private readonly oneShot = new Map<string, ZaloFault[]>();
  private random: (ZaloRandomFaults & { next: () => number }) | null = null;
  private readonly holds: { method: string; match: (p: Json) => boolean; gate: Promise<void> }[] = [];
  private readonly listeners: ((call: ZaloRecordedCall) => void)[] = [];
  private readonly events = new EventEmitter();
  private accepted = 0;
  private readonly chatTypes = new Map<string, FakeZaloChat['type']>();
  private server: Server | null = null;
  private port = 0;

  private constructor(opts: FakeZaloOptions) {
    this.token = opts.token ?? fakeZaloToken();
    this.botId = this.token.split(':')[0]!;
    this.opts = {
      accountName: opts.accountName ?? 'bot.HaicapTest',
      displayName: opts.displayName ?? 'Bot Haicap',
      errorStatus: opts.errorStatus ?? 'mirror',
      msPerPollSecond: opts.msPerPollSecond ?? 20,
      notFoundWithoutWebhook: opts.notFoundWithoutWebhook ?? true,
      monthlyQuota: opts.monthlyQuota ?? null,
      hangOnZeroTimeout: opts.hangOnZeroTimeout ?? false,
      fetchPhotos: opts.fetchPhotos ?? true,
    };
    this.events.setMaxListeners(1000);
  }

  /** Starts a fake server on a free loopback port. */
  static async start(opts: FakeZaloOptions = {}): Promise<FakeZaloServer> {
    const s = new FakeZaloServer(opts);
    const server = createServer((req, res) => void s.dispatch(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    s.server = server;
    s.port = (server.address() as AddressInfo).port;
    return s;
  }

  /** The API root to give the client (ZALO_API_ROOT). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.pollWakers) wake();
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
  failNext(method: string, fault: ZaloFault, count = 1): void {
    const list = this.oneShot.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(fault);
    this.oneShot.set(method, list);
  }

  /** Forgets the faults queued by failNext. */
  clearFaults(): void {
    this.oneShot.clear();
  }

  /** Answers calls with faults at random rates (null: none). */
  randomFaults(cfg: ZaloRandomFaults | null): void {
    this.random = cfg ? { ...cfg, next: rng(cfg.seed ?? 1) } : null;
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

  /** Sets the monthly quota (null: none) and, optionally, the count already used. */
  setQuota(quota: number | null, used?: number): void {
    this.opts.monthlyQuota = quota;
    if (used !== undefined) this.accepted = used;
  }

  /** Posts webhook updates to this address instead of the registered public URL. */
  deliverWebhooksTo(url: string | readonly string[] | null): void {
    this.webhookTargets = url === null ? [] : typeof url === 'string' ? [url] : [...url];
  }

  /** Calls `listener` for every call as it arrives. */
  onCall(listener: (call: ZaloRecordedCall) => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** Forgets recorded calls and messages (long benchmark runs keep memory flat). */
  reset(): void {
    this.calls.length = 0;
    this.sent.length = 0;
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
        reject(new Error(`fake Zalo: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
    });
  }

  private changed(): void {
    this.events.emit('change');
  }

  // ---- updates ------------------------------------------------------------------------

  /** A message object from `from` in `chat`, with a fresh 20-hex id and a date in ms. */
  message(chat: FakeZaloChat, from: FakeZaloUser, extra: Json = {}): Json {
    this.chatTypes.set(chat.id, chat.type);
    return {
      from: { id: from.id, display_name: from.display_name, is_bot: from.is_bot ?? false },
      chat: { id: chat.id, chat_type: chat.type },
      message_id: hexId(),
      date: Date.now(),
      ...extra,
    };
  }

  /**
   * Makes an update available: queued for getUpdates, or, while a webhook is set, posted
   * to it with the secret header, wrapped in {ok: true, result} unless `flat`.
   */
  injectUpdate(update: Json, opts: { flat?: boolean } = {}): Json {
    if (this.webhook) this.postInOrder(update, opts.flat ?? false);
    else {
      this.pending.push(update);
      for (const wake of [...this.pollWakers]) wake();
    }
    this.changed();
    return update;
  }

  /** Delivers the same update again (a webhook retry, or a copy in the queue). */
  redeliver(update: Json, opts: { flat?: boolean } = {}): void {
    this.injectUpdate(update, opts);
  }

  /** A person writes `text` in `chat`. */
  sendText(chat: FakeZaloChat, from: FakeZaloUser, text: string, opts: { flat?: boolean } = {}): Json {
    return this.injectUpdate({ event_name: 'message.text.received', message: this.message(chat, from, { text }) }, opts);
  }

  sendSticker(chat: FakeZaloChat, from: FakeZaloUser): Json {
    return this.injectUpdate({ event_name: 'message.sticker.received', message: this.message(chat, from, { sticker: hexId(), url: 'https://stickers.example/s.png' }) });
  }

  sendImage(chat: FakeZaloChat, from: FakeZaloUser, caption?: string): Json {
    return this.injectUpdate({
      event_name: 'message.image.received',
      message: this.message(chat, from, { photo_url: 'https://photo-stal-1.zdn.vn/x.jpg', message_type: 'CHAT_PHOTO', ...(caption ? { caption } : {}) }),
    });
  }

  sendUnsupported(chat: FakeZaloChat, from: FakeZaloUser): Json {
    return this.injectUpdate({ event_name: 'message.unsupported.received', message: this.message(chat, from) });
  }

  /** Updates queued for getUpdates and not handed out yet. */
  get queued(): number {
    return this.pending.length;
  }

  /** One chat's updates are posted one after another, in the order they were written. */
  private postInOrder(update: Json, flat: boolean): void {
    const chat = String(((update.message as Json | undefined)?.chat as Json | undefined)?.id ?? '');
    const next = (this.webhookChains.get(chat) ?? Promise.resolve()).then(() => this.deliverWebhook(update, flat));
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

  /**
   * Posts one update, once (Zalo does not promise to send it again); with several
   * addresses, a connection refused by one is tried on the next, as a balancer would.
   */
  private async deliverWebhook(update: Json, flat: boolean): Promise<void> {
    const hook = this.webhook!;
    const id = String((update.message as Json | undefined)?.message_id ?? '');
    for (const target of this.targetsFor(hook.url)) {
      let status = 0;
      try {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': hook.secret },
          body: JSON.stringify(flat ? update : { ok: true, result: update }),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      this.webhookDeliveries.set(id, [...(this.webhookDeliveries.get(id) ?? []), status]);
      this.changed();
      if (status !== 0) return;
    }
  }

  // ---- inspection ---------------------------------------------------------------------

  /** The bot's messages in a chat, in order. */
  botMessages(chatId: string): ZaloSentRecord[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  /** Successful calls of a method. */
  succeeded(method: string): ZaloRecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  // ---- HTTP ---------------------------------------------------------------------------

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0]!);
    let gone = false;
    res.once('close', () => {
      gone = true;
      for (const wake of [...this.pollWakers]) wake();
    });
    const call: ZaloRecordedCall = { method: m?.[2] ?? '', payload: {}, httpMethod: req.method ?? '', contentType: String(req.headers['content-type'] ?? ''), at, ok: false, status: 0 };
    const send = (status: number, body: string | Json) => {
      call.status = status;
      this.changed();
      if (res.writableEnded || res.destroyed) return;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json' });
      res.end(text);
    };
    const fail = (e: ApiError) => {
      call.errorCode = e.code;
      call.error = e.description;
      send(this.opts.errorStatus === 'mirror' ? e.code : 200, { ok: false, error_code: e.code, description: e.description });
    };
    if (!m) {
      req.resume();
      return fail(new ApiError(404, 'Not Found'));
    }
    try {
      call.payload = await readPayload(req);
    } catch {
      return fail(new ApiError(400, 'Bad Request'));
    }
    this.calls.push(call);
    for (const l of this.listeners) l(call);
    this.changed();
    if (m[1] !== this.token) return fail(new ApiError(401, 'Unauthorized'));
    if (!METHODS.has(call.method)) return fail(new ApiError(404, 'Not Found'));
    for (const h of [...this.holds]) if (h.method === call.method && h.match(call.payload)) await h.gate;
    const fault = this.faultFor(call.method);
    if (fault) {
      call.fault = fault.kind;
      if (fault.kind === 'drop') {
        this.changed();
        res.socket?.destroy();
        return;
      }
      if (fault.kind === '429') return fail(new ApiError(429, 'Quota exceeded'));
      if (fault.kind === '500') return fail(new ApiError(500, 'Internal Server Error'));
      if (fault.kind === 'error') return fail(new ApiError(fault.code, fault.description));
      if (fault.kind === 'gateway') return send(502, `<html><body>502 Bad Gateway: POST ${req.url}</body></html>`);
      // A slow send is still carried out after its caller gave up, as a real server would.
      await new Promise((r) => setTimeout(r, fault.ms));
    }
    try {
      const result = await this.handle(call.method, call.payload, () => gone);
      if (result === ABANDONED) return;
      call.ok = true;
      send(200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (err) {
      fail(err instanceof ApiError ? err : new ApiError(500, 'Internal Server Error'));
    }
  }

  private faultFor(method: string): ZaloFault | null {
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
    edge += r.rateSlow ?? 0;
    if (x < edge) return { kind: 'slow', ms: r.slowMs ?? 200 };
    return null;
  }

  private async handle(method: string, p: Json, gone: () => boolean): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return { id: this.botId, account_name: this.opts.accountName, account_type: 'BASIC', can_join_groups: false, display_name: this.opts.displayName };
      case 'getUpdates':
        return this.getUpdates(p, gone);
      case 'setWebhook':
        return this.setWebhook(p);
      case 'deleteWebhook':
        this.webhook = null;
        return { url: '', updated_at: Date.now() };
      case 'getWebhookInfo':
        if (this.webhook) return { url: this.webhook.url, updated_at: this.webhook.updated_at };
        if (!this.webhookEverSet && this.opts.notFoundWithoutWebhook) throw new ApiError(404, 'Not Found');
        return { url: '', updated_at: Date.now() };
      case 'sendChatAction':
        this.chatId(p);
        if (p.action !== 'typing' && p.action !== 'upload_photo') throw new ApiError(400, 'action is invalid');
        return undefined;
      default:
        return this.sendOne(method as ZaloSentRecord['method'], p);
    }
  }

  private async getUpdates(p: Json, gone: () => boolean): Promise<unknown> {
    if (this.webhook) throw new ApiError(409, 'Conflict: webhook is active');
    let seconds = Number(p.timeout);
    if (!(seconds > 0)) {
      this.zeroTimeoutPolls++;
      if (this.opts.hangOnZeroTimeout) seconds = Number.POSITIVE_INFINITY;
      else seconds = 30;
    }
    const deadline = performance.now() + seconds * this.opts.msPerPollSecond;
    for (;;) {
      if (gone() || !this.server) return ABANDONED;
      const next = this.pending.shift();
      if (next) return next;
      const left = deadline - performance.now();
      if (left <= 0) throw new ApiError(408, 'Request timeout');
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.pollWakers.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = Number.isFinite(left) ? setTimeout(wake, left) : undefined;
        this.pollWakers.add(wake);
      });
    }
  }

  private async setWebhook(p: Json): Promise<Json> {
    const url = typeof p.url === 'string' ? p.url : '';
    const secret = typeof p.secret_token === 'string' ? p.secret_token : '';
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ApiError(400, 'url is invalid');
    }
    if (parsed.protocol !== 'https:') throw new ApiError(400, 'url must start with https://');
    if (secret.length < 8 || secret.length > 256) throw new ApiError(400, 'secret_token must be 8-256 characters');
    const updated_at = Date.now();
    this.webhook = { url, secret, updated_at };
    this.webhookEverSet = true;
    const blocked = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(parsed.hostname) || /zalo|zapps|zdn\.vn/.test(parsed.hostname);
    const verification = blocked ? { ok: false, url, outcome: 'webhook.err.blocked' } : await this.probe(url, secret);
    return { url, updated_at, verification };
  }

  /** Zalo's check of a new webhook: an empty POST with the secret. */
  private async probe(url: string, secret: string): Promise<Json> {
    const started = performance.now();
    try {
      const res = await fetch(this.webhookTargets[0] ?? url, { method: 'POST', headers: { 'x-bot-api-secret-token': secret } });
      await res.arrayBuffer();
      const outcome = res.ok ? 'webhook.ok' : res.status === 403 ? 'webhook.http.403' : res.status === 404 ? 'webhook.http.404' : res.status >= 500 ? 'webhook.http.5xx' : 'webhook.http.other';
      return { ok: res.ok, url, status_code: res.status, outcome, latency_ms: Math.round(performance.now() - started) };
    } catch {
      return { ok: false, url, outcome: 'webhook.err.conn' };
    }
  }

  private chatId(p: Json): string {
    const id = p.chat_id;
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') throw new ApiError(400, 'chat_id is required');
    return String(id);
  }

  private checkText(v: unknown, what: 'text' | 'caption', required: boolean): string | undefined {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.length < 1 || v.length > 2000) throw new ApiError(400, `${what} must be 1-2000 characters`);
    return v;
  }

  private async sendOne(method: ZaloSentRecord['method'], p: Json): Promise<Json> {
    const chatId = this.chatId(p);
    const parseMode = p.parse_mode === undefined ? null : String(p.parse_mode);
    if (parseMode !== null && parseMode !== 'markdown' && parseMode !== 'html') throw new ApiError(400, 'parse_mode is invalid');
    const record: ZaloSentRecord = { message_id: hexId(), chatId, method, raw: '', text: '', parseMode, date: Date.now() };
    if (method === 'sendMessage') {
      record.raw = this.checkText(p.text, 'text', true)!;
    } else if (method === 'sendPhoto') {
      const photo = typeof p.photo === 'string' ? p.photo : '';
      if (photo === '') throw new ApiError(400, 'The photo must not be empty');
      if (!/^https?:\/\//.test(photo)) throw new ApiError(400, 'The photo must start with http:// or https://');
      record.raw = this.checkText(p.caption, 'caption', false) ?? '';
      record.photo = photo;
      if (this.opts.fetchPhotos) record.photoBytes = await this.fetchPhoto(photo);
    } else if (method === 'sendSticker') {
      if (typeof p.sticker !== 'string' || p.sticker === '') throw new ApiError(400, 'sticker is required');
      record.sticker = p.sticker;
    } else {
      if (typeof p.voice_url !== 'string' || !/^https?:\/\/\S+\.aac$/.test(p.voice_url)) throw new ApiError(400, 'voice_url must be an .aac URL');
    }
    if (this.opts.monthlyQuota !== null && this.accepted >= this.opts.monthlyQuota) throw new ApiError(429, 'Quota exceeded');
    this.accepted++;
    record.text = parseMode === 'markdown' ? visibleMarkdown(record.raw) : record.raw;
    // A voice note to a group "succeeds" but is never delivered.
    if (!(method === 'sendVoice' && this.chatTypes.get(chatId) === 'GROUP')) this.sent.push(record);
    return { message_id: record.message_id, date: record.date };
  }

  private async fetchPhoto(url: string): Promise<Buffer> {
    try {
      const res = await fetch(url);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (!res.ok || bytes.length === 0) throw new Error(String(res.status));
      return bytes;
    } catch {
      throw new ApiError(400, 'The photo URL is invalid');
    }
  }
}

/** Reads a request's parameters: JSON, form-encoded or the query string. */
async function readPayload(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  if (body.length === 0) return query;
  if (type.includes('application/json')) {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return { ...query, ...(value as Json) };
  }
  return { ...query, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
}
