import { resolveAccess, type Access, type ActAs } from '../access/access.js';
import { audit } from '../access/audit.js';
import { decide, provinceOfAccess, type CommandRule } from '../access/permissions.js';
import { foldKey } from '../names/keys.js';
import type { Logger } from '../log.js';
import { TEXT } from '../text/messages.js';
import { dayOf } from '../time/day.js';
import { callsBot, withoutCall } from '../understanding/addressing.js';
import { answerUnderstanding, readingOf } from '../understanding/answer.js';
import { understand } from '../understanding/understand.js';
import type { AppContext } from './context.js';
import type { Offer, OfferMemory } from './memory.js';
import { offerKey, rememberOffer } from './memory.js';
import type { Reply } from './reply.js';
import { isReply, userError } from './reply.js';
import type { ChatRef, CommandRequest, UserRef } from './request.js';

/** A command handler: a parsed request and the application context in, a reply model out. */
export type Handler = (req: CommandRequest, ctx: AppContext) => Promise<Reply>;

/** One command the bot understands. */
export interface CommandSpec {
  /** Canonical name, [a-z0-9_] (Telegram's rule for command names). */
  name: string;
  /** Other names that mean the same; matched without diacritics ("/xã" = "/xa"). */
  aliases: string[];
  /** One line in Vietnamese, for /giup and Telegram's command menu. */
  summary: string;
  /** Usage line, e.g. "/xa <tên hoặc mã xã> [kỳ]". */
  usage: string;
  examples: string[];
  handler: Handler;
  /** Shown in /giup and the command menu (administrator commands are not). */
  listed?: boolean;
  /** Who may run it: open, aggregate, dossier or admin (see src/access/permissions.ts). */
  access: CommandRule;
  /**
   * Plain text replying to one of the bot's messages runs this command when the quoted
   * message names what it acts on: returns the arguments to put before the text
   * ("KN-0042" for an answer to a relayed recommendation), or null.
   */
  fromReply?: (quotedText: string) => string | null;
}

/** A message as an adapter hands it to the router. */
export interface IncomingMessage {
  text: string;
  chat: ChatRef;
  user: UserRef;
  /** The message is addressed to the bot (a private chat, a reply to the bot, a mention). */
  addressed: boolean;
  /**
   * The names this bot goes by on the message's platform ("/xa@ThisBot" is for it,
   * "/xa@OtherBot" is not); empty or absent where the platform gives none. They travel with
   * the message: two platforms in one process each have their own.
   */
  botNames?: readonly string[];
  /** Console only (`--as`): act with this role instead of the chat's own. */
  actAs?: ActAs;
  /** The message replies to (quotes) this message, where the platform says so. */
  replyTo?: { fromBot: boolean; text: string };
  /** The platform's id of the message in its chat, where it has one (a retried message keeps it). */
  messageId?: string;
}

/** Most text accepted after a command; longer input is refused with an explanation. */
const MAX_ARGS_LENGTH = 500;

/** A parsed "/cmd@Bot args" line. */
export interface ParsedCommand {
  name: string;
  args: string;
  /** Set when the command names another bot ("/xa@OtherBot"): not for us. */
  forOtherBot: boolean;
}

/** Folds a typed command name to its registry key: "/Xã" → "xa", "/quá_hạn" → "quahan". */
export function commandKey(name: string): string {
  return foldKey(name).replace(/[^a-z0-9]/g, '');
}

/**
 * Parses a command line: a slash, a name, an optional @BotName, then free text.
 * Returns null for text that is not a command. `botNames` are this bot's names on the
 * message's platform, compared as command names are (case, diacritics, spaces aside); a
 * command naming another bot is marked `forOtherBot`.
 */
export function parseCommand(text: string, botNames: readonly string[] = []): ParsedCommand | null {
  const m = /^[/／]([^\s@]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!m) return null;
  const target = m[2];
  const forOtherBot = Boolean(target && botNames.length > 0 && !botNames.some((n) => commandKey(n) === commandKey(target)));
  return { name: m[1]!, args: (m[3] ?? '').replace(/\s+/g, ' ').trim(), forOtherBot };
}

