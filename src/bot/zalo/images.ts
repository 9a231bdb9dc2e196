import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Store } from '../../data/store.js';
import { toDate } from '../../data/sql/driver.js';
import type { HttpRequest, HttpResponse, HttpServer } from '../../server/http-server.js';

/** Where the pictures are served on the bot's HTTP server. */
const IMAGE_PATH = '/zalo/images/';
/** How long a picture stays reachable: Zalo fetches it at once, a queued message later. */
export const IMAGE_TTL_MS = 7 * 24 * 3_600_000;
const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/**
 * Pictures (charts) for Zalo, which takes photos only by public URL: each is stored
 * under a random 144-bit id and served by the bot's own HTTP server at
 * `<PUBLIC_BASE_URL>/zalo/images/<id>.png` until it expires. Kept in the store, so any
 * instance behind the public address can serve what another one sent.
 */
export class ZaloImages {
  constructor(
    private readonly store: Store,
    private readonly bot: string,
    /** PUBLIC_BASE_URL, without a trailing slash. */
    private readonly publicBaseUrl: string,
    private readonly clock: Clock,
    private readonly ttlMs = IMAGE_TTL_MS,
  ) {}

  /** Stores a picture and returns the public URL Zalo will fetch it from. */
  async put(png: Uint8Array): Promise<string> {
    const id = randomBytes(18).toString('base64url');
    const now = this.clock.now();
    await this.store.sql.run('INSERT INTO zalo_image (id, bot, png, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      this.bot,
      Buffer.from(png),
      now,
      new Date(now.getTime() + this.ttlMs),
    ]);
    return `${this.publicBaseUrl.replace(/\/+$/, '')}${IMAGE_PATH}${id}.png`;
  }

  /** GET /zalo/images/<id>.png: the picture, or 404 for an unknown or expired id. */
  async serve(req: HttpRequest): Promise<HttpResponse> {
    const name = req.path.slice(IMAGE_PATH.length);
    const id = name.endsWith('.png') ? name.slice(0, -4) : '';
    if (!ID_PATTERN.test(id)) return { status: 404, body: { ok: false, error: 'not_found' } };
    const row = await this.store.sql.get<{ png: Uint8Array; expires_at: unknown }>('SELECT png, expires_at FROM zalo_image WHERE id = ?', [id]);
    if (!row || toDate(row.expires_at).getTime() <= this.clock.now().getTime()) return { status: 404, body: { ok: false, error: 'not_found' } };
    return {
      status: 200,
      headers: { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' },
      body: Buffer.from(row.png),
    };
  }

  /** Serves the pictures on the bot's HTTP server (before it starts listening). */
  route(http: HttpServer): void {
    http.route('GET', `${IMAGE_PATH}*`, (req) => this.serve(req));
  }

  /** Deletes expired pictures. */
  async prune(): Promise<number> {
    return this.store.sql.run('DELETE FROM zalo_image WHERE bot = ? AND expires_at <= ?', [this.bot, this.clock.now()]);
  }
}
