import { FakeZaloServer, type FakeZaloChat } from '../../fakes/zalo-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openZaloTestApp, ZaloHarness, type TestApp } from '../zalo/harness.js';
import { reliabilityContract, type ContractChat, type ReliabilityHarness } from './reliability-contract.js';

/** A clock the harness moves forward (outbox due dates). */
function movableClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

type Json = Record<string, unknown>;
const idOf = (u: Json) => String((u.message as { message_id: string }).message_id);

for (const mode of ['polling', 'webhook'] as const) {
  reliabilityContract(`zalo ${mode} (${TEST_DIALECT})`, async () => {
    // No administrators among the test chats: messages nobody asked for would mix with replies.
    const app: TestApp = await openZaloTestApp({ env: { ADMIN_IDS: '' } });
    const server = await FakeZaloServer.start();
    const clock = movableClock();
    const updates = new Map<string, Json>();
    const chats = new Map<string, FakeZaloChat>();
    let h: ZaloHarness | null = null;
    let handledBefore = new Map<string, number>();
    let seq = 0;
    const fake = (c: ContractChat) => chats.get(c.id)!;
    const running = () => {
      if (!h) throw new Error('the bot is not running');
      return h;
    };
    const user = (c: FakeZaloChat) => (c.type === 'PRIVATE' ? { id: c.id, display_name: 'Cán bộ Thử' } : { id: 'c0000000000000000999', display_name: 'Chuyên viên Bình' });
    const harness: ReliabilityHarness = {
      key: `zalo:${server.botId}`,
      store: app.store,
      async start(opts = {}) {
        h = await ZaloHarness.start({ app, server, mode, maxRetryWaitMs: opts.maxRetryWaitMs ?? 5_000, channel: { clock, sleep: (ms) => new Promise((r) => setTimeout(r, ms / 20)), outbox: { pollMs: 50 } } });
      },
      async stop() {
        const was = running();
        await was.channel.stop();
        await was.http.close();
        handledBefore = new Map([...handledBefore, ...was.handledCounts()]);
        h = null;
      },
      chat(kind) {
        seq++;
        const c: FakeZaloChat = kind === 'private' ? { id: `d${String(seq).padStart(19, '0')}`, type: 'PRIVATE' } : { id: `e${String(seq).padStart(19, '0')}`, type: 'GROUP' };
        const ref: ContractChat = { id: c.id, kind };
        chats.set(ref.id, c);
        return ref;
      },
      post(chat, text) {
        const c = fake(chat);
        // In a group, Zalo delivers only messages that mention the bot.
        const u = server.sendText(c, user(c), c.type === 'GROUP' && !text.startsWith('@') ? `@Bot Haicap ${text}` : text);
        updates.set(idOf(u), u);
        return idOf(u);
      },
      async whenHandled(key, times = 1) {
        const before = handledBefore.get(key) ?? 0;
        if (before >= times) return;
        await running().whenHandled(key, times - before);
      },
      redeliver(key) {
        server.redeliver(updates.get(key)!);
      },
      raw(chat, text) {
        const c = fake(chat);
        const raw = { event_name: 'message.text.received', message: server.message(c, user(c), { text }) };
        return { key: idOf(raw), raw };
      },
      failNextSend(kind) {
        server.failNext('sendMessage', kind === '429' ? { kind: '429' } : kind === '5xx' ? { kind: '500' } : { kind: 'drop' });
      },
      refuseSends(refuse) {
        server.setQuota(refuse ? 0 : null);
      },
      holdSends(chat) {
        return server.hold('sendMessage', (p) => p.chat_id === chat.id);
      },
      sendStarted: (chat) => server.waitFor(() => server.calls.some((c) => c.method === 'sendMessage' && c.payload.chat_id === chat.id), 10_000, 'a send'),
      texts: (chat) => server.botMessages(chat.id).map((m) => m.text),
      waitForTexts: (chat, n) => server.waitFor(() => server.botMessages(chat.id).length >= n, 15_000, `${n} messages`),
      forOtherBot: (command) => `@Bot Haicap ${command.replace(/^(\/\S+)/, '$1@OtherBot')}`,
      advance: (ms) => clock.advance(ms),
      async close() {
        if (h) await harness.stop();
        await server.close();
        await app.dispose();
      },
    };
    return harness;
  });
}
