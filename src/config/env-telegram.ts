/** Environment variables of the telegram feature (see env.ts). */
export const telegramEnv = {};
