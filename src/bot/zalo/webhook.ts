import type { Logger } from '../../log.js';
import type { HttpRequest, HttpResponse, HttpServer } from '../../server/http-server.js';
import { sameSecret } from '../../server/secret.js';
import type { ZaloBot } from './bot.js';

/** The header in which Zalo sends the webhook's secret token. */
export const SECRET_HEADER = 'x-bot-api-secret-token';
/** The largest body accepted (openclaw's cap); one update is a few hundred bytes. */
export const MAX_WEBHOOK_BODY = 1024 * 1024;
/** Bodies up to this size are read and answered 400; the shared server refuses larger ones (413). */
const READ_LIMIT = 2 * MAX_WEBHOOK_BODY;

export interface WebhookSettings {
  /** The public address given to Zalo. */
  url: string;
  /** The path served on the bot's HTTP server. */
  path: string;
  secret: string;
}

/** A registered webhook. */
export interface Webhook {
  /** Keeps new updates for the next start and finishes those in flight. */
  stop(): Promise<void>;
}

function parseBody(body: Buffer): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The webhook endpoint. A wrong or missing X-Bot-Api-Secret-Token gets 403 and nothing is
 * read; an empty body (Zalo's health probe) gets 200; a body over 1 MiB, or that is not a
 * JSON object, gets 400; anything else gets 200 as soon as the update is kept, and is
 * handled afterwards (unknown events and bodies without a message are ignored), so Zalo
 * never waits on a slow command. Nothing is refused for being busy or stopping.
 */
export function webhookHandler(zb: ZaloBot, secret: string, log: Logger, isStopping: () => boolean) {
  return async (req: HttpRequest): Promise<HttpResponse> => {
    if (!sameSecret(req.headers[SECRET_HEADER], secret)) {
      log.warn('zalo webhook call refused: wrong secret token');
      return { status: 403, body: { message: 'Unauthorized' } };
    }
    if (req.body.length === 0) return { status: 200, body: { message: 'Success' } };
    if (req.body.length > MAX_WEBHOOK_BODY) return { status: 400, body: { message: 'Body too large' } };
    const body = parseBody(req.body);
    if (!body) return { status: 400, body: { message: 'Body is not a JSON object' } };
    // Zalo does not promise to send a refused update again: while stopping, an update is
    // kept for the next start rather than refused.
    await zb.accept(body, { later: isStopping() });
    return { status: 200, body: { message: 'Success' } };
  };
}

/**
 * Serves the webhook on the shared HTTP server and registers it with Zalo (setWebhook with
 * the secret). The webhook stays registered on shutdown, so another instance behind the
 * same address keeps receiving.
 */
export async function startWebhook(zb: ZaloBot, http: HttpServer, settings: WebhookSettings, log: Logger): Promise<Webhook> {
  let stopping = false;
  http.route('POST', settings.path, webhookHandler(zb, settings.secret, log, () => stopping), { maxBodyBytes: READ_LIMIT });
  const info = await zb.client.setWebhook({ url: settings.url, secret_token: settings.secret });
  const v = info?.verification;
  if (v && v.ok === false) log.warn('zalo could not reach the webhook when setting it', { outcome: v.outcome, status: v.status_code });
  log.info('zalo webhook set', { path: settings.path, account: zb.info?.account_name });
  return {
    async stop() {
      stopping = true;
      zb.beginStop();
      await zb.finish();
      log.info('zalo webhook stopped');
    },
  };
}
