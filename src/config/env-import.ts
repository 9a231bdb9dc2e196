import { z } from 'zod';

/** Shortest accepted push token: long enough that guessing is hopeless. */
const MIN_INGEST_TOKEN_LENGTH = 16;
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=-]+$/;

/**
 * INGEST_TOKENS: the bearer tokens that may push dossiers to POST /api/v1/dossiers,
 * comma-separated (one per sending system, so one can be revoked alone). Empty or unset:
 * the endpoint is not served. Each bad token gets its own line, naming its position but
 * never its value (it is a secret).
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
    });
    if (new Set(tokens).size !== tokens.length) ctx.addIssue({ code: 'custom', message: 'INGEST_TOKENS: có mã bị lặp lại' });
    return tokens;
  });

/** Environment variables of the import feature (see env.ts). */
export const importEnv = {
  INGEST_TOKENS: ingestTokensVar,
};
