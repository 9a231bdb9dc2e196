import { Agent, request, type Dispatcher } from 'undici';
import { codeOfApiError, networkFailure, ZaloError } from './errors.js';
import type {
  SendChatActionParams,
  SendMessageParams,
  SendPhotoParams,
  SendStickerParams,
  SetWebhookParams,
  ZaloBotInfo,
  ZaloSentMessage,
  ZaloUpdate,
  ZaloWebhookInfo,
} from './types.js';

/** Time limits of calls, in milliseconds (openclaw's measured choices). */
const ZALO_TIMEOUTS = {
  default: 30_000,
  /** Zalo fetches the picture before it answers. */
  sendPhoto: 150_000,
  /** Cosmetic: never worth waiting for. */
  sendChatAction: 5_000,
  /** Added to a long poll's own wait: Zalo answers 408 right after `timeout` seconds. */
  pollGrace: 10_000,
};

/** The default long-poll wait (seconds); Zalo's default too. */
export const DEFAULT_POLL_SECONDS = 30;

export interface ZaloClientOptions {
  token: string;
  /** e.g. https://bot-api.zaloplatforms.com (no trailing slash needed). */
  apiRoot: string;
  /** The connection pool; by default one owned by the client (closed by `close`). */
  dispatcher?: Dispatcher;
  /** Overrides of ZALO_TIMEOUTS (tests shorten them). */
  timeouts?: Partial<typeof ZALO_TIMEOUTS>;
}

/** Options of one call. */
export interface CallOptions {
  timeoutMs?: number;
  /** Aborts the call (shutdown); it then fails as `transport`. */
  signal?: AbortSignal;
}

