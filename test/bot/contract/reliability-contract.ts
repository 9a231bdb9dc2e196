/**
 * The reliability contract: what the one chat channel guarantees whatever the platform.
 * Every update is answered once (a copy or a redelivery is skipped), what a crashed
 * process received is answered by the next, failures of the platform (429, 5xx, a dropped
 * connection) lose and double nothing, shutdown finishes what is in flight, a command for
 * another bot in a group is left alone, one chat's replies keep their order under load,
 * and the outbox survives a restart.
 *
 * A platform passes by providing a harness over its fake server: the scenarios below
 * know nothing of Telegram or Zalo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/data/store.js';
import { UpdateLog } from '../../../src/delivery/update-log.js';

/** A chat of the platform, as the harness knows it. */
export interface ContractChat {
  id: string;
  kind: 'private' | 'group';
}

/** One platform's fake server and bot, driven as users and as the platform would behave. */
export interface ReliabilityHarness {
  /** "telegram:<bot id>": the bot's rows in the shared tables. */
  readonly key: string;
  /** The store the bot runs on (shared across restarts). */
  readonly store: Store;
  /** Starts the bot (again) on the same store and fake server; a message that cannot go within `maxRetryWaitMs` is queued. */
  start(opts?: { maxRetryWaitMs?: number }): Promise<void>;
  /** Stops the bot gracefully. */
  stop(): Promise<void>;
  chat(kind: 'private' | 'group'): ContractChat;
  /** A person writes `text` in `chat`; returns the update's key at once. */
  post(chat: ContractChat, text: string): string;
  /** Resolves once the bot has handled the update `times` times (a copy counts again). */
  whenHandled(key: string, times?: number): Promise<void>;
  /** The platform delivers the update again. */
  redeliver(key: string): void;
  /** The update a process that then died had received for `chat`, as the platform sent it, and its key. */
  raw(chat: ContractChat, text: string): { key: string; raw: unknown };
  /** The platform answers the next send with this failure. */
  failNextSend(kind: '429' | '5xx' | 'drop'): void;
  /** The platform refuses every send (a long rate limit) until told otherwise. */
  refuseSends(refuse: boolean): void;
  /** Holds the bot's sends to `chat` until the returned function is called. */
  holdSends(chat: ContractChat): () => void;
  /** Resolves once the bot has begun a send to `chat`. */
  sendStarted(chat: ContractChat): Promise<void>;
  /** What the bot sent to `chat`, visible text, in order. */
  texts(chat: ContractChat): string[];
  /** Waits until `chat` has `n` messages from the bot. */
  waitForTexts(chat: ContractChat, n: number): Promise<void>;
  /** A group message addressing another bot by name ("/xa@OtherBot …"), as the platform writes it. */
  forOtherBot(command: string): string;
  /** Moves the delivery layer's clock forward (outbox due dates). */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** The contract suite, for one platform. */
export function reliabilityContract(name: string, make: () => Promise<ReliabilityHarness>): void {
  describe(`reliability contract: ${name}`, () => {
    let h: ReliabilityHarness;
    beforeAll(async () => {
      h = await make();
      await h.start();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('answers an update delivered twice once', async () => {
      const chat = h.chat('private');
      const key = h.post(chat, '/giup');
      await h.whenHandled(key);
      h.redeliver(key);
      await h.whenHandled(key, 2);
      expect(h.texts(chat)).toHaveLength(1);
    });

    it('answers, after a restart, what a process that crashed between receiving and replying had kept', async () => {
      await h.stop();
      const chat = h.chat('private');
      const kept = h.raw(chat, '/xa Thượng Cốc');
      const claimed = h.raw(chat, '/xa Yên Phú');
      const dead = new UpdateLog(h.store, h.key, { owner: 'dead-process'});
      for (const u of [kept, claimed]) await dead.keep(u.key, chat.id, JSON.stringify(u.raw), new Date());
      await dead.claim(claimed.key, chat.id, new Date());
      await h.start();
      await h.whenHandled(kept.key);
      await h.whenHandled(claimed.key);
      const texts = h.texts(chat);
      expect(texts).toHaveLength(2);
      expect(texts.join('\n')).toContain('Xã Thượng Cốc');
      expect(texts.join('\n')).toContain('Xã Yên Phú');
    });

    it('loses and doubles nothing when the platform answers 429, 5xx or drops the connection', async () => {
      const chat = h.chat('private');
      for (const fault of ['429', '5xx', 'drop'] as const) {
        h.failNextSend(fault);
        await h.whenHandled(h.post(chat, '/giup'));
      }
      await h.waitForTexts(chat, 3);
      expect(h.texts(chat)).toHaveLength(3);
      for (const t of h.texts(chat)) expect(t).toContain('Các lệnh:');
    });

    it('on shutdown finishes the update in flight', async () => {
      const chat = h.chat('private');
      const release = h.holdSends(chat);
      const key = h.post(chat, '/giup');
      await h.sendStarted(chat);
      let stopped = false;
      const stopping = h.stop().then(() => (stopped = true));
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      expect(stopped).toBe(false);
      release();
      await stopping;
      await h.whenHandled(key);
      expect(h.texts(chat)).toHaveLength(1);
      await h.start();
    });

    it('leaves a command for another bot in a group alone, and answers its own', async () => {
      const group = h.chat('group');
      const other = h.post(group, h.forOtherBot('/xa Thượng Cốc'));
      await h.whenHandled(other);
      const own = h.post(group, '/giup');
      await h.whenHandled(own);
      expect(h.texts(group)).toHaveLength(1);
      expect(h.texts(group)[0]).toContain('Các lệnh:');
    });

    it('keeps each chat’s replies in order under load', async () => {
      const chats = Array.from({ length: 6 }, (_, i) => h.chat(i % 3 === 0 ? 'group' : 'private'));
      const commands = ['/giup', '/xa Thượng Cốc', '/xa Yên Phú', '/tongquan Phú Thọ'];
      const keys: string[] = [];
      for (let round = 0; round < commands.length; round++) for (const chat of chats) keys.push(h.post(chat, commands[round]!));
      for (const k of keys) await h.whenHandled(k);
      for (const chat of chats) {
        await h.waitForTexts(chat, commands.length);
        const texts = h.texts(chat);
        expect(texts[0]).toContain('Các lệnh:');
        expect(texts[1]).toContain('Xã Thượng Cốc');
        expect(texts[2]).toContain('Xã Yên Phú');
        expect(texts[3]).toContain('Tỉnh Phú Thọ');
      }
    });

    it('keeps what is queued in the outbox across a restart and sends it once', async () => {
      await h.stop();
      await h.start({ maxRetryWaitMs: 500 });
      const chat = h.chat('private');
      h.refuseSends(true);
      await h.whenHandled(h.post(chat, '/giup'));
      await h.stop();
      expect(h.texts(chat)).toEqual([]);
      h.refuseSends(false);
      h.advance(31 * 60_000);
      await h.start();
      await h.waitForTexts(chat, 1);
      await new Promise((r) => setTimeout(r, 200));
      expect(h.texts(chat)).toHaveLength(1);
      expect(h.texts(chat)[0]).toContain('Các lệnh:');
    });
  });
}
