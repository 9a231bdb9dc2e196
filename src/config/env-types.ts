import { z } from 'zod';

/**
 * Building blocks for environment variables: each bad value yields one Vietnamese line
 * naming the variable, what is wrong and what is expected.
 */
export function boolVar(name: string, fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(s)) return true;
      if (['0', 'false', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} phải là true hoặc false, đang là "${v}"` });
      return z.NEVER;
    });
}

export function positiveIntVar(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n <= 0 || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} phải là số nguyên dương${max < Number.MAX_SAFE_INTEGER ? ` không quá ${max}` : ''}, đang là "${v}"` });
        return z.NEVER;
      }
      return n;
    });
}

/** An optional text; empty means unset (null). */
export const optionalTextVar = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : null));

/** An optional absolute http(s) URL; empty means unset. */
export function urlVar(name: string, opts: { httpsOnly?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === '') return null;
      let u: URL;
      try {
        u = new URL(v.trim());
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} phải là một địa chỉ URL đầy đủ, ví dụ https://bot.example.gov.vn/...` });
        return z.NEVER;
      }
      const ok = opts.httpsOnly ? u.protocol === 'https:' : u.protocol === 'https:' || u.protocol === 'http:';
      if (!ok) {
        ctx.addIssue({ code: 'custom', message: `${name} phải bắt đầu bằng ${opts.httpsOnly ? 'https://' : 'http:// hoặc https://'}` });
        return z.NEVER;
      }
      return u.toString().replace(/\/$/, '');
    });
}

/**
 * A chat platform's bot token, "<numeric bot id>:<secret>" as its issuer hands it out;
 * null when unset (the platform is off). The message about a bad value never repeats it.
 */
export function botTokenVar(name: string, pattern: RegExp, issuer: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === '') return null;
      if (!pattern.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: `${name} không đúng dạng <số>:<chuỗi ký tự> mà ${issuer} cấp` });
        return z.NEVER;
      }
      return v.trim();
    });
}