/** Drops undefined and null values: Zalo may refuse keys it does not expect to be null. */
function dropNullish(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A typed client for the Zalo Bot API on undici: POST with a JSON body to
 * `<apiRoot>/bot<token>/<method>` through a pooled agent, one time limit per call. The
 * body decides, not the HTTP status (Zalo answers failures with 200 too, or with the
 * status equal to error_code). Every failure is a ZaloError whose text never contains
 * the token.
 *
 * @example
 * const zalo = new ZaloClient({ token, apiRoot: 'https://bot-api.zaloplatforms.com' });
 * const me = await zalo.getMe();
 * for (const update of await zalo.getUpdates({ timeout: 30 })) handle(update);
 * await zalo.sendMessage({ chat_id: update.message.chat.id, text: 'Xin chào' });
 */
export class ZaloClient {
  private readonly base: string;
  private readonly token: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeouts: typeof ZALO_TIMEOUTS;

  constructor(opts: ZaloClientOptions) {
    this.token = opts.token;
    this.base = `${opts.apiRoot.replace(/\/+$/, '')}/bot${opts.token}/`;
    this.ownsDispatcher = !opts.dispatcher;
    this.dispatcher = opts.dispatcher ?? new Agent({ connections: 64, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
    this.timeouts = { ...ZALO_TIMEOUTS, ...opts.timeouts };
  }

  /**
   * Calls any method with snake_case parameters and returns its `result` (undefined for
   * methods that answer `{ok: true}` alone, as sendChatAction does).
   */
  async call<T>(method: string, params: object = {}, opts: CallOptions = {}): Promise<T> {
    const t = this.timeouts;
    const timeoutMs = opts.timeoutMs ?? (method === 'sendPhoto' ? t.sendPhoto : method === 'sendChatAction' ? t.sendChatAction : t.default);
    const timer = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([timer, opts.signal]) : timer;
    let status: number;
    let raw: string;
    try {
      const res = await request(`${this.base}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(dropNullish(params)),
        dispatcher: this.dispatcher,
        signal,
      });
      status = res.statusCode;
      raw = await res.body.text();
    } catch (err) {
      if (timer.aborted) throw new ZaloError('timeout', method, null, `no answer within ${timeoutMs} ms`);
      if (opts.signal?.aborted) throw new ZaloError('transport', method, null, 'aborted');
      throw new ZaloError('transport', method, null, networkFailure(err));
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      // A gateway's page, which may echo the URL: only its status is kept.
      throw new ZaloError('transport', method, status, `HTTP ${status}, body is not JSON`, status);
    }
    if (isObject(body) && body.ok === true) return body.result as T;
    const fromBody = isObject(body) ? Number(body.error_code) : NaN;
    const errorCode = Number.isFinite(fromBody) && fromBody > 0 ? fromBody : status >= 400 ? status : 500;
    // Zalo's text is not trusted to leave the token out (tokens with short secrets escape `redact`).
    const description = isObject(body) && typeof body.description === 'string' ? body.description.split(this.token).join('<redacted>').slice(0, 200) : '';
    throw new ZaloError(codeOfApiError(errorCode), method, errorCode, description, status);
  }

  /** The bot's own account; fails with `auth` when the token is refused. */
  getMe(opts?: CallOptions): Promise<ZaloBotInfo> {
    return this.call<ZaloBotInfo>('getMe', {}, opts);
  }

  /**
   * Waits up to `timeout` seconds (at least 1: Zalo's `timeout: 0` never answers) for the
   * next update. Zalo returns one update per call and forgets it once returned, so the
   * caller must keep it before doing anything else. Resolves with [] when none came
   * (Zalo's 408 "Request timeout", whatever the HTTP status, or an empty result); an
   * array result is accepted too.
   */
  async getUpdates(params: { timeout?: number } = {}, opts: CallOptions = {}): Promise<ZaloUpdate[]> {
    const seconds = Math.max(1, Math.round(params.timeout ?? DEFAULT_POLL_SECONDS));
    let result: unknown;
    try {
      // The docs type `timeout` as a string; Zalo accepts both.
      result = await this.call<unknown>('getUpdates', { timeout: String(seconds) }, { timeoutMs: seconds * 1000 + this.timeouts.pollGrace, ...opts });
    } catch (err) {
      if (err instanceof ZaloError && err.errorCode === 408) return [];
      throw err;
    }
    const list = Array.isArray(result) ? result : [result];
    return list.filter((u): u is ZaloUpdate => isObject(u) && typeof u.event_name === 'string');
  }

  /** Registers the webhook; Zalo keeps the URL even when its probe of it fails. */
  setWebhook(params: SetWebhookParams, opts?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>('setWebhook', params, opts);
  }

  /** Removes the webhook (getUpdates works only without one). */
  deleteWebhook(opts?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>('deleteWebhook', {}, opts);
  }

  /** The webhook set, or null when there is none (Zalo answers 404 when it was never set). */
  async getWebhookInfo(opts?: CallOptions): Promise<ZaloWebhookInfo | null> {
    try {
      const info = await this.call<ZaloWebhookInfo | undefined>('getWebhookInfo', {}, opts);
      return info && typeof info.url === 'string' && info.url !== '' ? info : null;
    } catch (err) {
      if (err instanceof ZaloError && err.errorCode === 404) return null;
      throw err;
    }
  }

  /** Sends text (1–2,000 characters; the caller splits longer text). */
  sendMessage(params: SendMessageParams, opts?: CallOptions): Promise<ZaloSentMessage> {
    return this.call<ZaloSentMessage>('sendMessage', params, opts);
  }

  /** Sends a picture by public URL (Zalo refuses uploads, data URIs and base64). */
  sendPhoto(params: SendPhotoParams, opts?: CallOptions): Promise<ZaloSentMessage> {
    return this.call<ZaloSentMessage>('sendPhoto', params, opts);
  }

  sendSticker(params: SendStickerParams, opts?: CallOptions): Promise<ZaloSentMessage> {
    return this.call<ZaloSentMessage>('sendSticker', params, opts);
  }

  /** Shows "typing…" for about 5 seconds. */
  async sendChatAction(params: SendChatActionParams, opts?: CallOptions): Promise<void> {
    await this.call<unknown>('sendChatAction', params, opts);
  }

  /** Closes the connection pool if the client owns it. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
