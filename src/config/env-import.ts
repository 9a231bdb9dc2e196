import { z } from 'zod';

/** Shortest accepted push token: long enough that guessing is hopeless. */
const MIN_INGEST_TOKEN_LENGTH = 16;
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]+$/;
/** Least information a token must carry, by its character frequencies (a random 16-character hex token has 64 bits). */
const MIN_TOKEN_BITS = 48;
/** Share of neighbouring characters that repeat or follow each other ("aaaa", "abcd", "1234") above which a token is a pattern. */
const MAX_PATTERN_SHARE = 0.8;

/**
 * Whether a token is easy to guess: too little information by its character frequencies
 * (sixteen identical characters have none; "abab…" one bit a character), or mostly runs of
 * repeated or consecutive characters ("abcdefghijklmnop", "1234567890123456").
 */
export function guessableToken(t: string): boolean {
  const counts = new Map<string, number>();
  for (const ch of t) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= n * Math.log2(n / t.length);
  if (bits < MIN_TOKEN_BITS) return true;
  let pattern = 0;
  for (let i = 1; i < t.length; i++) if (Math.abs(t.charCodeAt(i) - t.charCodeAt(i - 1)) <= 1) pattern++;
  return pattern / (t.length - 1) >= MAX_PATTERN_SHARE;
}

/**
 * INGEST_TOKENS: the bearer tokens that may push dossiers to POST /api/v1/dossiers,
 * comma-separated (one per sending system, so one can be revoked alone). Empty or unset:
 * the endpoint is not served. Each bad token (short, odd characters, easy to guess) gets
 * its own line, naming its position but never its value (it is a secret).
 */
const ingestTokensVar = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return [] as string[];
    const tokens = v.split(',').map((t) => t.trim());
    tokens.forEach((t, i) => {
      const n = i + 1;
      if (t === '') ctx.addIssue({ code: 'custom', message: `INGEST_TOKENS: mã thứ ${n} để trống (thừa dấu phẩy?)` });
      else if (t.length < MIN_INGEST_TOKEN_LENGTH)
        ctx.addIssue({ code: 'custom', message: `INGEST_TOKENS: mã thứ ${n} quá ngắn (${t.length} ký tự); mỗi mã cần ít nhất ${MIN_INGEST_TOKEN_LENGTH} ký tự` });
      else if (!TOKEN_CHARS.test(t))
        ctx.addIssue({ code: 'custom', message: `INGEST_TOKENS: mã thứ ${n} có ký tự không dùng được; chỉ dùng chữ không dấu, chữ số và . _ ~ + / = -` });
      else if (guessableToken(t))
        ctx.addIssue({
          code: 'custom',
          message: `INGEST_TOKENS: mã thứ ${n} quá dễ đoán (ký tự lặp lại hoặc liền nhau); hãy tạo mã ngẫu nhiên, ví dụ bằng: openssl rand -hex 24`,
        });
    });
    if (new Set(tokens).size !== tokens.length) ctx.addIssue({ code: 'custom', message: 'INGEST_TOKENS: có mã bị lặp lại' });
    return tokens;
  });

/** Environment variables of the import feature (see env.ts). */
export const importEnv = {
  INGEST_TOKENS: ingestTokensVar,
};
