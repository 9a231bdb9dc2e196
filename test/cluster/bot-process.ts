/**
 * A real bot process (`tsx src/main.ts`) for the tests of several instances: started with
 * its environment, ready once /readyz answers 200, stopped with SIGTERM or killed with
 * SIGKILL as a machine failure would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../helpers/free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');

export class BotProcess {
  stderr = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr += d.toString();
      if (this.stderr.length > 200_000) this.stderr = this.stderr.slice(-100_000);
    });
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
  }

  /** Starts a bot process and waits until it is ready (at most `timeoutMs`). */
  static async start(name: string, env: Record<string, string>, timeoutMs = 60_000): Promise<BotProcess> {
    const port = await freePort();
    // Node itself with tsx's loader, not the tsx wrapper: one process, whose pid is the
    // instance's own, and which a SIGKILL really kills.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const bot = new BotProcess(name, port, child);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await fetch(`${bot.base}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) return bot;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not become ready:\n${bot.stderr.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** SIGKILL: the process dies at once, as when its machine fails. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the process drains and exits; resolves with how long that took (ms) and its exit code. */
  async stop(): Promise<{ ms: number; code: number | null }> {
    const started = performance.now();
    this.child.kill('SIGTERM');
    const code = await this.exited;
    return { ms: performance.now() - started, code };
  }
}
