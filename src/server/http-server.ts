import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';

/** A request as route handlers see it: the raw request with its body already read. */
export interface HttpRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** What a handler answers; `body` objects are sent as JSON. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export type RouteHandler = (req: HttpRequest) => Promise<HttpResponse> | HttpResponse;

interface Route {
  method: string;
  /** Exact path, or a prefix when it ends with '/*'. */
  path: string;
  maxBodyBytes: number;
  handler: RouteHandler;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * The bot's one HTTP server: Telegram and Zalo webhooks, the dossier push endpoint, chart
 * images for Zalo, and /healthz. Features register routes; nothing listens unless started.
 * Handler errors become 500 without detail; bodies over a route's limit get 413 unread.
 */
export class HttpServer {
  private readonly routes: Route[] = [];
  private server: Server | null = null;
  private healthReport: () => Record<string, unknown> = () => ({});

  constructor(private readonly log: Logger) {
    this.route('GET', '/healthz', () => ({ status: 200, body: { ok: true, ...this.healthReport() } }));
  }

  /** What /healthz reports besides being alive (each channel's state). */
  reportHealth(report: () => Record<string, unknown>): void {
    this.healthReport = report;
  }

  /** Adds a route. Later routes do not override earlier ones with the same method and path. */
  route(method: string, path: string, handler: RouteHandler, opts: { maxBodyBytes?: number } = {}): void {
    this.routes.push({ method: method.toUpperCase(), path, handler, maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY });
  }

  get hasRoutesBeyondHealth(): boolean {
    return this.routes.length > 1;
  }

  private match(method: string, path: string): Route | 'method' | null {
    let pathMatched = false;
    for (const r of this.routes) {
      const ok = r.path.endsWith('/*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path;
      if (!ok) continue;
      pathMatched = true;
      if (r.method === method) return r;
    }
    return pathMatched ? 'method' : null;
  }

  /** Starts listening; resolves with the bound port (0 picks a free one). */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer((req, res) => void this.dispatch(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const route = this.match(method, url.pathname);
    if (route === null) return send(res, { status: 404, body: { ok: false, error: 'not_found' } });
    if (route === 'method') return send(res, { status: 405, body: { ok: false, error: 'method_not_allowed' } });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > route.maxBodyBytes) {
      req.resume();
      return send(res, { status: 413, headers: { connection: 'close' }, body: { ok: false, error: 'too_large' } });
    }
    let body: Buffer;
    try {
      body = await readBody(req, route.maxBodyBytes);
    } catch {
      return send(res, { status: 413, headers: { connection: 'close' }, body: { ok: false, error: 'too_large' } });
    }
    try {
      const out = await route.handler({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body });
      send(res, out);
    } catch (err) {
      this.log.error('http handler failed', { path: url.pathname, error: err });
      send(res, { status: 500, body: { ok: false, error: 'internal' } });
    }
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeIdleConnections?.();
    });
  }
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.destroy();
        reject(new Error('too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
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
