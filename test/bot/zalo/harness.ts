/**
 * Runs the real Zalo channel (the undici client, the real store, the delivery layer)
 * against the fake Zalo Bot API over loopback, in polling or webhook mode, and lets a
 * test speak as users. The bot's own HTTP server listens on loopback from the start, so
 * pictures can be fetched from it (PUBLIC_BASE_URL) and webhooks posted to it.
 */
import { startZaloChannel, type ZaloChannel, type ZaloChannelOptions } from '../../../src/bot/zalo/channel.js';
import type { ZaloConfig } from '../../../src/config/env-zalo.js';
import { InMemoryOffers } from '../../../src/core/memory.js';
import { Router, type CommandSpec } from '../../../src/core/router.js';
import { HttpServer } from '../../../src/server/http-server.js';
import { FakeZaloServer, type FakeZaloChat, type FakeZaloUser } from '../../fakes/zalo-server.js';
import { openTestApp } from '../../helpers/store.js';
import { LogLines } from '../telegram/harness.js';

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/** Chats are numbered across harnesses, so harnesses sharing one app never share a chat. */
let chatsMade = 0;

/** The user id (= private chat id) of the harness's n-th private chat: 20 hex digits. */
export function privateChatId(n: number): string {
  return `a${String(n).padStart(19, '0')}`;
}

/** The id of the harness's n-th group. */
export function groupChatId(n: number): string {
  return `f${String(n).padStart(19, '0')}`;
}

/**
 * The test deployment: aggregate figures open to every chat, and the people of the
 * harness's private chats administrators (dossier lists such as /quahan work there).
 */
export const ZALO_TEST_ENV: Record<string, string> = {
  PUBLIC_AGGREGATES: 'true',
  ADMIN_IDS: Array.from({ length: 300 }, (_, i) => `zalo:${privateChatId(i + 1)}`).join(','),
};

/** An app with the demo data and the test deployment's settings. */
export function openZaloTestApp(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  return openTestApp({ ...(opts.demo !== undefined ? { demo: opts.demo } : {}), env: { ...ZALO_TEST_ENV, ...opts.env } });
}

export const ZALO_WEBHOOK_SECRET = 'zalo-secret-for-tests_0123';
export const ZALO_WEBHOOK_URL = 'https://bot.example.gov.vn/zalo/webhook';

export interface ZaloHarnessOptions {
  mode?: 'polling' | 'webhook';
  /** An open app to use (else a fresh one with demo data is opened and disposed). */
  app?: TestApp;
  /** Commands of a router built for this harness (else the app's router). */
  commands?: CommandSpec[];
  /** A fake server to use (else a new one). */
  server?: FakeZaloServer;
  maxRetryWaitMs?: number;
  monthlyQuota?: number;
  markdown?: boolean;
  /** Serve pictures from the harness's HTTP server (default true). */
  pictures?: boolean;
  channel?: ZaloChannelOptions;
}

export class ZaloHarness {
  private readonly handled = new Map<string, number>();
  private readonly waiters: { id: string; times: number; resolve: () => void }[] = [];
  channel!: ZaloChannel;
  readonly http: HttpServer;
  /** Where the bot's HTTP server listens, e.g. http://127.0.0.1:1234. */
  localBase = '';
  readonly logs = new LogLines();

  private constructor(
    readonly server: FakeZaloServer,
    readonly app: TestApp,
    private readonly owned: { app: boolean; server: boolean },
  ) {
    this.http = new HttpServer(this.logs.logger);
  }

