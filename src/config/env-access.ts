import { z } from 'zod';
import { boolVar } from './env-types.js';

/** A platform-qualified user id: "tg:123456789" or "zalo:6ede9afa66b88fe6d6a9". */
export interface AdminId {
  platform: 'telegram' | 'zalo';
  userId: string;
}

const PREFIX: Record<string, AdminId['platform']> = { tg: 'telegram', telegram: 'telegram', zalo: 'zalo' };

/** Environment variables of the access rules (see env.ts). */
export const accessEnv = {
  /** Administrators by platform user id, comma-separated: "tg:123,zalo:abc". The console user is always one. */
  ADMIN_IDS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: AdminId[] = [];
      for (const raw of (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
        const m = /^([a-z]+):([A-Za-z0-9_-]{1,64})$/.exec(raw);
        const platform = m ? PREFIX[m[1]!] : undefined;
        if (!m || !platform) {
          ctx.addIssue({ code: 'custom', message: `ADMIN_IDS: "${raw}" không đúng dạng; viết tg:<mã người dùng Telegram> hoặc zalo:<mã người dùng Zalo>, cách nhau bằng dấu phẩy` });
          return z.NEVER;
        }
        out.push({ platform, userId: m[2]! });
      }
      return out;
    }),
  /** Let any chat, registered or not, see aggregate figures (for demonstrations). */
  PUBLIC_AGGREGATES: boolVar('PUBLIC_AGGREGATES', false),
};
