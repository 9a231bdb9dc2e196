import { z } from 'zod';

/**
 * How a chat platform delivers updates: long polling, or a webhook with its public address
 * and secret. Shared by Telegram and Zalo, whose variables follow the same pattern
 * (<P>_BOT_TOKEN, <P>_MODE, <P>_WEBHOOK_URL, <P>_WEBHOOK_SECRET).
 */
export type ReceiveMode =
  | { mode: 'polling' }
  | {
      mode: 'webhook';
      /** The public address given to the platform. */
      webhookUrl: string;
      /** The path of that address, served on the shared HTTP server. */
      webhookPath: string;
      secret: string;
    };

export interface ReceiveVars {
  /** Variable prefix: "TELEGRAM" or "ZALO". */
  prefix: string;
  /** The platform's name in messages. */
  platform: string;
  token: string | null;
  mode: 'polling' | 'webhook' | null;
  url: string | null;
  secret: string | null;
  /** What a valid secret looks like, for the message when it is missing. */
  secretRule: string;
}

/**
 * Decides the receive mode: off (null) when no token is set, polling by default, webhook
 * when a webhook URL is set or the mode says so. Each contradiction is one Vietnamese line.
 */
function receiveMode(v: ReceiveVars): { mode: ReceiveMode | null; problems: string[] } {
  const problems: string[] = [];
  const p = v.prefix;
  if (!v.token) {
    if (v.url || v.secret || v.mode) problems.push(`${p}_BOT_TOKEN chưa được đặt, nên các biến ${p}_* khác không có tác dụng`);
    return { mode: null, problems };
  }
  const mode = v.mode ?? (v.url ? 'webhook' : 'polling');
  if (mode === 'polling') {
    if (v.url) problems.push(`${p}_WEBHOOK_URL chỉ dùng ở chế độ webhook; bỏ biến này hoặc đặt ${p}_MODE=webhook`);
    if (v.secret) problems.push(`${p}_WEBHOOK_SECRET chỉ dùng ở chế độ webhook; bỏ biến này hoặc đặt ${p}_MODE=webhook`);
    return { mode: problems.length ? null : { mode }, problems };
  }
  if (!v.url) problems.push(`${p}_MODE=webhook cần ${p}_WEBHOOK_URL, địa chỉ https công khai mà ${v.platform} gửi cập nhật tới`);
  if (!v.secret) problems.push(`${p}_WEBHOOK_SECRET là bắt buộc ở chế độ webhook (${v.secretRule})`);
  if (!v.url || !v.secret) return { mode: null, problems };
  const path = new URL(v.url).pathname;
  return { mode: { mode, webhookUrl: v.url, webhookPath: path === '' ? '/' : path, secret: v.secret }, problems };
}

/** What every chat platform's settings hold, besides how it receives updates. */
export interface PlatformBase {
  token: string;
  apiRoot: string;
  /** Longest wait for retries of one send before it goes to the outbox. */
  maxRetryWaitMs: number;
}

/** A platform's settings, or the problems with them (one Vietnamese line each). */
export type PlatformConfigResult<C> = { config: C | null; problems: [] } | { config: null; problems: string[] };

/**
 * Combines a platform's variables: null when no token is set (the platform is off), else
 * the common settings, the platform's own `extra` ones and the receive mode.
 */
export function platformConfig<Extra extends object>(
  v: ReceiveVars & { apiRoot: string; maxRetryWaitSeconds: number },
  extra: Extra,
): PlatformConfigResult<PlatformBase & Extra & ReceiveMode> {
  const r = receiveMode(v);
  if (r.problems.length) return { config: null, problems: r.problems };
  if (!r.mode || !v.token) return { config: null, problems: [] };
  return { config: { token: v.token, apiRoot: v.apiRoot, maxRetryWaitMs: v.maxRetryWaitSeconds * 1000, ...extra, ...r.mode }, problems: [] };
}

/** The <P>_MODE variable: polling, webhook, or unset (null: decided by whether a webhook URL is set). */
export function modeVar(name: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx): 'polling' | 'webhook' | null => {
      const s = v?.trim().toLowerCase() ?? '';
      if (s === '') return null;
      if (s === 'polling' || s === 'webhook') return s;
      ctx.addIssue({ code: 'custom', message: `${name} phải là polling hoặc webhook, đang là "${v}"` });
      return z.NEVER;
    });
}
