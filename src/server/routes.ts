import type { App } from '../app.js';
import type { Env } from '../config/env.js';
import type { HttpServer } from './http-server.js';
import { dossierPushRoute } from '../import/http/push-route.js';

export interface RouteDeps {
  app: App;
  env: Env;
  http: HttpServer;
}

/**
 * Features that serve HTTP beside the chat channels (the dossier push endpoint, images)
 * add their routes here; each does nothing when its settings are absent.
 */
export type RouteProvider = (deps: RouteDeps) => void | Promise<void>;

export const ROUTE_PROVIDERS: RouteProvider[] = [dossierPushRoute];
