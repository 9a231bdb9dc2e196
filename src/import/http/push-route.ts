import { createHash, timingSafeEqual } from 'node:crypto';
import type { Directory } from '../../data/directory.js';
import type { HttpHead, HttpRequest, HttpResponse } from '../../server/http-server.js';
import type { RouteProvider } from '../../server/routes.js';
import { HTTP_LIMITS_TEXT as L } from '../../text/http-limits-messages.js';
import { IMPORT_TEXT as T } from '../../text/messages.js';
import { UnitLookup } from '../dossiers/units.js';
import { parsePushBody } from './push-body.js';
import { ingestPushedDossiers } from './push-ingest.js';

/** Where systems push dossiers. */
export const PUSH_PATH = '/api/v1/dossiers';
/** Largest accepted body (about 45,000 dossiers); larger pushes get 413 and should be split. Rows: PUSH_MAX_ROWS. */
export const PUSH_MAX_BYTES = 8 * 1024 * 1024;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The number (1-based) of the configured token the request carries, or 0. Compared in
 * constant time over digests, so neither content nor length leaks through timing.
 */
export function tokenNumber(authorization: string | undefined, tokens: readonly string[]): number {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return 0;
  const given = digest(m[1]!);
  let found = 0;
  tokens.forEach((t, i) => {
    if (timingSafeEqual(given, digest(t)) && found === 0) found = i + 1;
  });
  return found;
}

const lookups = new WeakMap<Directory, UnitLookup>();

/** The unit lookup of a directory, built once per loaded directory (it reloads after unit imports). */
function unitLookupOf(dir: Directory): UnitLookup {
  let l = lookups.get(dir);
  if (!l) {
    l = new UnitLookup(
      [...dir.communes.values()].map((c) => ({ id: c.id, code: c.code, name: c.name, provinceId: c.provinceId })),
      [...dir.provinces.values()].map((p) => ({ id: p.id, code: p.code, name: p.name })),
      null,
    );
    lookups.set(dir, l);
  }
  return l;
}

/**
 * POST /api/v1/dossiers: dossiers pushed by a one-stop system, as a JSON array or NDJSON,
 * with `Authorization: Bearer <token>` (a token of INGEST_TOKENS). Answers 200 with the
 * counts and the rejected records (reasons, no personal data), 401 without a valid token
 * (from the headers, the body unread), 400 for a malformed body, 413 above PUSH_MAX_BYTES,
 * 503 beyond PUSH_MAX_CONCURRENT pushes at once. Not served when no token is set.
 */
export const dossierPushRoute: RouteProvider = ({ app, env, http }) => {
  const tokens = env.INGEST_TOKENS;
  if (tokens.length === 0) return;
  // Checked from the headers, before a byte of the body is read.
  const admit = (head: HttpHead): HttpResponse | null =>
    tokenNumber(head.headers.authorization, tokens) === 0
      ? { status: 401, headers: { 'www-authenticate': 'Bearer realm="haicap"' }, body: { ok: false, error: 'unauthorized', message: T.pushUnauthorized } }
      : null;
  const handle = async (req: HttpRequest): Promise<HttpResponse> => {
    const n = tokenNumber(req.headers.authorization, tokens);
    const body = await parsePushBody(req.body, env.PUSH_MAX_ROWS);
    if (!body.ok) return { status: body.status, body: { ok: false, error: body.status === 413 ? 'too_many_rows' : 'bad_request', message: body.message } };
    const dir = await app.ctx.directory.get();
    const outcome = await ingestPushedDossiers(app.store, unitLookupOf(dir), body.records, T.pushSource(n), app.ctx.clock.now());
    app.log.info('dossiers pushed', { token: n, rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated, rejected: outcome.rejected });
    return { status: 200, body: { ok: true, ...outcome } };
  };
  http.route('POST', PUSH_PATH, handle, {
    maxBodyBytes: PUSH_MAX_BYTES,
    maxConcurrent: env.PUSH_MAX_CONCURRENT,
    admit,
    tooLarge: { status: 413, body: { ok: false, error: 'too_large', message: L.pushTooLarge(PUSH_MAX_BYTES / 1024 / 1024) } },
    busy: { status: 503, headers: { 'retry-after': '1' }, body: { ok: false, error: 'busy', message: L.pushBusy(env.PUSH_MAX_CONCURRENT) } },
  });
};
