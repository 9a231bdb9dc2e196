/**
 * Buttons as they travel: a short callback data per button ("a:" + a 16-character id of
 * the action stored server-side, 18 bytes; "n" for a label-only button), never the command
 * or a name itself, so any platform's limit on callback data (Telegram: 64 bytes) holds.
 */
import type { CallbackIds } from '../delivery/callback-ids.js';
import type { KeyboardButton } from '../delivery/message.js';
import type { ButtonAction, RenderedButton } from './render/lines.js';

/** Callback data of a label-only button (the page number between the arrows). */
const NOOP_DATA = 'n';
const ACTION_PREFIX = 'a:';

/** What a button's callback data refers to. */
export type CallbackRef = { kind: 'noop' } | { kind: 'action'; id: string };

/** Reads callback data written by `resolveKeyboard`; null for anything else. */
export function parseCallbackData(data: string | undefined): CallbackRef | null {
  if (data === NOOP_DATA) return { kind: 'noop' };
  if (data?.startsWith(ACTION_PREFIX)) return { kind: 'action', id: data.slice(ACTION_PREFIX.length) };
  return null;
}

/** Whether a stored value is a button action. */
export function isButtonAction(v: unknown): v is ButtonAction {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  if (a.kind === 'noop') return true;
  if (a.kind === 'run') return typeof a.command === 'string';
  if (a.kind === 'page') return typeof a.command === 'string' && Number.isInteger(a.page);
  return false;
}

/**
 * Gives each button its callback data: a short id of the action stored server-side
 * ("a:" + 16 characters, 18 bytes), never the command or a name itself.
 */
export async function resolveKeyboard(rows: readonly RenderedButton[][], chatId: string, ids: CallbackIds, now: Date, maxBytes: number): Promise<KeyboardButton[][]> {
  const out: KeyboardButton[][] = [];
  for (const row of rows) {
    const resolved: KeyboardButton[] = [];
    for (const b of row) {
      const data = b.action.kind === 'noop' ? NOOP_DATA : `${ACTION_PREFIX}${await ids.idFor(chatId, b.action, now)}`;
      if (Buffer.byteLength(data, 'utf8') > maxBytes) throw new Error(`callback data over ${maxBytes} bytes`);
      resolved.push({ label: b.label, data });
    }
    out.push(resolved);
  }
  return out;
}
