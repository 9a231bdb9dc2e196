import { FakeTelegramServer, type FakeChat } from '../../fakes/telegram-server.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openTelegramTestApp, TelegramHarness, type TestApp } from '../telegram/harness.js';
import { reliabilityContract, type ContractChat, type ReliabilityHarness } from './reliability-contract.js';

/** A clock the harness moves forward (outbox due dates). */
function movableClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

for (const mode of ['polling', 'webhook'] as const) {
  reliabilityContract(`telegram ${mode} (${TEST_DIALECT})`, async () => {
    const app: TestApp = await openTelegramTestApp();
    const server = await FakeTelegramServer.start();
    const clock = movableClock();
    const updates = new Map<string, ReturnType<FakeTelegramServer['sendText']>>();
    const chats = new Map<string, FakeChat>();
    let h: TelegramHarness | null = null;
    let handledBefore = new Map<number, number>();
    let deadIds = 900_000;
    let seq = 0;
    const fake = (c: ContractChat) => chats.get(c.id)!;
    const running = () => {
      if (!h) throw new Error('the bot is not running');
      return h;
    };
    const harness: ReliabilityHarness = {
      key: `telegram:${server.token.split(':')[0]}`,
      store: app.store,
      async start(opts = {}) {
        h = await TelegramHarness.start({ app, server, mode, maxRetryWaitMs: opts.maxRetryWaitMs ?? 5_000, channel: { clock, sleep: (ms) => new Promise((r) => setTimeout(r, ms / 20)), outbox: { pollMs: 50 } } });
      },
      async stop() {
        const was = running();
        await was.channel.stop();
        await was.http?.close();
        handledBefore = new Map([...handledBefore, ...was.handledCounts()]);
        h = null;
      },
      chat(kind) {
        seq++;
        // Private chats among the test deployment's administrators (5001…5300), as the harness's own are.
        const c: FakeChat = kind === 'private' ? { id: 5000 + 150 + seq, type: 'private' } : { id: -100_7000 - seq, type: 'supergroup', title: `Nhóm hợp đồng ${seq}` };
        const ref: ContractChat = { id: String(c.id), kind };
        chats.set(ref.id, c);
        return ref;
      },
      post(chat, text) {
        const c = fake(chat);
        const u = server.sendText(c, { id: c.type === 'private' ? c.id : 4242, first_name: 'Cán bộ' }, text);
        updates.set(String(u.update_id), u);
        return String(u.update_id);
      },
      async whenHandled(key, times = 1) {
        const before = handledBefore.get(Number(key)) ?? 0;
        if (before >= times) return;
        await running().whenHandled(Number(key), times - before);
      },
      redeliver(key) {
        server.redeliver(updates.get(key)!);
      },
      raw(chat, text) {
        const c = fake(chat);
        const update_id = deadIds++;
        const from = { id: c.type === 'private' ? c.id : 4242, is_bot: false, first_name: 'Cán bộ' };
        const command = text.split(' ')[0]!;
        const raw = {
          update_id,
          message: { message_id: update_id, date: Math.floor(Date.now() / 1000), chat: { id: c.id, type: c.type, ...(c.title ? { title: c.title } : {}) }, from, text, entities: [{ type: 'bot_command', offset: 0, length: command.length }] },
        };
        return { key: String(update_id), raw };
      },
      failNextSend(kind) {
        server.failNext('sendMessage', kind === '429' ? { kind: '429', retryAfter: 1 } : kind === '5xx' ? { kind: '500' } : { kind: 'drop' });
      },
      refuseSends(refuse) {
        if (refuse) server.failNext('sendMessage', { kind: '429', retryAfter: 1_800 }, 1_000);
        else server.clearFaults();
      },
      holdSends(chat) {
        return server.hold('sendMessage', (p) => String(p.chat_id) === chat.id);
      },
      sendStarted: (chat) => server.waitFor(() => server.calls.some((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === chat.id), 10_000, 'a send'),
      texts: (chat) => server.botMessages(Number(chat.id)).map((m) => m.text),
      waitForTexts: (chat, n) => server.waitFor(() => server.botMessages(Number(chat.id)).length >= n, 10_000, `${n} messages`),
      forOtherBot: (command) => command.replace(/^(\/\S+)/, '$1@OtherBot'),
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
