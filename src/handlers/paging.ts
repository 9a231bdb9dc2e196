import { foldKey } from '../names/keys.js';

/** Words after which a number belongs to a period ("tháng 7", "quý 3"), not a page. */
const PERIOD_WORDS = new Set(['thang', 'quy', 'nam', 'ngay', 'tuan', 'tu', 'den', 'toi']);

/**
 * Separates a trailing page number from a command's arguments: "Thượng Cốc 2" or
 * "Thượng Cốc trang 2" → page 2; "tháng 7" keeps its 7. Page numbers have 1–3 digits, so a
 * 5-digit commune code is never one.
 */
export function splitTrailingPage(args: string): { rest: string; page: number | null } {
  const explicit = /^(.*?)\s*\btrang\s+(\d{1,3})$/iu.exec(args);
  if (explicit) return { rest: explicit[1]!.trim(), page: Number(explicit[2]) };
  const bare = /^(.*?)(?:^|\s)(\d{1,3})$/u.exec(args);
  if (!bare) return { rest: args, page: null };
  const rest = bare[1]!.trim();
  const previous = foldKey(rest.split(/\s+/).pop() ?? '');
  if (PERIOD_WORDS.has(previous)) return { rest: args, page: null };
  return { rest, page: Number(bare[2]) };
}

/** The items of page `page` (1-based, clamped) and the page count. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pageCount);
  return { items: items.slice((p - 1) * size, p * size), page: p, pageCount };
}
