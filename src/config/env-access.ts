/** Environment variables of the access feature (see env.ts). */
export const accessEnv = {};
