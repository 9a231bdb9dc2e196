import type { Logger } from '../log.js';
import type { HttpHead, HttpRequest, HttpResponse, HttpServer } from '../server/http-server.js';
import { sameSecret } from '../server/secret.js';
import type { ChatChannel, Receiver } from './chat-channel.js';

/** A webhook as configured: the public address given to the platform, the path served, the secret. */
export interface WebhookSettings {
  /** The public address given to the platform. */
  url: string;
  /** The path served on the bot's HTTP server. */
  path: string;
  secret: string;
}

/** A platform's webhook: where it posts, how it proves itself, what it expects back. */
export interface WebhookSpec {
  /** The path served on the bot's HTTP server. */
  path: string;
  /** The header carrying the secret, and the secret. */
  secretHeader: string;
  secret: string;
  /** The answer to a wrong or missing secret (Telegram 401, Zalo 403). */
  refused: HttpResponse;
  /** The answer to an update taken (kept, or deliberately ignored). */
  ok: HttpResponse;
  /** The answer to a body that is not an update. */
  bad: (reason: 'too_large' | 'not_json' | 'not_an_update') => HttpResponse;
  /** Bodies larger than this are answered `bad('too_large')` without being parsed. */
  maxUpdateBytes: number;
  /** Bodies up to this size are read; the server refuses larger ones itself (413). */
  readLimitBytes: number;
  /**
   * While the channel is stopping, not ready or has too many updates in flight: 'refuse'
   * answers 503, for platforms that send the update again (Telegram); 'keep' keeps it for
   * later, for platforms that may not (Zalo).
   */
  whenUnavailable: 'refuse' | 'keep';
  /** An empty body is the platform's probe of the address (Zalo): answered ok. */
  emptyIsProbe: boolean;
  /** A JSON object that is not an update: refused with `bad` (Telegram), or answered ok and ignored (Zalo). */
  notAnUpdate: 'bad' | 'ignore';
  /** Registers the webhook with the platform (setWebhook), once the channel is ready. */
  register(): Promise<void>;
}

function parseObject(body: Buffer): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const BUSY: HttpResponse = { status: 503, body: { ok: false, error: 'busy' } };

/**
 * Serves a platform's webhook on the shared HTTP server. A wrong or missing secret is
 * refused from the headers, before a byte of the body is read; a body that is not an update gets 400; an update is
 * acknowledged as soon as it is kept, and answered afterwards, so the platform never
 * waits on a slow command. The webhook stays registered on shutdown, so the platform keeps
 * new updates until the bot is back (or another instance behind the address takes them).
 */
export class WebhookReceiver implements Receiver {
  private stopping = false;

  constructor(
    private readonly channel: ChatChannel,
    http: HttpServer,
    private readonly spec: WebhookSpec,
    private readonly log: Logger,
  ) {
    http.route('POST', spec.path, (req) => this.handle(req), { maxBodyBytes: spec.readLimitBytes, admit: (head) => this.admit(head) });
  }

  /** From the headers alone, before any byte of the body is read: the secret, and whether the bot can take an update now. */
  private admit(head: HttpHead): HttpResponse | null {
    const spec = this.spec;
    if (!sameSecret(head.headers[spec.secretHeader], spec.secret)) {
      this.log.warn(`${this.channel.name} webhook call refused: wrong secret token`);
      return spec.refused;
    }
    // A platform that sends refused updates again is told to wait while the bot is busy; one
    // that may not has every update kept (in memory behind the busy ones, or for later).
    if ((this.later || this.channel.busy) && spec.whenUnavailable === 'refuse') return BUSY;
    return null;
  }

  private get later(): boolean {
    return this.stopping || this.channel.state !== 'ready';
  }

  private async handle(req: HttpRequest): Promise<HttpResponse> {
    const spec = this.spec;
    const later = this.later;
    if ((later || this.channel.busy) && spec.whenUnavailable === 'refuse') return BUSY;
    if (req.body.length === 0 && spec.emptyIsProbe) return spec.ok;
    if (req.body.length > spec.maxUpdateBytes) return spec.bad('too_large');
    const body = parseObject(req.body);
    if (!body) return spec.bad('not_json');
    const result = await this.channel.accept(body, { later });
    return result === 'invalid' && spec.notAnUpdate === 'bad' ? spec.bad('not_an_update') : spec.ok;
  }

  async start(): Promise<void> {
    await this.spec.register();
    this.log.info('webhook set', { platform: this.channel.name, path: this.spec.path });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.log.info('webhook stopped', { platform: this.channel.name });
  }
}
