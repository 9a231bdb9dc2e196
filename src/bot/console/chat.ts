import { ChatChannel, type ChatChannelDeps } from '../../channel/chat-channel.js';
import { ConsolePlatform, type ConsoleIdentity, type PrintedMessage } from './platform.js';

/**
 * A conversation in the console: the one chat channel over the console platform, without
 * the store's update log and outbox (nothing to receive twice, nothing to wait for).
 * `say` answers one line and returns what was printed in answer.
 */
export class ConsoleChat {
  readonly channel: ChatChannel<ConsolePlatform>;
  private lines = 0;
  private collecting: PrintedMessage[] | null = null;

  constructor(
    deps: ChatChannelDeps,
    readonly identity: ConsoleIdentity,
    private readonly print: (m: PrintedMessage) => void = () => undefined,
  ) {
    const platform = new ConsolePlatform(identity, (m) => {
      this.collecting?.push(m);
      this.print(m);
    });
    this.channel = new ChatChannel(platform, deps, { durable: false, maxRetryWaitMs: 0, typingAfterMs: 60_000 });
  }

  /** Starts the channel (the console's notices begin to print). */
  start(): Promise<void> {
    return this.channel.whenReady();
  }

  /** Sends one line as the console user; resolves with the messages printed in answer. */
  async say(text: string): Promise<PrintedMessage[]> {
    const printed: PrintedMessage[] = [];
    this.collecting = printed;
    try {
      await this.channel.receive({ n: ++this.lines, text });
    } finally {
      this.collecting = null;
    }
    return printed.filter((m) => !m.unasked);
  }

  stop(): Promise<void> {
    return this.channel.stop();
  }
}
