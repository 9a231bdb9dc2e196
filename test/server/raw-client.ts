/**
 * A bare TCP client over loopback for what fetch cannot do: send headers and hold the
 * body, send a body byte by byte, or keep sending after the server has answered.
 */
import { connect, type Socket } from 'node:net';

export class RawClient {
  private received = Buffer.alloc(0);
  private listeners: (() => void)[] = [];
  closed = false;
  /** Bytes of body written so far. */
  sent = 0;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.received = Buffer.concat([this.received, d]);
      this.notify();
    });
    // The server may close while we are still writing: that is what some tests expect.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  /** Resolves when `ok` holds, or with false after `ms`. */
  private until(ok: () => boolean, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (ok()) return resolve(true);
      const timer = setTimeout(() => resolve(ok()), ms);
      const check = () => {
        if (ok()) {
          clearTimeout(timer);
          resolve(true);
        } else this.listeners.push(check);
      };
      this.listeners.push(check);
    });
  }

  /** What the server sent, as text. */
  get text(): string {
    return this.received.toString('latin1');
  }

  /** The status of the server's answer once its head has arrived (null if none within `ms`). */
  async status(ms = 10_000): Promise<number | null> {
    await this.until(() => this.text.includes('\r\n\r\n') || this.closed, ms);
    const m = /^HTTP\/1\.1 (\d{3})/.exec(this.text);
    return m ? Number(m[1]) : null;
  }

  /** Whether the server closed the connection within `ms`. */
  whenClosed(ms = 10_000): Promise<boolean> {
    return this.until(() => this.closed, ms);
  }

  write(data: string | Buffer): Promise<void> {
    if (this.closed || this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const ok = this.socket.write(data, () => resolve());
      if (!ok) this.socket.once('drain', () => resolve());
    });
  }

  /** Writes body bytes in chunks of `chunk` until `total` are sent, an answer arrives or the connection closes. */
  async pump(total: number, chunk: Buffer, frame: (b: Buffer) => Buffer = (b) => b): Promise<void> {
    while (this.sent < total && !this.closed && !this.text.includes('\r\n\r\n')) {
      await this.write(frame(chunk));
      this.sent += chunk.length;
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** The head of a request, with a blank line after it. */
export function head(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}

/** One chunk of a chunked body. */
export const chunked = (b: Buffer): Buffer => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
