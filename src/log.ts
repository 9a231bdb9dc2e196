/**
 * A small structured logger (one JSON object per line on stderr). Callers pass facts such
 * as command names, chat ids and error codes; never the text of a message, which may carry
 * a citizen's name or number.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Secrets that must never reach a log line (bot tokens in URLs and error texts). */
const SECRET_PATTERNS = [/bot\d+:[A-Za-z0-9_-]+/g, /\d{6,}:[A-Za-z0-9_-]{20,}/g];

/** Removes bot tokens from any text bound for a log or an error message. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, re) => t.replace(re, '<redacted>'), text);
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: redact(value.message), code: (value as { code?: unknown }).code };
  return typeof value === 'string' ? redact(value) : value;
}

export function createLogger(level: LogLevel = 'info', sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const out: Record<string, unknown> = { t: new Date().toISOString(), level: lvl, msg };
    for (const [k, v] of Object.entries(fields ?? {})) out[k] = describe(v);
    sink(JSON.stringify(out));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** A logger that drops everything (tests, `npm run ask`). */
export const silentLogger: Logger = createLogger('silent');
