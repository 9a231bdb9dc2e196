/**
 * Issue 9's HTTP figures, against the server in a process of its own (http-target.ts):
 * sixty connections that each start an 8 MiB push and hold it, without a token and with
 * one; how long a slow body stays open; and /healthz latency and memory during a
 * 100,000-line NDJSON push and during a push of 50,000 valid dossiers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { BenchSection } from './index.js';
import { percentiles } from './stats.js';

const TOKEN = 'bench-token-0123456789abcdef';
const PATH = '/api/v1/dossiers';
const EIGHT_MIB = 8 * 1024 * 1024;

/** The target's peak RSS and longest event-loop delay since last asked. */
interface Peak {
  peakMb: number;
  nowMb: number;
  loopMaxMs: number;
}

interface Target {
  port: number;
  peak(): Promise<Peak>;
  stop(): Promise<void>;
}

async function startTarget(): Promise<Target> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'http-target.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_TOKEN: TOKEN },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port } = await next<{ port: number }>();
  return {
    port,
    peak: () => {
      const p = next<Peak>();
      child.send('peak');
      return p;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** Probes /healthz every `everyMs` until stopped; the latencies of the answers. */
function healthProbe(port: number, everyMs = 100): { stop(): Promise<ReturnType<typeof percentiles>> } {
  const times: number[] = [];
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const t = performance.now();
    pending.push(
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        async (r) => {
          await r.arrayBuffer();
          times.push(performance.now() - t);
        },
        () => {
          times.push(performance.now() - t);
        },
      ),
    );
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return percentiles(times);
    },
  };
}

interface Held {
  socket: Socket;
  status: number | null;
  closedAfterMs: number | null;
}

/** Opens a connection that announces an `length`-byte push and sends its body as fast as the server takes it. */
function holdPush(port: number, headers: Record<string, string>, length: number, started: number): Promise<Held> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const held: Held = { socket, status: null, closedAfterMs: null };
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) held.status = Number(m[1]);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => (held.closedAfterMs = performance.now() - started));
    socket.on('connect', async () => {
      const head = `POST ${PATH} HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`;
      socket.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // Sends all but the last byte, then holds the connection open.
      for (let sent = 0; sent + chunk.length < length && !socket.destroyed && held.status === null; sent += chunk.length) {
        if (!socket.write(chunk)) await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      resolve(held);
    });
  });
}

async function flood(target: Target, headers: Record<string, string>, print: (l: string) => void, label: string) {
  const before = await target.peak();
  const probe = healthProbe(target.port);
  const started = performance.now();
  const held = await Promise.race([
    Promise.all(Array.from({ length: 60 }, () => holdPush(target.port, headers, EIGHT_MIB, started))),
    new Promise<Held[]>((r) => setTimeout(() => r([]), 30_000)),
  ]);
  // Hold what is still open a little, as an attacker would.
  await new Promise((r) => setTimeout(r, 3_000));
  const health = await probe.stop();
  const after = await target.peak();
  const statuses: Record<string, number> = {};
  for (const h of held) statuses[String(h.status ?? 'none')] = (statuses[String(h.status ?? 'none')] ?? 0) + 1;
  const stillOpen = held.filter((h) => h.closedAfterMs === null).length;
  for (const h of held) h.socket.destroy();
  const figures = { rssBeforeMb: before.nowMb, rssPeakMb: after.peakMb, serverLoopMaxMs: after.loopMaxMs, healthz: health, statuses, stillOpenAfterHold: stillOpen };
  print(
    `${label}: RSS ${before.nowMb} → peak ${after.peakMb} MB; server event loop held at most ${after.loopMaxMs} ms; /healthz p50 ${health.p50} ms, max ${health.max} ms; answers ${JSON.stringify(statuses)}; ${stillOpen} of 60 connections still open after 3 s`,
  );
  await new Promise((r) => setTimeout(r, 1_000));
  return figures;
}

