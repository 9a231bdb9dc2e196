/**
 * `npm run ask` end to end: a real process on a real SQLite file, as a new user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'haicap-ask-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'bot.db')}`, LOG_LEVEL: 'silent' };
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function ask(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(tsx, ['src/bot/console/ask.ts', ...args], { cwd: root, env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ask', () => {
  it('creates the store, loads the demo data and answers the README example', async () => {
    const r = await ask('/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tiếp nhận: 390 hồ sơ');
    expect(r.stdout).toContain('Trực tuyến: 229 (58,72 %)');
  });

  it('exits 0 for a user error and explains it', async () => {
    const r = await ask('/xa Hà Lội Mới');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không tìm thấy xã, phường');
  });

  it('prints the reply model with --json and honours --now', async () => {
    const r = await ask('--json', '--now', '2025-07-28', '/xa Thượng Cốc hôm nay');
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { status: string; blocks: { kind: string; text?: string }[] };
    expect(reply.status).toBe('ok');
    expect(reply.blocks.some((b) => b.text === 'Kỳ: hôm nay (28/07/2025)')).toBe(true);
  });

  it('acts with a role given by --as: unregistered is refused, a commune sees its own dossiers', async () => {
    const guest = await ask('--as', 'khach', '/xa Thượng Cốc');
    expect(guest.code).toBe(0);
    expect(guest.stdout).toContain('chưa đăng ký');
    const commune = await ask('--as', 'xa Thượng Cốc', '/quahan');
    expect(commune.stdout).toContain('xã Thượng Cốc');
    expect([...commune.stdout.matchAll(/H44\.(\d{5})-/g)].every((m) => m[1] === '05293')).toBe(true);
    const bad = await ask('--as', 'vua', '/xa Thượng Cốc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Không hiểu vai trò');
  });

  it('refuses a bad option with exit code 2 and the usage', async () => {
    const r = await ask('--now', '2025-13-45', '/xa Thượng Cốc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YYYY-MM-DD');
  });
});
