import { z } from 'zod';
import { boolVar } from './env-types.js';

/** Environment variables of the overdue alerts (see env.ts). */
export const alertsEnv = {
  /** Log digests and escalations instead of sending them. */
  ALERTS_DRY_RUN: boolVar('ALERTS_DRY_RUN', false),
  /**
   * Start the bot's clock at this instant and let it run on (demos and tests):
   * "2026-12-02T07:29:50+07:00" sends the 07:30 digests ten seconds after start.
   */
  CLOCK_START: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === '') return null;
      const t = v.trim();
      const d = new Date(t);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t) || Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: `CLOCK_START phải là một thời điểm ISO 8601, ví dụ 2026-12-02T07:29:50+07:00, đang là "${v}"` });
        return z.NEVER;
      }
      return d;
    }),
};