/**
 * Routes messages to handlers: parses the command, resolves aliases, answers bare numbers
 * from the last offer, and is the one error boundary, so no input ever ends in a crash or
 * in silence when the bot was addressed.
 */
export class Router {
  private readonly byKey = new Map<string, CommandSpec>();

  constructor(
    readonly commands: readonly CommandSpec[],
    private readonly ctx: AppContext,
    private readonly offers: OfferMemory,
    private readonly log: Logger,
  ) {
    for (const c of commands) {
      this.byKey.set(commandKey(c.name), c);
      for (const a of c.aliases) this.byKey.set(commandKey(a), c);
    }
  }

  /** Finds a command by any of its names. */
  find(name: string): CommandSpec | undefined {
    return this.byKey.get(commandKey(name));
  }

  /** Answers one message; null means "stay quiet" (group chatter not addressed to the bot). */
  async handle(msg: IncomingMessage): Promise<Reply | null> {
    const chatKey = offerKey(msg.chat.platform, msg.chat.id);
    const now = this.ctx.clock.now();
    try {
      const parsed = parseCommand(msg.text, msg.botNames);
      if (!parsed) return await this.handleText(msg, chatKey, now);
      if (parsed.forOtherBot) return null;
      const spec = this.find(parsed.name);
      if (!spec) {
        const help = this.find('giup');
        const unknown = userError(TEXT.unknownCommand(commandKey(parsed.name) || parsed.name));
        if (!help) return unknown;
        const access = await this.access(msg);
        const helpReply = await help.handler(this.request(help, '', msg, now, access), this.ctx);
        return { ...helpReply, status: 'user_error', blocks: [...unknown.blocks, ...helpReply.blocks] };
      }
      return await this.run(spec, parsed.args, msg, chatKey, now);
    } catch (err) {
      this.log.error('handler failed', { chat: chatKey, error: err });
      return userError(TEXT.internalError);
    }
  }

  private request(spec: CommandSpec, args: string, msg: IncomingMessage, now: Date, access: Access): CommandRequest {
    return { command: spec.name, args, chat: msg.chat, user: msg.user, now, access, ...(msg.messageId ? { messageId: msg.messageId } : {}) };
  }

  private access(msg: IncomingMessage): Promise<Access> {
    return resolveAccess(this.ctx.store, this.ctx.settings.admins, msg.chat, msg.user, msg.actAs);
  }

  private async run(spec: CommandSpec, args: string, msg: IncomingMessage, chatKey: string, now: Date): Promise<Reply> {
    if (args.length > MAX_ARGS_LENGTH) return userError(TEXT.tooLong(MAX_ARGS_LENGTH), spec.examples[0]);
    const access = await this.access(msg);
    const decision = decide(spec.access, access, this.ctx.settings.publicAggregates);
    if (!decision.allowed) {
      await audit(this.ctx.store, { at: now, actor: `${msg.chat.platform}:${msg.user.id}`, chat: chatKey, action: 'denied', detail: `/${spec.name} (${decision.reason})` });
      return {
        status: 'denied',
        blocks: [{ kind: 'text', text: decision.reason === 'not_admin' ? TEXT.deniedAdmin(spec.name) : TEXT.deniedUnregistered(spec.name) }],
      };
    }
    const started = performance.now();
    const reply = await spec.handler(this.request(spec, args, msg, now, access), this.ctx);
    this.log.debug('command', { command: spec.name, chat: chatKey, ms: Math.round(performance.now() - started), status: reply.status });
    await rememberOffer(this.offers, chatKey, reply, now);
    return reply;
  }

