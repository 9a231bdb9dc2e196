/**
 * The fake Zalo Bot API and its load generator, run in a child process of the Zalo
 * benchmark (as Zalo's servers are elsewhere). It measures: latency runs from an update
 * being available (queued for getUpdates, or posted to the webhook) to the bot's
 * sendMessage for it arriving. Each chat sends its next message as soon as the previous
 * one is answered (a closed loop), so N chats keep N updates in flight.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FakeZaloServer } from '../../test/fakes/zalo-server.js';
import { closedLoop, type LoadTarget, type RunResult } from './load-loop.js';

export type { RunResult } from './load-loop.js';

/** The fake Zalo API as a load target: private chats whose id is the user's. */
function zaloTarget(server: FakeZaloServer): LoadTarget {
  return {
    send: (chat, text) => void server.sendText({ id: chat, type: 'PRIVATE' }, { id: chat, display_name: 'Bench' }, text),
    onSend: (listener) => server.onCall((call) => {
      if (call.method === 'sendMessage') listener(String(call.payload.chat_id), call.at);
    }),
    reset: () => server.reset(),
  };
}

/** How long after a run's end its last answers may take before they count as missing. */


type ToChild =
  | { type: 'start'; webhookTarget: string | null }
  | { type: 'run'; chats: number; warmupMs: number; measureMs: number; texts: string[] }
  | { type: 'stop' };
type FromChild = { type: 'ready'; apiRoot: string; token: string } | { type: 'result'; result: RunResult } | { type: 'error'; message: string };

const chatId = (n: number) => `c${String(n).padStart(19, '0')}`;


/** The child's side: one fake server at a time, driven by messages from the parent. */
async function childMain(): Promise<void> {
  let server: FakeZaloServer | null = null;
  const send = (m: FromChild) => process.send!(m);
  process.on('message', (m: ToChild) => {
    void (async () => {
      try {
        if (m.type === 'start') {
          await server?.close();
          server = await FakeZaloServer.start({ fetchPhotos: false });
          server.deliverWebhooksTo(m.webhookTarget);
          send({ type: 'ready', apiRoot: server.apiRoot, token: server.token });
        } else if (m.type === 'run') {
          send({ type: 'result', result: await closedLoop(zaloTarget(server!), Array.from({ length: m.chats }, (_, i) => chatId(i + 1)), m.warmupMs, m.measureMs, m.texts) });
        } else {
          await server?.close();
          process.exit(0);
        }
      } catch (err) {
        send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      }
    })();
  });
}

/** Starts the fake-server process and talks to it. */
export class FakeZaloProcess {
  private readonly child: ChildProcess;
  private waiting: ((m: FromChild) => void) | null = null;

  constructor() {
    this.child = fork(fileURLToPath(import.meta.url), ['--fake-zalo-server'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: FromChild) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
    this.child.on('exit', (code) => {
      const w = this.waiting;
      this.waiting = null;
      w?.({ type: 'error', message: `the fake server process exited (${code})` });
    });
  }

  private ask(m: ToChild): Promise<FromChild> {
    return new Promise((resolve, reject) => {
      this.waiting = (answer) => (answer.type === 'error' ? reject(new Error(answer.message)) : resolve(answer));
      this.child.send(m);
    });
  }

  /** A fresh fake server (a new bot); webhooks are posted to `webhookTarget`. */
  async start(webhookTarget: string | null = null): Promise<{ apiRoot: string; token: string }> {
    const m = await this.ask({ type: 'start', webhookTarget });
    if (m.type !== 'ready') throw new Error('fake server did not start');
    return m;
  }

  async run(chats: number, warmupMs: number, measureMs: number, texts: string[]): Promise<RunResult> {
    const m = await this.ask({ type: 'run', chats, warmupMs, measureMs, texts });
    if (m.type !== 'result') throw new Error('no result');
    return m.result;
  }

  stop(): void {
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToChild);
  }
}

if (process.argv.includes('--fake-zalo-server')) void childMain();
