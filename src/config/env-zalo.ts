/** Environment variables of the zalo feature (see env.ts). */
export const zaloEnv = {};
