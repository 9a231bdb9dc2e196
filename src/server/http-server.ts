import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import { readBody } from './body.js';

/** A request's head, as a route's `admit` sees it before any byte of the body is read. */
export interface HttpHead {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

/** A request as route handlers see it: the raw request with its body already read. */
export interface HttpRequest extends HttpHead {
  body: Buffer;
}

/** What a handler answers; `body` objects are sent as JSON. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export type RouteHandler = (req: HttpRequest) => Promise<HttpResponse> | HttpResponse;

export interface RouteOptions {
  /** Largest body read; a larger one is answered 413 as soon as it is announced or goes past it. */
  maxBodyBytes?: number;
  /** Most requests of this route in flight at once; more are answered 503 unread (default 64). */
  maxConcurrent?: number;
  /**
   * Looks at the headers before a byte of the body is read: a response refuses the request
   * at once (a missing token or secret), null lets it through.
   */
  admit?: (head: HttpHead) => HttpResponse | null;
  /** The answer to a body over the limit (default a bare 413). */
  tooLarge?: HttpResponse;
  /** The answer beyond `maxConcurrent` (default a bare 503). */
  busy?: HttpResponse;
}

interface Route {
  method: string;
  /** Exact path, or a prefix when it ends with '/*'. */
  path: string;
  maxBodyBytes: number;
  maxConcurrent: number;
  admit: ((head: HttpHead) => HttpResponse | null) | null;
  tooLarge: HttpResponse;
  busy: HttpResponse;
  handler: RouteHandler;
  inFlight: number;
}

/** Limits of the whole server (HTTP_* variables, src/config/env-http.ts). */
export interface HttpLimits {
  /** Longest wait for a request's headers, from the connection or the previous request. */
  headersTimeoutMs: number;
  /** Longest wait for a request's body once its headers have arrived (408 after it). */
  bodyTimeoutMs: number;
  /** Most open connections; the server closes more at once. */
  maxConnections: number;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
export const DEFAULT_MAX_CONCURRENT = 64;
export const DEFAULT_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, bodyTimeoutMs: 30_000, maxConnections: 1_024 };
/** How long, and how much of, what a client still sends after an early answer is read and dropped before its connection is closed. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 16 * 1024 * 1024;

const TOO_LARGE: HttpResponse = { status: 413, body: { ok: false, error: 'too_large' } };
const BUSY: HttpResponse = { status: 503, headers: { 'retry-after': '1' }, body: { ok: false, error: 'busy' } };
const TIMED_OUT: HttpResponse = { status: 408, headers: { connection: 'close' }, body: { ok: false, error: 'timeout' } };

/**
 * The bot's one HTTP server: Telegram and Zalo webhooks, the dossier push endpoint, chart
 * images for Zalo, and /healthz. Features register routes; nothing listens unless started.
 *
 * Nothing unauthenticated is buffered: a route's `admit` (token, secret) is asked from the
 * headers before the body is read, and its refusal, like a route at its cap of requests in
 * flight or a body announced over the limit, is answered at once, unread. A body is read
 * as it arrives and answered 413 the moment it passes the route's limit. Headers must
 * arrive within `headersTimeoutMs`, a body within `bodyTimeoutMs` (408). Handler errors
 * become 500 without detail.
 */
export class HttpServer {
  private readonly routes: Route[] = [];
  private server: Server | null = null;
  /** Set by close(): every answer from then on ends its connection. */
  private closing = false;
  /** Requests not answered yet, so that close() can have their answers end their connections. */
  private readonly unanswered = new Set<ServerResponse>();
  private healthReport: () => Record<string, unknown> = () => ({});
  private readonly limits: HttpLimits;

  constructor(
    private readonly log: Logger,
    limits: Partial<HttpLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.route('GET', '/healthz', () => ({ status: 200, body: { ok: true, ...this.healthReport() } }), { maxConcurrent: Number.POSITIVE_INFINITY });
  }

  /** What /healthz reports besides being alive (each channel's state). */
  reportHealth(report: () => Record<string, unknown>): void {
    this.healthReport = report;
  }

  /** Adds a route (GET routes answer HEAD too). Later routes do not override earlier ones with the same method and path. */
  route(method: string, path: string, handler: RouteHandler, opts: RouteOptions = {}): void {
    this.routes.push({
      method: method.toUpperCase(),
      path,
      handler,
      maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY,
      maxConcurrent: opts.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
      admit: opts.admit ?? null,
      tooLarge: opts.tooLarge ?? TOO_LARGE,
      busy: opts.busy ?? BUSY,
      inFlight: 0,
    });
  }