/** One authorised push that sends a byte a second: how long until the server closes it (at most `capMs`). */
async function slowBody(target: Target, capMs: number): Promise<{ closedAfterS: number | null; status: number | null }> {
  return new Promise((resolve) => {
    const socket = connect(target.port, '127.0.0.1');
    const started = performance.now();
    let text = '';
    let timer: NodeJS.Timeout;
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(cap);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ closedAfterS: closed ? Math.round((performance.now() - started) / 100) / 10 : null, status: m ? Number(m[1]) : null });
      socket.destroy();
    };
    const cap = setTimeout(() => finish(false), capMs);
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      socket.write(`POST ${PATH} HTTP/1.1\r\nHost: x\r\nauthorization: Bearer ${TOKEN}\r\ncontent-length: 100000\r\n\r\n[`);
      timer = setInterval(() => socket.write(' '), 1_000);
    });
  });
}

/** A short line, as in the issue's 100,000-line push (it fits in 8 MiB; the rows lack fields and are rejected). */
const shortRow = (i: number) => JSON.stringify({ MaHoSo: `N${i}`, MaDonVi: '05293', NgayTiepNhan: '02/11/2026' });
/** A valid dossier of a demo commune. */
const row = (i: number) =>
  JSON.stringify({ MaHoSo: `B${i}`, MaDonVi: '05293', MaLinhVuc: 'HT', TenLinhVuc: 'Hộ tịch', KenhThucHien: 2, NgayTiepNhan: '02/11/2026', NgayHenTra: '07/11/2026', TrangThaiHoSo: 4 });

async function bigPush(target: Target, body: string, print: (l: string) => void, label: string) {
  const before = await target.peak();
  const probe = healthProbe(target.port, 50);
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${target.port}${PATH}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' }, body });
  const answer = (await res.json()) as Record<string, unknown>;
  const seconds = (performance.now() - t) / 1000;
  const health = await probe.stop();
  const after = await target.peak();
  const figures = { status: res.status, seconds: Math.round(seconds * 100) / 100, inserted: answer.inserted ?? null, rejected: answer.rejected ?? null, rssBeforeMb: before.nowMb, rssPeakMb: after.peakMb, serverLoopMaxMs: after.loopMaxMs, healthz: health };
  print(
    `${label}: ${res.status} in ${figures.seconds} s (inserted ${String(figures.inserted)}, rejected ${String(figures.rejected)}); server event loop held at most ${after.loopMaxMs} ms; /healthz p50 ${health.p50} ms, max ${health.max} ms; RSS ${before.nowMb} → peak ${after.peakMb} MB`,
  );
  return figures;
}

export const httpSection: BenchSection = {
  name: 'http',
  title: 'the HTTP server under sixty held 8 MiB pushes, a slow body, and large pushes',
  async run(print) {
    const target = await startTarget();
    try {
      const results: Record<string, unknown> = {};
      results.floodWithoutToken = await flood(target, {}, print, '60 × 8 MiB pushes without a token');
      results.floodWithToken = await flood(target, { authorization: `Bearer ${TOKEN}` }, print, '60 × 8 MiB pushes with a token');
      results.slowBody = await slowBody(target, 45_000);
      const s = results.slowBody as { closedAfterS: number | null; status: number | null };
      print(`slow body (a byte a second): ${s.closedAfterS === null ? 'still open after 45 s' : `closed after ${s.closedAfterS} s with ${String(s.status)}`}`);
      results.ndjson100k = await bigPush(target, Array.from({ length: 100_000 }, (_, i) => shortRow(i)).join('\n'), print, '100,000-line NDJSON push');
      results.valid40k = await bigPush(target, Array.from({ length: 40_000 }, (_, i) => row(200_000 + i)).join('\n'), print, '40,000 valid dossiers (NDJSON)');
      return results;
    } finally {
      await target.stop();
    }
  },
};
