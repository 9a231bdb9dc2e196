import type { WebhookSettings, WebhookSpec } from '../../channel/webhook.js';
import type { Logger } from '../../log.js';
import type { ZaloPlatform } from './platform.js';

/** The header in which Zalo sends the webhook's secret token. */
export const SECRET_HEADER = 'x-bot-api-secret-token';
/** The largest body accepted (openclaw's cap); one update is a few hundred bytes. */
const MAX_WEBHOOK_BODY = 1024 * 1024;

/**
 * Zalo's webhook: the secret in X-Bot-Api-Secret-Token (403 when wrong, nothing read); an
 * empty body is Zalo's probe (200); a body over 1 MiB, or that is not a JSON object, gets
 * 400; bodies without a message and unknown events are answered 200 and ignored. Nothing
 * is refused for being busy or stopping: Zalo does not promise to send a refused update
 * again, so it is kept for later instead.
 */
export function zaloWebhook(platform: ZaloPlatform, settings: WebhookSettings, log: Logger): WebhookSpec {
  return {
    path: settings.path,
    secretHeader: SECRET_HEADER,
    secret: settings.secret,
    refused: { status: 403, body: { message: 'Unauthorized' } },
    ok: { status: 200, body: { message: 'Success' } },
    bad: (reason) => ({ status: 400, body: { message: reason === 'too_large' ? 'Body too large' : 'Body is not a JSON object' } }),
    maxUpdateBytes: MAX_WEBHOOK_BODY,
    // Bodies up to twice the cap are read and answered 400; the shared server refuses larger ones (413).
    readLimitBytes: 2 * MAX_WEBHOOK_BODY,
    whenUnavailable: 'keep',
    emptyIsProbe: true,
    notAnUpdate: 'ignore',
    register: async () => {
      const info = await platform.client.setWebhook({ url: settings.url, secret_token: settings.secret });
      const v = info?.verification;
      // Zalo keeps the address either way; it may become reachable later.
      if (v && v.ok === false) log.warn('zalo could not reach the webhook when setting it', { outcome: v.outcome, status: v.status_code });
    },
  };
}
