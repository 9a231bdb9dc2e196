import type { App } from '../app.js';
import type { Env } from '../config/env.js';
import type { HttpServer } from '../server/http-server.js';
import { startTelegram } from './telegram/start.js';
import { startZalo } from './zalo/start.js';

/** A running chat channel; `stop` stops taking messages and finishes those in flight. */
export interface Channel {
  name: string;
  stop(): Promise<void>;
}

export interface ChannelDeps {
  app: App;
  env: Env;
  /** The shared HTTP server; webhook channels add their routes before it starts. */
  http: HttpServer;
}

/** Starts a channel when its settings are present; returns null when not configured. */
export type ChannelStarter = (deps: ChannelDeps) => Promise<Channel | null>;

/** The chat channels `npm start` tries, in order. The console is used when none starts. */
export const CHANNELS: ChannelStarter[] = [startTelegram, startZalo];
