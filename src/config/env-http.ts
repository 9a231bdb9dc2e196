import type { HttpLimits } from '../server/http-server.js';
import { positiveIntVar } from './env-types.js';

/**
 * Environment variables of the shared HTTP server and of the dossier push (see env.ts):
 * time-outs against slow clients, a cap on open connections, and what one push may carry.
 */
export const httpEnv = {
  /** Longest wait, in seconds, for a request's headers. */
  HTTP_HEADERS_TIMEOUT_SECONDS: positiveIntVar('HTTP_HEADERS_TIMEOUT_SECONDS', 10, 600),
  /** Longest wait, in seconds, for a request's body once its headers arrived (408 after it). */
  HTTP_BODY_TIMEOUT_SECONDS: positiveIntVar('HTTP_BODY_TIMEOUT_SECONDS', 30, 3_600),
  /** Most open connections on the HTTP server; more are closed at once. */
  HTTP_MAX_CONNECTIONS: positiveIntVar('HTTP_MAX_CONNECTIONS', 1_024, 100_000),
  /** Most pushes to /api/v1/dossiers processed at once; more are answered 503. */
  PUSH_MAX_CONCURRENT: positiveIntVar('PUSH_MAX_CONCURRENT', 4, 1_000),
  /** Most dossiers in one push; more are answered 413 and should be split. */
  PUSH_MAX_ROWS: positiveIntVar('PUSH_MAX_ROWS', 50_000, 1_000_000),
};

/** The HTTP variables as parsed by the environment schema. */
export interface HttpEnv {
  HTTP_HEADERS_TIMEOUT_SECONDS: number;
  HTTP_BODY_TIMEOUT_SECONDS: number;
  HTTP_MAX_CONNECTIONS: number;
  PUSH_MAX_CONCURRENT: number;
  PUSH_MAX_ROWS: number;
}

/** The server's limits from the environment. */
export function httpLimits(env: HttpEnv): HttpLimits {
  return {
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
    bodyTimeoutMs: env.HTTP_BODY_TIMEOUT_SECONDS * 1000,
    maxConnections: env.HTTP_MAX_CONNECTIONS,
  };
}
