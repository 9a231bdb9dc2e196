import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The newcomer's demo, as the README gives it: `CLOCK_START=2026-12-02T07:29:50+07:00
 * npm start -- --as "sở Nông nghiệp và Môi trường"` prints that department's digest in the
 * console at 07:30, unasked. A real process on a fresh store, with nothing typed.
 */
describe('npm start with CLOCK_START and --as', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-alerts-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the department’s 07:30 digest in the console without being asked', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--as', 'sở Nông nghiệp và Môi trường'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(await freePort()), DATABASE_URL: `file:${join(dir, 'demo.db')}`, CLOCK_START: '2026-12-02T07:29:50+07:00', TELEGRAM_BOT_TOKEN: '', ZALO_BOT_TOKEN: '', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const deadline = Date.now() + 120_000;
    while (!out.includes('Số liệu cập nhật') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    child.stdin.write('/thoat\n');
    child.stdin.end();
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (code === 'timeout') child.kill('SIGKILL');
    expect(out, err.slice(-2000)).toMatch(/\[Thông báo tới console:console\]\nBản tin hồ sơ quá hạn · Sở Nông nghiệp và Môi trường\n\nThứ Tư, 02\/12\/2026 lúc 07:30/);
    expect(out).toMatch(/Xã Yên Phú: \d+ quá hạn, \d+ sắp đến hạn/);
    expect(code).toBe(0);
  }, 180_000);
});
