/** Environment variables of the import feature (see env.ts). */
export const importEnv = {};
