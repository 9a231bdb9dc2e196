import type { App } from '../app.js';
import type { Channel } from '../channel/chat-channel.js';
import type { Env } from '../config/env.js';
import type { HttpServer } from '../server/http-server.js';
import { startTelegram } from './telegram/channel.js';
import { startZalo } from './zalo/channel.js';

export type { Channel } from '../channel/chat-channel.js';

export interface ChannelDeps {
  app: App;
  env: Env;
  /** The shared HTTP server; webhook channels add their routes before it starts. */
  http: HttpServer;
}

/**
 * Starts a channel when its settings are present (null when not configured). It returns at
 * once: the channel reaches its platform in the background, so one platform that does not
 * answer never holds up the HTTP server or the others.
 */
export type ChannelStarter = (deps: ChannelDeps) => Channel | null;

/** The chat channels `npm start` tries, in order. The console is used when none is configured. */
export const CHANNELS: ChannelStarter[] = [startTelegram, startZalo];
