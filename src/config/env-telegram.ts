import { z } from 'zod';
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
  TELEGRAM_MODE: z
    .string()
    .optional()
    .transform((v, ctx): 'polling' | 'webhook' | null => {
      const s = v?.trim().toLowerCase() ?? '';
      if (s === '') return null;
      if (s === 'polling' || s === 'webhook') return s;
      ctx.addIssue({ code: 'custom', message: `TELEGRAM_MODE phải là polling hoặc webhook, đang là "${v}"` });
      return z.NEVER;
    }),
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
export type TelegramConfig =
  | (CommonConfig & { mode: 'polling' })
  | (CommonConfig & {
      mode: 'webhook';
      /** The public address given to Telegram. */
      webhookUrl: string;
      /** The path of that address, served on the shared HTTP server. */
      webhookPath: string;
      secret: string;
    });

/** The Telegram settings, or the problems with them (one Vietnamese line each). */
export type TelegramConfigResult = { config: TelegramConfig | null; problems: [] } | { config: null; problems: string[] };

/**
 * Combines the Telegram variables: null when no token is set (Telegram is off), polling by
 * default, webhook when TELEGRAM_WEBHOOK_URL is set or TELEGRAM_MODE=webhook.
 */
export function telegramConfig(env: TelegramEnv): TelegramConfigResult {
  const problems: string[] = [];
  const token = env.TELEGRAM_BOT_TOKEN;
  const url = env.TELEGRAM_WEBHOOK_URL;
  const secret = env.TELEGRAM_WEBHOOK_SECRET;
  if (!token) {
    if (url || secret || env.TELEGRAM_MODE) problems.push('TELEGRAM_BOT_TOKEN chưa được đặt, nên các biến TELEGRAM_* khác không có tác dụng');
    return problems.length ? { config: null, problems } : { config: null, problems: [] };
  }
  const mode = env.TELEGRAM_MODE ?? (url ? 'webhook' : 'polling');
  const common: CommonConfig = { token, apiRoot: env.TELEGRAM_API_ROOT, maxRetryWaitMs: env.TELEGRAM_MAX_RETRY_WAIT_SECONDS * 1000 };
  if (mode === 'polling') {
    if (url) problems.push('TELEGRAM_WEBHOOK_URL chỉ dùng ở chế độ webhook; bỏ biến này hoặc đặt TELEGRAM_MODE=webhook');
    if (secret) problems.push('TELEGRAM_WEBHOOK_SECRET chỉ dùng ở chế độ webhook; bỏ biến này hoặc đặt TELEGRAM_MODE=webhook');
    return problems.length ? { config: null, problems } : { config: { ...common, mode }, problems: [] };
  }
  if (!url) problems.push('TELEGRAM_MODE=webhook cần TELEGRAM_WEBHOOK_URL, địa chỉ https công khai mà Telegram gửi cập nhật tới');
  if (!secret) problems.push('TELEGRAM_WEBHOOK_SECRET là bắt buộc ở chế độ webhook (16 đến 256 ký tự A–Z, a–z, 0–9, _ hoặc -)');
  if (!url || !secret) return { config: null, problems };
  const path = new URL(url).pathname;
  return { config: { ...common, mode, webhookUrl: url, webhookPath: path === '' ? '/' : path, secret }, problems: [] };
}
