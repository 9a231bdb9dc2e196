import { z } from 'zod';
import { modeVar, platformConfig, type PlatformBase, type PlatformConfigResult, type ReceiveMode } from './receive-mode.js';
import { boolVar, botTokenVar, optionalTextVar, positiveIntVar, urlVar } from './env-types.js';

/** A token as Zalo Bot Creator issues it: "<numeric bot id>:<secret>" (e.g. 12345689:abc-xyz). */
const TOKEN_PATTERN = /^\d{3,}:[A-Za-z0-9_-]{3,}$/;
/** Zalo's rule for the webhook secret_token: 8 to 256 characters. */
const SECRET_MIN = 8;
const SECRET_MAX = 256;

/** The official Bot API host; https://bot-api.zapps.me also serves. */
const ZALO_DEFAULT_API_ROOT = 'https://bot-api.zaloplatforms.com';

/**
 * Environment variables of the Zalo channel (see env.ts). Each is checked on its own
 * here; how they combine (polling or webhook) is checked by `zaloConfig`.
 */
export const zaloEnv = {
  /** The bot token from Zalo Bot Creator; Zalo starts only when it is set. Never logged. */
  ZALO_BOT_TOKEN: botTokenVar('ZALO_BOT_TOKEN', TOKEN_PATTERN, 'Zalo Bot Creator'),
  /** The Bot API server (tests point it at the fake server). */
  ZALO_API_ROOT: urlVar('ZALO_API_ROOT').transform((v) => v ?? ZALO_DEFAULT_API_ROOT),
  /** polling or webhook; by default webhook when ZALO_WEBHOOK_URL is set, else polling. */
  ZALO_MODE: modeVar('ZALO_MODE'),
  /** The public https address Zalo posts updates to; its path is served by the bot's HTTP server. */
  ZALO_WEBHOOK_URL: urlVar('ZALO_WEBHOOK_URL', { httpsOnly: true }),
  /** The secret Zalo sends back in X-Bot-Api-Secret-Token with every webhook call (8–256 characters). */
  ZALO_WEBHOOK_SECRET: optionalTextVar.transform((v, ctx) => {
    if (v !== null && (v.length < SECRET_MIN || v.length > SECRET_MAX || /\s/.test(v))) {
      ctx.addIssue({ code: 'custom', message: `ZALO_WEBHOOK_SECRET phải dài từ ${SECRET_MIN} đến ${SECRET_MAX} ký tự và không có khoảng trắng` });
      return z.NEVER;
    }
    return v;
  }),
  /** Messages the bot may send per calendar month (Zalo's free plan: 3,000). */
  ZALO_MONTHLY_QUOTA: positiveIntVar('ZALO_MONTHLY_QUOTA', 3_000, 10_000_000),
  /** Send replies with Zalo's markdown subset (bold titles, italic notes) instead of plain text. */
  ZALO_MARKDOWN: boolVar('ZALO_MARKDOWN', false),
  /** Longest wait, in seconds, for retries of a failed send before the reply goes to the outbox. */
  ZALO_MAX_RETRY_WAIT_SECONDS: positiveIntVar('ZALO_MAX_RETRY_WAIT_SECONDS', 10, 300),
  /**
   * The public address of the bot's own HTTP server, from which Zalo fetches pictures
   * (charts): Zalo takes photos only by URL.
   */
  PUBLIC_BASE_URL: urlVar('PUBLIC_BASE_URL'),
};

/** The Zalo variables as parsed by the environment schema. */
export interface ZaloEnv {
  ZALO_BOT_TOKEN: string | null;
  ZALO_API_ROOT: string;
  ZALO_MODE: 'polling' | 'webhook' | null;
  ZALO_WEBHOOK_URL: string | null;
  ZALO_WEBHOOK_SECRET: string | null;
  ZALO_MONTHLY_QUOTA: number;
  ZALO_MARKDOWN: boolean;
  ZALO_MAX_RETRY_WAIT_SECONDS: number;
  PUBLIC_BASE_URL: string | null;
}

/** Zalo's own settings. */
interface ZaloSettings {
  /** Messages per calendar month (Asia/Ho_Chi_Minh) before unrequested messages are held. */
  monthlyQuota: number;
  /** Replies in Zalo's markdown subset rather than plain text. */
  markdown: boolean;
  /** Where Zalo fetches the bot's pictures from; null: pictures are sent as their caption only. */
  publicBaseUrl: string | null;
}

/** How the bot receives updates: webhook-only settings exist only in webhook mode. */
export type ZaloConfig = PlatformBase & ZaloSettings & ReceiveMode;

/**
 * Combines the Zalo variables: null when no token is set (Zalo is off), polling by
 * default, webhook when ZALO_WEBHOOK_URL is set or ZALO_MODE=webhook.
 */
export function zaloConfig(env: ZaloEnv): PlatformConfigResult<ZaloConfig> {
  return platformConfig(
    {
      prefix: 'ZALO',
      platform: 'Zalo',
      token: env.ZALO_BOT_TOKEN,
      mode: env.ZALO_MODE,
      url: env.ZALO_WEBHOOK_URL,
      secret: env.ZALO_WEBHOOK_SECRET,
      secretRule: `${SECRET_MIN} đến ${SECRET_MAX} ký tự`,
      apiRoot: env.ZALO_API_ROOT,
      maxRetryWaitSeconds: env.ZALO_MAX_RETRY_WAIT_SECONDS,
    },
    { monthlyQuota: env.ZALO_MONTHLY_QUOTA, markdown: env.ZALO_MARKDOWN, publicBaseUrl: env.PUBLIC_BASE_URL } satisfies ZaloSettings,
  );
}
