/**
 * Runs the real Telegram bot (grammY, the runner, the real store) against the fake Bot
 * API server over loopback, in polling or webhook mode, and lets a test speak as users.
 */
import { InMemoryOffers } from '../../../src/core/memory.js';
import { Router, type CommandSpec } from '../../../src/core/router.js';
import { startTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from '../../../src/bot/telegram/channel.js';
import type { TelegramConfig } from '../../../src/config/env-telegram.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { HttpServer } from '../../../src/server/http-server.js';
import { FakeTelegramServer, type FakeChat, type FakeUser } from '../../fakes/telegram-server.js';
import { openTestApp } from '../../helpers/store.js';

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/**
 * The test deployment: aggregate figures open to every chat (PUBLIC_AGGREGATES), and the
 * people of the harness's private chats administrators, so dossier lists (/quahan) work
 * there as they do in an administrator's own chat.
 */
export const TELEGRAM_TEST_ENV: Record<string, string> = {
  PUBLIC_AGGREGATES: 'true',
  ADMIN_IDS: Array.from({ length: 300 }, (_, i) => `tg:${5001 + i}`).join(','),
};

/** An app with the demo data and the test deployment's settings. */
export function openTelegramTestApp(opts: { demo?: boolean } = {}): Promise<TestApp> {
  return openTestApp({ ...opts, env: TELEGRAM_TEST_ENV });
}

export const WEBHOOK_SECRET = 'secret-token-for-tests_0123456789';
export const WEBHOOK_URL = 'https://bot.example.gov.vn/telegram/webhook';

export interface HarnessOptions {
  mode?: 'polling' | 'webhook';
  /** An open app to use (else a fresh one with demo data is opened and disposed). */
  app?: TestApp;
  /** Commands of a router built for this harness (else the app's router). */
  commands?: CommandSpec[];
  /** A fake server to use (else a new one). */
  server?: FakeTelegramServer;
  maxRetryWaitMs?: number;
  channel?: TelegramChannelOptions;
}

/** Log lines the bot wrote, for checks that nothing secret or private was logged. */
export class LogLines {
  readonly lines: string[] = [];
  readonly logger: Logger = createLogger('debug', (l) => this.lines.push(l));
  get text(): string {
    return this.lines.join('\n');
  }
  records(): { msg: string; level: string; [k: string]: unknown }[] {
    return this.lines.map((l) => JSON.parse(l) as { msg: string; level: string });
  }
}

export class TelegramHarness {
  /** How many times each update was handled (a redelivered update counts again). */
  private readonly handled = new Map<number, number>();
  private readonly waiters: { id: number; times: number; resolve: () => void }[] = [];
  private nextChat = 1;
  channel!: TelegramChannel;
  http: HttpServer | null = null;
  /** Where the bot's HTTP server listens (webhook mode), e.g. http://127.0.0.1:1234. */
  localBase = '';
  readonly logs = new LogLines();

  private constructor(
    readonly server: FakeTelegramServer,
    readonly app: TestApp,
    private readonly owned: { app: boolean; server: boolean },
  ) {}

  static async start(opts: HarnessOptions = {}): Promise<TelegramHarness> {
    const server = opts.server ?? (await FakeTelegramServer.start());
    const app = opts.app ?? (await openTelegramTestApp());
    const h = new TelegramHarness(server, app, { app: !opts.app, server: !opts.server });
    const router = opts.commands ? new Router(opts.commands, app.ctx, new InMemoryOffers(), h.logs.logger) : app.router;
    const mode = opts.mode ?? 'polling';
    const common = { token: server.token, apiRoot: server.apiRoot, maxRetryWaitMs: opts.maxRetryWaitMs ?? 5_000 };
    const config: TelegramConfig =
      mode === 'polling'
        ? { ...common, mode }
        : { ...common, mode, webhookUrl: WEBHOOK_URL, webhookPath: new URL(WEBHOOK_URL).pathname, secret: WEBHOOK_SECRET };
    const http = new HttpServer(h.logs.logger);
    h.channel = await startTelegramChannel({ router, store: app.store, log: h.logs.logger, notices: app.ctx.notices }, config, http, {
      typingAfterMs: 60_000,
      polling: { timeoutSeconds: 10 },
      ...opts.channel,
      onUpdateHandled: (key) => {
        const id = Number(key);
        h.handled.set(id, (h.handled.get(id) ?? 0) + 1);
        for (const w of h.waiters.filter((x) => x.id === id && h.handled.get(id)! >= x.times)) {
          h.waiters.splice(h.waiters.indexOf(w), 1);
          w.resolve();
        }
        opts.channel?.onUpdateHandled?.(key);
      },
    });
    if (mode === 'webhook') {
      const port = await http.listen(0, '127.0.0.1');
      h.http = http;
      h.localBase = `http://127.0.0.1:${port}`;
      server.deliverWebhooksTo(`${h.localBase}${new URL(WEBHOOK_URL).pathname}`);
    }
    return h;
  }

  /** A new private chat (positive id) or group (negative id) no other test uses. */
  chat(kind: 'private' | 'group' = 'private'): FakeChat {
    const n = this.nextChat++;
    return kind === 'private' ? { id: 5000 + n, type: 'private' } : { id: -100_5000 - n, type: 'supergroup', title: `Nhóm thử ${n}` };
  }

  /** A user; in a private chat the user id is the chat id. */
  user(id = 4242): FakeUser {
    return { id, first_name: 'Cán bộ', last_name: 'Thử' };
  }

  /** How many times each update was handled so far. */
  handledCounts(): Map<number, number> {
    return new Map(this.handled);
  }

  /** Resolves once the bot has completely handled the update (`times` times, for redeliveries). */
  whenHandled(updateId: number, times = 1): Promise<void> {
    if ((this.handled.get(updateId) ?? 0) >= times) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ id: updateId, times, resolve }));
  }

  /** A user writes in a chat; resolves when the bot has handled it. */
  async say(chat: FakeChat, text: string, opts: { from?: FakeUser; replyTo?: number } = {}): Promise<number> {
    const u = this.server.sendText(chat, opts.from ?? this.user(chat.type === 'private' ? chat.id : 4242), text, opts.replyTo !== undefined ? { replyTo: opts.replyTo } : {});
    await this.whenHandled(u.update_id);
    return u.update_id;
  }

  /** A user presses a button; resolves when handled, with the callback query id. */
  async press(chat: FakeChat, messageId: number, data: string, from?: FakeUser): Promise<string> {
    const u = this.server.pressButton(chat, from ?? this.user(chat.type === 'private' ? chat.id : 4242), messageId, data);
    await this.whenHandled(u.update_id);
    return u.queryId;
  }

  /** The bot's messages in a chat, visible text only. */
  texts(chat: FakeChat): string[] {
    return this.server.botMessages(chat.id).map((m) => m.text);
  }

  async close(): Promise<void> {
    await this.channel.stop();
    await this.http?.close();
    if (this.owned.server) await this.server.close();
    if (this.owned.app) await this.app.dispose();
  }
}