  get hasRoutesBeyondHealth(): boolean {
    return this.routes.length > 1;
  }

  private match(method: string, path: string): Route | 'method' | null {
    const wanted = method === 'HEAD' ? 'GET' : method;
    let pathMatched = false;
    for (const r of this.routes) {
      const ok = r.path.endsWith('/*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path;
      if (!ok) continue;
      pathMatched = true;
      if (r.method === wanted) return r;
    }
    return pathMatched ? 'method' : null;
  }

  /** Starts listening; resolves with the bound port (0 picks a free one). */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const { headersTimeoutMs, bodyTimeoutMs, maxConnections } = this.limits;
    const server = createServer(
      {
        headersTimeout: headersTimeoutMs,
        // A backstop over the whole request; the body's own time-out answers 408 first.
        requestTimeout: headersTimeoutMs + bodyTimeoutMs + 5_000,
        // How often Node looks for connections past those time-outs.
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
      },
      (req, res) => void this.dispatch(req, res),
    );
    server.maxConnections = maxConnections;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A kept-alive connection would carry requests past close() for as long as its client
    // keeps it busy; closing it after this answer sends the client to another instance.
    if (this.closing) res.shouldKeepAlive = false;
    this.unanswered.add(res);
    res.once('close', () => this.unanswered.delete(res));
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const route = this.match(method, url.pathname);
    if (route === null) return answerUnread(req, res, { status: 404, body: { ok: false, error: 'not_found' } });
    if (route === 'method') return answerUnread(req, res, { status: 405, body: { ok: false, error: 'method_not_allowed' } });
    const head: HttpHead = { method, path: url.pathname, query: url.searchParams, headers: req.headers };
    const refusal = route.admit?.(head) ?? null;
    if (refusal) return answerUnread(req, res, refusal);
    if (route.inFlight >= route.maxConcurrent) {
      this.log.warn('http route at its cap of requests in flight', { path: route.path, cap: route.maxConcurrent });
      return answerUnread(req, res, route.busy);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > route.maxBodyBytes) return answerUnread(req, res, route.tooLarge);
    route.inFlight++;
    res.once('close', () => route.inFlight--);
    const read = await readBody(req, route.maxBodyBytes, this.limits.bodyTimeoutMs);
    if (!read.ok) {
      if (read.why === 'too_large') return answerUnread(req, res, route.tooLarge);
      if (read.why === 'timeout') {
        this.log.info('http body not received in time', { path: route.path, ms: this.limits.bodyTimeoutMs });
        send(res, TIMED_OUT);
        res.once('finish', () => req.socket.destroy());
      }
      return;
    }
    try {
      const out = await route.handler({ ...head, body: read.body });
      send(res, out);
    } catch (err) {
      this.log.error('http handler failed', { path: url.pathname, error: err });
      send(res, { status: 500, body: { ok: false, error: 'internal' } });
    }
  }

  /**
   * Stops taking connections, ends kept-alive ones after the answer in progress, and
   * resolves once every request in flight has been answered.
   */
  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = null;
    this.closing = true;
    for (const res of this.unanswered) res.shouldKeepAlive = false;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeIdleConnections?.();
    });
  }
}

/**
 * Answers a request whose body is not (or no longer) read. What the client still sends is
 * read and dropped for a moment (at most LINGER_MS and LINGER_BYTES), so it gets to read
 * the answer instead of a reset connection; then the connection is closed unless the body
 * ended meanwhile.
 */
function answerUnread(req: IncomingMessage, res: ServerResponse, out: HttpResponse): void {
  send(res, out);
  if (req.complete) return;
  let dropped = 0;
  const close = () => {
    clearTimeout(timer);
    req.off('data', onData);
    if (!req.complete) req.socket.destroy();
  };
  const onData = (c: Buffer) => {
    dropped += c.length;
    if (dropped > LINGER_BYTES) close();
  };
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  req.on('data', onData);
  req.once('end', () => {
    clearTimeout(timer);
    req.off('data', onData);
  });
  req.socket.once('close', () => clearTimeout(timer));
}

function send(res: ServerResponse, out: HttpResponse): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...(out.headers ?? {}) };
  let payload: string | Buffer | undefined;
  if (out.body === undefined) payload = undefined;
  else if (typeof out.body === 'string' || Buffer.isBuffer(out.body)) payload = out.body;
  else {
    payload = JSON.stringify(out.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
