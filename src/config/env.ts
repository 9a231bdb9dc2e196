import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../data/store.js';

/**
 * The environment, validated once at start. Each bad value gets its own line saying which
 * variable, what is wrong and what is expected; the program then exits without starting.
 */
const bool = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on', 'có'].includes(s)) return true;
      if (['0', 'false', 'no', 'off', 'không'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} phải là true hoặc false` });
      return z.NEVER;
    });

const positiveInt = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `${name} phải là số nguyên dương, đang là "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : null));

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : DEFAULT_DATABASE_URL))
    .refine((v) => /^(postgres(ql)?:\/\/|file:|sqlite:|\.{0,2}\/|[A-Za-z0-9_])/.test(v) && !/^:memory:$/.test(v), {
      message: 'DATABASE_URL phải là đường dẫn tệp (file:./data/haicap.db) hoặc postgresql://…',
    }),
  DEFAULT_PROVINCE: optionalText,
  STALE_AFTER_HOURS: positiveInt('STALE_AFTER_HOURS', 48),
  DEMO_DATA: bool('DEMO_DATA', true),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'LOG_LEVEL phải là một trong: debug, info, warn, error, silent' })
    .optional()
    .default('info'),
});

export type Env = z.output<typeof envSchema>;

/** Thrown with one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = envSchema.safeParse(source);
  if (r.success) return r.data;
  throw new ConfigError(
    r.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return i.message.startsWith(key) ? i.message : `${key}: ${i.message}`;
    }),
  );
}
