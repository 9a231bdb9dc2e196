/**
 * The platform-free reply model. Handlers return it; each adapter (console, Telegram,
 * Zalo) renders it within its own limits: splitting long text, turning choices and pages
 * into buttons or numbered options, escaping for its markup.
 */

/** One labelled figure: "Tiếp nhận: 390". Sub-rows (indent 1) read as a bulleted detail. */
export interface Field {
  label: string;
  value: string;
  indent?: 0 | 1;
}

export type Block =
  /** The reply's heading, e.g. "Xã Thượng Cốc (Phú Thọ)". */
  | { kind: 'title'; text: string }
  /** A plain paragraph. */
  | { kind: 'text'; text: string }
  /** Labelled figures, one per line. */
  | { kind: 'fields'; rows: Field[] }
  /** A list of items; a heading line may precede it. `numbered` items carry their own numbers. */
  | { kind: 'list'; heading?: string; items: string[]; numbered?: boolean }
  /** Small print: sources, the on-time rule in use, data freshness. */
  | { kind: 'note'; text: string };

/** One option the user may pick; `command` is what picking it sends. */
export interface Choice {
  label: string;
  command: string;
}

/** Where a paginated reply stands; the page N of `command` is `command` + " " + N. */
export interface Pagination {
  page: number;
  pageCount: number;
  command: string;
}

/** A picture (a chart), sent with a caption. */
export interface ReplyImage {
  png: Uint8Array;
  caption: string;
}

/** How the request went, for adapters (and tests) that treat answers differently. */
export type ReplyStatus = 'ok' | 'user_error' | 'denied' | 'not_found';

export interface Reply {
  status: ReplyStatus;
  blocks: Block[];
  /** Options to choose from (ambiguous names, suggestions). */
  choices?: { prompt: string; options: Choice[] };
  pagination?: Pagination;
  image?: ReplyImage;
  /**
   * Shortcuts for commands the text already names (a digest's "/danhan <mã>"): buttons
   * where the platform has them, nothing elsewhere.
   */
  actions?: Choice[];
}

/** A picture's bytes as JSON can hold them (JSON would turn a Uint8Array into an object of numbered keys). */
export function pngToBase64(png: Uint8Array): string {
  return Buffer.from(png).toString('base64');
}

/** The bytes `pngToBase64` wrote. */
export function pngFromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** Serialises a reply for the store (a notice kept until its channel takes it), its picture as base64. */
export function encodeReply(r: Reply): unknown {
  if (!r.image) return r;
  const { image, ...rest } = r;
  return { ...rest, image: { caption: image.caption, pngBase64: pngToBase64(image.png) } };
}

/** Reads a reply written by `encodeReply` (or kept before pictures were encoded). */
export function decodeReply(raw: Reply): Reply {
  const image = raw.image as (Partial<ReplyImage> & { pngBase64?: string }) | undefined;
  if (!image || typeof image.pngBase64 !== 'string') return raw;
  return { ...raw, image: { caption: image.caption ?? '', png: pngFromBase64(image.pngBase64) } };
}

/** A reply with some blocks. */
export function reply(blocks: Block[], extra: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { status: 'ok', ...extra, blocks };
}

/**
 * Whether a value is a reply: the one check for functions that return either what they
 * found or the reply that explains why not (`const found = await findCommune(…);
 * if (isReply(found)) return found;`).
 */
export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && 'blocks' in x && 'status' in x;
}

/** A short answer to bad input: what was wrong and how to write it. */
export function userError(text: string, example?: string): Reply {
  const blocks: Block[] = [{ kind: 'text', text }];
  if (example) blocks.push({ kind: 'note', text: example });
  return { status: 'user_error', blocks };
}
