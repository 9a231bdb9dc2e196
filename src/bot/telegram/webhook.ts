import type { Update } from 'grammy/types';
import type { Logger } from '../../log.js';
import type { HttpRequest, HttpResponse, HttpServer } from '../../server/http-server.js';
import { sameSecret } from '../../server/secret.js';
import { ALLOWED_UPDATES, type TelegramBot } from './bot.js';

/** The header in which Telegram sends the webhook's secret token. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** With this many updates in flight, new ones are refused (503) and Telegram retries them later. */
const MAX_IN_FLIGHT = 2_000;

export interface WebhookSettings {
  /** The public address given to Telegram. */
  url: string;
  /** The path served on the bot's HTTP server. */
  path: string;
  secret: string;
}

/** A registered webhook. */
export interface Webhook {
  /** Refuses new updates (503: Telegram keeps them for later) and finishes those in flight. */
  stop(): Promise<void>;
}

function parseUpdate(body: Buffer): Update | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const id = (value as { update_id?: unknown }).update_id;
  return Number.isSafeInteger(id) && (id as number) >= 0 ? (value as Update) : null;
}

/**
 * The webhook endpoint: a wrong or missing secret token gets 401 and nothing is processed;
 * a body that is not an update gets 400; an update is acknowledged at once (200) and
 * handled afterwards, so Telegram never waits on a slow command.
 */
export function webhookHandler(tb: TelegramBot, secret: string, log: Logger, isStopping: () => boolean) {
  return (req: HttpRequest): HttpResponse => {
    if (!sameSecret(req.headers[SECRET_HEADER], secret)) {
      log.warn('webhook call refused: wrong secret token');
      return { status: 401, body: { ok: false, error: 'unauthorized' } };
    }
    if (isStopping() || tb.inFlight > MAX_IN_FLIGHT) return { status: 503, body: { ok: false, error: 'busy' } };
    const update = parseUpdate(req.body);
    if (!update) return { status: 400, body: { ok: false, error: 'bad_update' } };
    tb.dispatch(update);
    return { status: 200, body: { ok: true } };
  };
}

/**
 * Serves the webhook on the shared HTTP server and registers it with Telegram. The
 * webhook stays registered on shutdown, so Telegram keeps new updates until the bot is
 * back (or another instance takes them).
 */
export async function startWebhook(tb: TelegramBot, http: HttpServer, settings: WebhookSettings, log: Logger): Promise<Webhook> {
  let stopping = false;
  http.route('POST', settings.path, webhookHandler(tb, settings.secret, log, () => stopping));
  await tb.bot.api.setWebhook(settings.url, {
    secret_token: settings.secret,
    allowed_updates: [...ALLOWED_UPDATES],
    max_connections: 40,
  });
  log.info('telegram webhook set', { path: settings.path, username: tb.bot.botInfo.username });
  return {
    async stop() {
      stopping = true;
      await tb.finish();
      log.info('telegram webhook stopped');
    },
  };
}
