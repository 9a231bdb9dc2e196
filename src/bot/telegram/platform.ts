import { Api, GrammyError } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { PlatformAuthError, type ChannelEvent, type ChatPlatform, type ReplyRenderer, type UpdateIds } from '../../channel/platform.js';
import type { CommandSpec } from '../../core/router.js';
import type { Logger } from '../../log.js';
import { TEXT } from '../../text/messages.js';
import { commandMenu } from './commands-menu.js';
import { chatRef, isForBot, toIncoming, userRef } from './incoming.js';
import { TelegramRenderer } from './renderer.js';
import { TelegramSender } from './sender.js';

/** The only updates the bot asks Telegram for; anything else that arrives is ignored. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface TelegramPlatformOptions {
  token: string;
  apiRoot: string;
  /** Longest time one Bot API request may take (default 60 s; long polls ask for 30 s). */
  timeoutSeconds?: number;
  /** Longest wait for getMe at start before it is tried again (default 10 s). */
  connectTimeoutMs?: number;
  renderer?: ReplyRenderer;
  /** The commands published as Telegram's command menu. */
  commands: readonly CommandSpec[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Telegram as the chat channel sees it: grammY's Bot API client, how updates read (a
 * person's message for the bot, a button press, the bot removed from a chat, a group
 * upgraded to a supergroup; everything else is ignored), the HTML renderer and the sender.
 */
export class TelegramPlatform implements ChatPlatform {
  readonly name = 'telegram' as const;
  /** "telegram:<bot id>": one store may serve several bots (a test bot beside the real one). */
  readonly key: string;
  readonly api: Api;
  readonly renderer: ReplyRenderer;
  readonly sender: TelegramSender;
  private self: UserFromGetMe | null = null;

  constructor(
    private readonly opts: TelegramPlatformOptions,
    private readonly log: Logger,
  ) {
    this.key = `telegram:${opts.token.split(':')[0]}`;
    this.api = new Api(opts.token, { apiRoot: opts.apiRoot, timeoutSeconds: opts.timeoutSeconds ?? 60 });
    this.renderer = opts.renderer ?? new TelegramRenderer();
    this.sender = new TelegramSender(this.api, log);
  }

  /** The bot's own user, once connected. */
  get me(): UserFromGetMe {
    if (!this.self) throw new Error('telegram platform not connected');
    return this.self;
  }

  async connect(): Promise<void> {
    try {
      // grammY types the signal as its polyfill's; Node's AbortSignal is what it uses at run time.
      const signal = AbortSignal.timeout(this.opts.connectTimeoutMs ?? 10_000) as Parameters<Api['getMe']>[0];
      this.self = await this.api.getMe(signal);
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new PlatformAuthError(TEXT.tokenRefused('Telegram', 'TELEGRAM_BOT_TOKEN', err.error_code, '@BotFather'));
      }
      throw err;
    }
  }

  /** Publishes the command menu; a refusal is only logged. */
  async onReady(): Promise<void> {
    try {
      await this.api.setMyCommands(commandMenu(this.opts.commands, this.log));
    } catch (err) {
      this.log.warn('command menu not published', { error: err });
    }
  }

  identify(raw: unknown): UpdateIds | null {
    if (!isObject(raw)) return null;
    const id = raw.update_id;
    if (!Number.isSafeInteger(id) || (id as number) < 0) return null;
    const u = raw as unknown as Update;
    const chat = u.message?.chat ?? u.callback_query?.message?.chat ?? u.my_chat_member?.chat ?? u.edited_message?.chat;
    return { key: String(id), chatId: chat ? String(chat.id) : null };
  }

  interpret(raw: unknown): ChannelEvent {
    const u = raw as Update;
    const me = this.me;
    if (u.message?.migrate_to_chat_id !== undefined) {
      return { kind: 'chat_moved', chat: { platform: 'telegram', chatId: String(u.message.chat.id) }, to: String(u.message.migrate_to_chat_id) };
    }
    if (u.my_chat_member) {
      const status = u.my_chat_member.new_chat_member.status;
      if (status === 'left' || status === 'kicked') return { kind: 'chat_left', chat: { platform: 'telegram', chatId: String(u.my_chat_member.chat.id) } };
      return { kind: 'ignore', reason: 'membership' };
    }
    if (u.message) {
      // Only a person's message for the bot goes further; stickers, photos, joins and
      // group chatter are ignored quietly. In groups the reply quotes the message.
      if (!isForBot(u.message, me)) return { kind: 'ignore', reason: 'not_for_bot' };
      const message = toIncoming(u.message, me);
      return { kind: 'message', message, ...(message.chat.kind === 'group' ? { quote: String(u.message.message_id) } : {}) };
    }
    if (u.callback_query) {
      const q = u.callback_query;
      const chat = q.message ? chatRef(q.message.chat) : null;
      return { kind: 'button', chat, user: userRef(q.from), data: q.data ?? '', messageId: q.message ? String(q.message.message_id) : '', queryId: q.id };
    }
    return { kind: 'ignore', reason: 'update_type' };
  }
}
