import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../data/store.js';
import { accessEnv } from './env-access.js';
import { httpEnv } from './env-http.js';
import { alertsEnv } from './env-alerts.js';
import { importEnv } from './env-import.js';
import { telegramEnv } from './env-telegram.js';
import { positiveIntVar, boolVar, optionalTextVar } from './env-types.js';
import { zaloEnv } from './env-zalo.js';

/**
 * The environment, validated once at start. Each bad value gets its own line saying which
 * variable, what is wrong and what is expected; the program then exits without starting.
 * Each feature declares its variables in its own env-<feature>.ts; every variable is
 * listed in .env.example and the README.
 */
export const coreEnv = {
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : DEFAULT_DATABASE_URL))
    .refine((v) => (v !== ':memory:' && !/^(?!file:)[a-z]+:\/\//i.test(v)) || /^postgres(ql)?:\/\//i.test(v), {
      message: 'DATABASE_URL phải là đường dẫn tệp (file:./data/haicap.db) hoặc postgresql://…',
    }),
  DEFAULT_PROVINCE: optionalTextVar,
  STALE_AFTER_HOURS: positiveIntVar('STALE_AFTER_HOURS', 48),
  DEMO_DATA: boolVar('DEMO_DATA', true),
  PORT: positiveIntVar('PORT', 8080, 65_535),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'LOG_LEVEL phải là một trong: debug, info, warn, error, silent' })
    .optional()
    .default('info'),
};

export const envSchema = z.object({ ...coreEnv, ...telegramEnv, ...zaloEnv, ...importEnv, ...accessEnv, ...httpEnv, ...alertsEnv });

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
