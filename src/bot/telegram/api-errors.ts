import { GrammyError, HttpError } from 'grammy';
import { DeliveryError, safeDetail } from '../../delivery/message.js';

/** Telegram refused the HTML of a message (it is then re-sent as plain text). */
export function isMarkupError(err: unknown): err is GrammyError {
  return err instanceof GrammyError && err.error_code === 400 && /can't parse entities|can't find end tag|unsupported start tag|unexpected end tag/i.test(err.description);
}

/** An edit that would not change the message (pressing the same page twice). */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

/**
 * Maps a grammY error onto a delivery error code: 429 → rate_limited (with retry_after),
 * 5xx and network failures → unavailable, 403 → forbidden, other 4xx → rejected.
 */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const detail = `${err.method} ${err.error_code} ${safeDetail(err.description)}`;
    if (err.error_code === 429) return new DeliveryError('rate_limited', detail, (err.parameters.retry_after ?? 1) * 1000);
    if (err.error_code >= 500) return new DeliveryError('unavailable', detail);
    if (err.error_code === 403) return new DeliveryError('forbidden', detail);
    return new DeliveryError('rejected', detail);
  }
  if (err instanceof HttpError) return new DeliveryError('unavailable', `network ${errorName(err.error)}`);
  return new DeliveryError('unavailable', errorName(err));
}

function errorName(err: unknown): string {
  if (err instanceof Error) return `${err.name}${(err as { code?: unknown }).code ? ` ${String((err as { code?: unknown }).code)}` : ''}`;
  return 'unknown';
}
