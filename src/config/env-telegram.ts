import { z } from 'zod';
import { modeVar, receiveMode, type ReceiveMode } from './receive-mode.js';
import { optionalTextVar, positiveIntVar, urlVar } from './env-types.js';

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
  TELEGRAM_BOT_TOKEN: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === '') return null;
      // The value is a secret: the message never repeats it.
      if (!TOKEN_PATTERN.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: 'TELEGRAM_BOT_TOKEN không đúng dạng <số>:<chuỗi ký tự> mà @BotFather cấp' });
        return z.NEVER;
      }
      return v.trim();
    }),
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

interface CommonConfig {
  token: string;
  apiRoot: string;
  /** Longest wait for retries of one send before it goes to the outbox. */
  maxRetryWaitMs: number;
}

/** How the bot receives updates: webhook-only settings exist only in webhook mode. */
export type TelegramConfig = CommonConfig & ReceiveMode;

/** The Telegram settings, or the problems with them (one Vietnamese line each). */
export type TelegramConfigResult = { config: TelegramConfig | null; problems: [] } | { config: null; problems: string[] };

/**
 * Combines the Telegram variables: null when no token is set (Telegram is off), polling by
 * default, webhook when TELEGRAM_WEBHOOK_URL is set or TELEGRAM_MODE=webhook.
 */
export function telegramConfig(env: TelegramEnv): TelegramConfigResult {
  const r = receiveMode({
    prefix: 'TELEGRAM',
    platform: 'Telegram',
    token: env.TELEGRAM_BOT_TOKEN,
    mode: env.TELEGRAM_MODE,
    url: env.TELEGRAM_WEBHOOK_URL,
    secret: env.TELEGRAM_WEBHOOK_SECRET,
    secretRule: '16 đến 256 ký tự A–Z, a–z, 0–9, _ hoặc -',
  });
  if (r.problems.length) return { config: null, problems: r.problems };
  if (!r.mode || !env.TELEGRAM_BOT_TOKEN) return { config: null, problems: [] };
  const common: CommonConfig = { token: env.TELEGRAM_BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT, maxRetryWaitMs: env.TELEGRAM_MAX_RETRY_WAIT_SECONDS * 1000 };
  return { config: { ...common, ...r.mode }, problems: [] };
}
