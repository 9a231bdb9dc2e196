import { ConfigError } from '../../config/env.js';
import { zaloConfig } from '../../config/env-zalo.js';
import type { ChannelStarter } from '../channels.js';
import { startZaloChannel } from './channel.js';

/** Starts Zalo when ZALO_BOT_TOKEN is set (see src/config/env-zalo.ts). */
export const startZalo: ChannelStarter = async ({ app, env, http }) => {
  const { config, problems } = zaloConfig(env);
  if (problems.length > 0) throw new ConfigError(problems);
  if (!config) return null;
  return startZaloChannel({ router: app.router, store: app.store, log: app.log, notices: app.ctx.notices, admins: app.ctx.settings.admins }, config, http);
};
