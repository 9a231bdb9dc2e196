import { z } from 'zod';
import { modeVar, platformConfig, type PlatformBase, type PlatformConfigResult, type ReceiveMode } from './receive-mode.js';
import { botTokenVar, optionalTextVar, positiveIntVar, urlVar } from './env-types.js';

/** Telegram's rule for a webhook secret token. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;
/** A bot token as @BotFather issues it: "<bot id>:<secret>". */
const TOKEN_PATTERN = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;

/**
 * Environment variables of the Telegram channel (see env.ts). Each is checked on its own
 * here; how they combine (polling or webhook) is checked by `telegramConfig`.
 */
export const telegramEnv = {
  /** The bot token from @BotFather; Telegram starts only when it is set. Never logged. */
  TELEGRAM_BOT_TOKEN: botTokenVar('TELEGRAM_BOT_TOKEN', TOKEN_PATTERN, '@BotFather'),
  /** The Bot API server (tests and self-hosted Bot API servers point it elsewhere). */
  TELEGRAM_API_ROOT: urlVar('TELEGRAM_API_ROOT').transform((v) => v ?? 'https://api.telegram.org'),
  /** polling or webhook; by default webhook when TELEGRAM_WEBHOOK_URL is set, else polling. */
  TELEGRAM_MODE: modeVar('TELEGRAM_MODE'),
  /** The public https address Telegram posts updates to; its path is served by the bot's HTTP server. */
  TELEGRAM_WEBHOOK_URL: urlVar('TELEGRAM_WEBHOOK_URL', { httpsOnly: true }),
  /** The secret Telegram sends with every webhook call (16–256 of A–Z, a–z, 0–9, _ and -). */
  TELEGRAM_WEBHOOK_SECRET: optionalTextVar.transform((v, ctx) => {
    if (v !== null && !SECRET_PATTERN.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'TELEGRAM_WEBHOOK_SECRET phải gồm 16 đến 256 ký tự A–Z, a–z, 0–9, _ hoặc -' });
      return z.NEVER;
    }
    return v;
  }),
  /** Longest wait, in seconds, for a retry of a failed send before the reply goes to the outbox. */
  TELEGRAM_MAX_RETRY_WAIT_SECONDS: positiveIntVar('TELEGRAM_MAX_RETRY_WAIT_SECONDS', 10, 300),
};

/** The Telegram variables as parsed by the environment schema. */
export interface TelegramEnv {
  TELEGRAM_BOT_TOKEN: string | null;
  TELEGRAM_API_ROOT: string;
  TELEGRAM_MODE: 'polling' | 'webhook' | null;
  TELEGRAM_WEBHOOK_URL: string | null;
  TELEGRAM_WEBHOOK_SECRET: string | null;
  TELEGRAM_MAX_RETRY_WAIT_SECONDS: number;
}

/** How the bot receives updates: webhook-only settings exist only in webhook mode. */
export type TelegramConfig = PlatformBase & ReceiveMode;

/**
 * Combines the Telegram variables: null when no token is set (Telegram is off), polling by
 * default, webhook when TELEGRAM_WEBHOOK_URL is set or TELEGRAM_MODE=webhook.
 */
export function telegramConfig(env: TelegramEnv): PlatformConfigResult<TelegramConfig> {
  return platformConfig(
    {
      prefix: 'TELEGRAM',
      platform: 'Telegram',
      token: env.TELEGRAM_BOT_TOKEN,
      mode: env.TELEGRAM_MODE,
      url: env.TELEGRAM_WEBHOOK_URL,
      secret: env.TELEGRAM_WEBHOOK_SECRET,
      secretRule: '16 đến 256 ký tự A–Z, a–z, 0–9, _ hoặc -',
      apiRoot: env.TELEGRAM_API_ROOT,
      maxRetryWaitSeconds: env.TELEGRAM_MAX_RETRY_WAIT_SECONDS,
    },
    {},
  );
}
