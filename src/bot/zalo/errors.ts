import { redact } from '../../log.js';

/**
 * What went wrong with a Zalo Bot API call, as a code the bot decides on:
 * - `auth`: the token was refused (401), or the bot is not allowed (reset it in Bot Creator);
 * - `quota`: Zalo's usage limit is reached (429 "Quota exceeded");
 * - `timeout`: no answer within the call's time limit;
 * - `transport`: the network, a gateway or Zalo itself failed (dropped connection, 5xx,
 *   a body that is not JSON): the same call may work later;
 * - `bad_request`: Zalo refused the call as written (400, 404, 409, …): retrying cannot help.
 */
export type ZaloErrorCode = 'auth' | 'quota' | 'timeout' | 'transport' | 'bad_request';

/**
 * A failed Zalo call. The message names the method, the code and Zalo's description,
 * with any bot token removed: safe to log, never contains the request URL.
 */
export class ZaloError extends Error {
  constructor(
    readonly code: ZaloErrorCode,
    readonly method: string,
    /** Zalo's error_code (or the HTTP status when the body said nothing). */
    readonly errorCode: number | null,
    /** Zalo's description, token-free. */
    readonly description: string,
    /** The HTTP status of the answer (unreliable on Zalo: failures come as 200 too). */
    readonly httpStatus: number | null = null,
  ) {
    const safe = redact(description);
    super(`${method}: ${code}${errorCode !== null ? ` ${errorCode}` : ''}${safe ? ` ${safe}` : ''}`);
    this.name = 'ZaloError';
    this.description = safe;
  }

  /** Whether the same call may succeed later without changing it. */
  get transient(): boolean {
    return this.code === 'transport' || this.code === 'timeout';
  }
}

/** The code of an `ok: false` answer with Zalo's `error_code` (a number, or a numeric string). */
export function codeOfApiError(errorCode: number): ZaloErrorCode {
  if (errorCode === 401) return 'auth';
  if (errorCode === 429) return 'quota';
  if (errorCode === 408) return 'timeout';
  // 403 is documented (sic) as "Internal server error"; 5xx are Zalo's own failures.
  if (errorCode === 403 || errorCode >= 500) return 'transport';
  return 'bad_request';
}

/** A name for a network failure (undici's error code when it has one), without any URL. */
export function networkFailure(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${err.name} ${code}` : err.name;
  }
  return 'unknown';
}