  static async start(opts: ZaloHarnessOptions = {}): Promise<ZaloHarness> {
    const server = opts.server ?? (await FakeZaloServer.start());
    const app = opts.app ?? (await openZaloTestApp());
    const h = new ZaloHarness(server, app, { app: !opts.app, server: !opts.server });
    const port = await h.http.listen(0, '127.0.0.1');
    h.localBase = `http://127.0.0.1:${port}`;
    const router = opts.commands ? new Router(opts.commands, app.ctx, new InMemoryOffers(), h.logs.logger) : app.router;
    const mode = opts.mode ?? 'polling';
    const common = {
      token: server.token,
      apiRoot: server.apiRoot,
      maxRetryWaitMs: opts.maxRetryWaitMs ?? 5_000,
      monthlyQuota: opts.monthlyQuota ?? 3_000,
      markdown: opts.markdown ?? false,
      publicBaseUrl: opts.pictures === false ? null : h.localBase,
    };
    const config: ZaloConfig =
      mode === 'polling'
        ? { ...common, mode }
        : { ...common, mode, webhookUrl: ZALO_WEBHOOK_URL, webhookPath: new URL(ZALO_WEBHOOK_URL).pathname, secret: ZALO_WEBHOOK_SECRET };
    if (mode === 'webhook') server.deliverWebhooksTo(`${h.localBase}${new URL(ZALO_WEBHOOK_URL).pathname}`);
    const starting = startZaloChannel(
      { router, store: app.store, log: h.logs.logger, notices: app.ctx.notices, admins: app.ctx.settings.admins },
      config,
      h.http,
      {
        typingAfterMs: 60_000,
        polling: { timeoutSeconds: 30 },
        ...opts.channel,
        onUpdateHandled: (id) => {
          h.handled.set(id, (h.handled.get(id) ?? 0) + 1);
          for (const w of h.waiters.filter((x) => x.id === id && h.handled.get(id)! >= x.times)) {
            h.waiters.splice(h.waiters.indexOf(w), 1);
            w.resolve();
          }
          opts.channel?.onUpdateHandled?.(id);
        },
      },
    );
    try {
      h.channel = await starting;
    } catch (err) {
      await h.http.close();
      if (h.owned.server) await server.close();
      if (h.owned.app) await app.dispose();
      throw err;
    }
    return h;
  }

  /** A new private chat (its id is its user's id) or group no other test of this harness uses. */
  chat(kind: 'private' | 'group' = 'private'): FakeZaloChat {
    const n = (chatsMade % 300) + 1;
    chatsMade++;
    return kind === 'private' ? { id: privateChatId(n), type: 'PRIVATE' } : { id: groupChatId(n), type: 'GROUP' };
  }

  /** The person writing in a chat: in a private chat the chat's own user, in a group someone. */
  user(chat: FakeZaloChat): FakeZaloUser {
    return chat.type === 'PRIVATE' ? { id: chat.id, display_name: 'Cán bộ Thử' } : { id: privateChatId(999), display_name: 'Chuyên viên Bình' };
  }

  /** How many times each update was handled so far. */
  handledCounts(): Map<string, number> {
    return new Map(this.handled);
  }

  /** Resolves once the bot has handled the update (`times` times, for redeliveries). */
  whenHandled(messageId: string, times = 1): Promise<void> {
    if ((this.handled.get(messageId) ?? 0) >= times) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ id: messageId, times, resolve }));
  }

  /** How many times an update was handled. */
  handledCount(messageId: string): number {
    return this.handled.get(messageId) ?? 0;
  }

  /** A user writes in a chat; resolves with the message id when the bot has handled it. */
  async say(chat: FakeZaloChat, text: string, opts: { from?: FakeZaloUser; flat?: boolean } = {}): Promise<string> {
    const u = this.server.sendText(chat, opts.from ?? this.user(chat), text, opts.flat ? { flat: true } : {});
    const id = String((u.message as { message_id: string }).message_id);
    await this.whenHandled(id);
    return id;
  }

  /** The bot's messages in a chat, visible text only. */
  texts(chat: FakeZaloChat): string[] {
    return this.server.botMessages(chat.id).map((m) => m.text);
  }

  async close(): Promise<void> {
    await this.channel.stop();
    await this.http.close();
    if (this.owned.server) await this.server.close();
    if (this.owned.app) await this.app.dispose();
  }
}
