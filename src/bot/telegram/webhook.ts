import type { WebhookSettings, WebhookSpec } from '../../channel/webhook.js';
import { ALLOWED_UPDATES, type TelegramPlatform } from './platform.js';

/** The header in which Telegram sends the webhook's secret token. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const MAX_BODY = 1024 * 1024;

/**
 * Telegram's webhook: the secret in X-Telegram-Bot-Api-Secret-Token (401 when wrong), a
 * body that is not an update refused with 400, and 503 while the bot cannot take updates
 * (starting, stopping, too many in flight): Telegram keeps and sends them again.
 */
export function telegramWebhook(platform: TelegramPlatform, settings: WebhookSettings): WebhookSpec {
  return {
    path: settings.path,
    secretHeader: SECRET_HEADER,
    secret: settings.secret,
    refused: { status: 401, body: { ok: false, error: 'unauthorized' } },
    ok: { status: 200, body: { ok: true } },
    bad: () => ({ status: 400, body: { ok: false, error: 'bad_update' } }),
    maxUpdateBytes: MAX_BODY,
    readLimitBytes: MAX_BODY,
    whenUnavailable: 'refuse',
    emptyIsProbe: false,
    notAnUpdate: 'bad',
    register: async () => {
      await platform.api.setWebhook(settings.url, { secret_token: settings.secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: 40 });
    },
  };
}