  /**
   * Plain text addressed to the bot (a private chat; in a group a mention, a reply to the
   * bot, or text starting with "bot" or its name): a number picks from what the chat was
   * offered; anything else is a question in plain Vietnamese.
   */
  private async handleText(msg: IncomingMessage, chatKey: string, now: Date): Promise<Reply | null> {
    if (!msg.addressed && !(msg.chat.kind === 'group' && callsBot(msg.text, msg.botNames))) return null;
    const number = /^\s*(\d{1,3})\s*$/.exec(msg.text);
    if (number) {
      const picked = await this.offerAnswered(msg, chatKey, now);
      if (isReply(picked)) return picked;
      if (picked) {
        const n = Number(number[1]);
        const command = picked.choices
          ? picked.choices[n - 1]?.command
          : picked.pagination && n >= 1 && n <= picked.pagination.pageCount
            ? `${picked.pagination.command} ${n}`
            : undefined;
        if (!command) return userError(TEXT.numberOutOfRange(picked.choices?.length ?? picked.pagination?.pageCount ?? 0));
        const parsed = parseCommand(command);
        const spec = parsed && this.find(parsed.name);
        if (parsed && spec) return this.run(spec, parsed.args, msg, chatKey, now);
      }
    }
    if (msg.text.trim() === '') return null;
    if (msg.replyTo?.fromBot) {
      for (const spec of this.commands) {
        const prefix = spec.fromReply?.(msg.replyTo.text);
        if (prefix) return this.run(spec, `${prefix} ${msg.text.replace(/\s+/g, ' ').trim()}`, msg, chatKey, now);
      }
    }
    return this.answerQuestion(msg, chatKey, now);
  }

  /** A question in plain Vietnamese, understood as a command and answered through `run`. */
  private async answerQuestion(msg: IncomingMessage, chatKey: string, now: Date): Promise<Reply | null> {
    const [access, dir] = await Promise.all([this.access(msg), this.ctx.directory.get()]);
    const own = provinceOfAccess(access, dir);
    const preferred = own ?? (this.ctx.settings.defaultProvince ? dir.findProvince(this.ctx.settings.defaultProvince)?.id ?? null : null);
    // A reply to one of the bot's answers carries that answer's reading ("Hiểu là: /xa …").
    const previous = msg.replyTo?.fromBot ? readingOf(msg.replyTo.text) : null;
    // A message that is only the call ("bot ơi") is read whole: it asks what the bot does.
    const question = withoutCall(msg.text, msg.botNames);
    const u = understand(/[\p{L}\p{N}]/u.test(question) ? question : msg.text, {
      dir,
      today: dayOf(now),
      ...(preferred !== null ? { provinceId: preferred } : {}),
      role: access.role,
      commands: new Set(this.commands.map((c) => c.name)),
      ...(previous ? { previous } : {}),
    });
    this.log.debug('question', { chat: chatKey, understood: u.kind, ...(u.kind === 'command' ? { command: u.command } : {}) });
    const reply = await answerUnderstanding(u, msg.chat, (command, args) => {
      const spec = this.find(command);
      return spec ? this.run(spec, args, msg, chatKey, now) : Promise.resolve(userError(TEXT.unknownCommand(command)));
    });
    if (reply && u.kind === 'ask') await rememberOffer(this.offers, chatKey, reply, now);
    return reply;
  }

  /**
   * The offer a bare number answers, only when that is unambiguous: the notice the
   * message replies to; else the chat's last reply when it is newer than every decision
   * waiting there; else the one decision waiting. With several decisions waiting, the
   * answer is a question: which one, by code. Null when nothing was offered.
   */
  private async offerAnswered(msg: IncomingMessage, chatKey: string, now: Date): Promise<Pick<Offer, 'choices' | 'pagination'> | Reply | null> {
    const [last, decisions] = await Promise.all([this.offers.get(chatKey, now.getTime()), this.offers.decisions(chatKey, now.getTime())]);
    const quoted = msg.replyTo?.fromBot ? decisions.find((d) => msg.replyTo!.text.includes(d.ref)) : undefined;
    if (quoted) return { choices: quoted.choices };
    if (last && (decisions.length === 0 || last.madeAt > decisions[0]!.madeAt)) return last;
    if (decisions.length === 1) return { choices: decisions[0]!.choices };
    if (decisions.length === 0) return null;
    return {
      status: 'user_error',
      blocks: [
        { kind: 'text', text: TEXT.whichDecision(decisions.length) },
        { kind: 'list', items: decisions.map((d) => TEXT.decisionLine(d.label, d.choices.map((c) => c.command))) },
        { kind: 'note', text: TEXT.decisionHow(decisions[0]!.choices[0]?.command ?? '') },
      ],
    };
  }
}
