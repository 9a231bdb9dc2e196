/**
 * The alerts benchmark: digest computation for 1,000 registered chats (148 communes × 5,
 * 30 departments × 6, 20 working groups × 3, the leaders × 20) on the 2,000,000-dossier
 * province store. Each pass runs in a process of its own (alerts-pass.ts, bundled and run
 * with plain node as `npm start` runs the bot), so its peak RSS is its own:
 * - Tuesday 08:00, the leaders' chats on a daily schedule, so that all 1,000 digests are
 *   due: the full pass (alerts brought up to date, the province read once, the digests
 *   composed and stored with their notices). Goal: ≤ 3 s, ≤ 300 MB peak RSS.
 * - Monday 08:00 (the leaders' default), when the leaders' and working groups' chats also
 *   get the weekly report with its two charts: the same pass with the reports.
 * Then Monday's messages fan out through the real Telegram channel to the fake Bot API
 * enforcing 30 messages/s and 20/min per group, and Tuesday's digests to the same chats
 * as Zalo groups through the real Zalo channel to the fake Zalo with its monthly quota:
 * total time against the minimum the limits allow, 429s received, every digest delivered
 * once. Last, a crash: the bot process killed with SIGKILL midway through 500 digests and
 * started again (test/alerts/crash-run.ts, which the crash test asserts on).
 * The store is a copy of the core section's, with departments, working groups and
 * bindings added, so the core figures are untouched.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bindChatWithin } from '../../src/access/bindings.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import type { Platform } from '../../src/core/request.js';
import { openStore, type Store } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { startTelegramChannel } from '../../src/bot/telegram/channel.js';
import { ZALO_CAPABILITIES } from '../../src/bot/zalo/capabilities.js';
import { startZaloChannel } from '../../src/bot/zalo/channel.js';
import { HttpServer } from '../../src/server/http-server.js';
import { FakeTelegramServer } from '../../test/fakes/telegram-server.js';
import { FakeZaloServer } from '../../test/fakes/zalo-server.js';
import { runDigestCrash } from '../../test/alerts/crash-run.js';
import type { PassFigures } from './alerts-pass.js';
import type { BenchSection } from './index.js';
import { openProvinceStore, provinceDbPath } from './province-store.js';

/** Monday 23/11/2026, just after the leaders' 08:00; the Tuesday after it. */
const MONDAY = new Date('2026-11-23T08:00:30+07:00');
const TUESDAY = new Date('2026-11-24T08:00:30+07:00');
const GOAL_MS = 3_000;
const GOAL_RSS_MB = 300;
/** Zalo's free plan: messages per month. */
const ZALO_QUOTA = 3_000;
/** The bot's pacing of Zalo messages, the only rate limit there is. */
const ZALO_PACE = ZALO_CAPABILITIES.pacing!.perSecond;

async function prepareStore(print: (s: string) => void): Promise<string> {
  const base = await openProvinceStore(print);
  await base.store.close();
  const file = provinceDbPath().replace(/\.db$/, '-alerts.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  copyFileSync(provinceDbPath(), file);
  const store = await openStore({ dialect: 'sqlite', file });
  const province = (await store.prisma.province.findFirstOrThrow()).id;
  const communes = (await store.prisma.commune.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  const sectors = (await store.prisma.sector.findMany({ orderBy: { id: 'asc' } })).map((s) => s.id);
  const departments: number[] = [];
  for (let i = 1; i <= 30; i++) departments.push((await store.prisma.department.create({ data: { provinceId: province, code: `S${i}`, name: `Sở Thử Nghiệm ${i}` } })).id);
  for (const [i, s] of sectors.entries()) await store.prisma.sector.update({ where: { id: s }, data: { departmentId: departments[i % departments.length]! } });
  const groups: number[] = [];
  for (let i = 1; i <= 20; i++) groups.push((await store.prisma.workingGroup.create({ data: { provinceId: province, number: i, leaderName: `Tổ trưởng ${i}`, leaderTitle: 'Phó Chủ tịch UBND tỉnh' } })).id);
  for (const [i, c] of communes.entries()) await store.prisma.commune.update({ where: { id: c }, data: { workingGroupId: groups[i % groups.length]! } });
  const now = MONDAY;
  let n = 0;
  await store.sql.transaction(async (tx) => {
    const bind = (role: 'commune' | 'department' | 'working_group' | 'leader', unit: number) =>
      bindChatWithin(tx, { platform: 'telegram', chatId: String(-1_000_000 - ++n), chatTitle: null, isGroup: true }, role, unit, 'bench', now);
    for (let k = 0; k < 5; k++) for (const c of communes) await bind('commune', c);
    for (let k = 0; k < 6; k++) for (const d of departments) await bind('department', d);
    for (let k = 0; k < 3; k++) for (const g of groups) await bind('working_group', g);
    for (let k = 0; k < 20; k++) await bind('leader', province);
  });
  await store.prisma.meta.upsert({ where: { key: 'units_version' }, update: { value: String(Date.now()) }, create: { key: 'units_version', value: String(Date.now()) } });
  await store.close();
  print(`  alerts store: ${n} registered chats`);
  return file;
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Bundles the pass as `npm start` runs the bot (plain node on an esbuild bundle, built by
 * the same script); returns the bundle's path.
 */
function buildPass(): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), 'bench/sections/alerts-pass.ts'], { cwd: ROOT, stdio: 'inherit' });
  return join(ROOT, 'build', 'bin', 'alerts-pass.js');
}

/** Runs one pass in a child process on a fresh copy of the prepared store; returns the copy and the figures. */
function passInChild(bundle: string, prepared: string, name: string, at: Date, args: string[] = []): { file: string; figures: PassFigures } {
  const file = prepared.replace(/\.db$/, `-${name}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  copyFileSync(prepared, file);
  const out = execFileSync(process.execPath, [bundle, file, at.toISOString(), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { file, figures: JSON.parse(out.trim().split('\n').at(-1)!) as PassFigures };
}

/** A chat channel started for the fan-out, and what its fake platform saw. */
interface FanoutTarget {
  /** The outbox rows' platform prefix. */
  platform: Platform;
  /** Messages per second the limits allow (the minimum time is messages / this). */
  perSecond: number;
  /** Messages the fake platform accepted, with when each arrived (performance.now()). */
  delivered(): { at: number }[];
  /** Refusals for a limit (429) the fake answered. */
  refused(): number;
  stop(): Promise<void>;
}

/**
 * Sends what a pass left in the outbox through a real chat channel to its fake platform,
 * waiting until nothing is pending, and prints the figures: total time against the minimum
 * the limits allow, 429s, and the digests delivered and to how many chats.
 */
async function fanOut(file: string, at: Date, label: string, start: (app: Awaited<ReturnType<typeof createApp>>, store: Store) => Promise<FanoutTarget>, print: (s: string) => void): Promise<Record<string, number>> {
  const store = await openStore({ dialect: 'sqlite', file });
  const app = await createApp({ env: parseEnv({ DEMO_DATA: 'false' }), store, clock: fixedClock(at), log: silentLogger });
  /** The target until it is stopped, for the clean-up after a failure. */
  let running: FanoutTarget | null = null;
  try {
    const f0 = performance.now();
    const target = await start(app, store);
    running = target;
    const platform = target.platform;
    const count = async (where: string) => Number((await store.sql.get<{ n: unknown }>(`SELECT COUNT(*) AS n FROM outbox_message WHERE platform LIKE '${platform}%'${where}`))!.n);
    // The scheduler's next pass would hand the rest over; here, at once (a flush takes 200).
    // (registering the channel starts a flush of its own: wait until every notice is in the outbox)
    while ((await app.ctx.notices.flush(platform)) > 0 || (await app.ctx.notices.waiting(platform)) > 0) await new Promise((r) => setTimeout(r, 50));
    const total = await count('');
    while ((await count(" AND status = 'pending'")) > 0 && performance.now() - f0 < 600_000) await new Promise((r) => setTimeout(r, 100));
    const fanoutMs = performance.now() - f0;
    running = null;
    await target.stop();
    const digestKeys = await store.sql.all<{ chat_id: string }>(`SELECT chat_id FROM outbox_message WHERE platform LIKE '${platform}%' AND dedupe_key LIKE '%:notice:digest:%' AND status = 'sent'`);
    const digestChats = new Set(digestKeys.map((r) => r.chat_id)).size;
    const failed = await count(" AND status <> 'sent'");
    const calls = target.delivered();
    const sent = calls.length;
    const minimumMs = (total / target.perSecond) * 1_000;
    // Where the time over the minimum goes: before the first message, and the pace after it.
    const firstAt = calls[0]?.at ?? f0;
    const lastAt = calls.at(-1)?.at ?? f0;
    const pace = sent > 1 ? ((sent - 1) / (lastAt - firstAt)) * 1_000 : 0;
    const refused = target.refused();
    print(
      `  ${label}: ${sent} messages (${digestKeys.length} digests to ${digestChats} chats; ${total} in the outbox, ${failed} not sent) in ${(fanoutMs / 1000).toFixed(1)} s; minimum at ${target.perSecond}/s ${(minimumMs / 1000).toFixed(1)} s (${((fanoutMs / minimumMs - 1) * 100).toFixed(1)} % over); 429 answered: ${refused}`,
    );
    print(`  first message ${Math.round(firstAt - f0)} ms after the channel started; then ${pace.toFixed(2)} messages/s`);
    return { messages: sent, digests: digestKeys.length, digestChats, outbox: total, notSent: failed, ms: Math.round(fanoutMs), minimumMs: Math.round(minimumMs), limited429: refused, firstMessageMs: Math.round(firstAt - f0), perSecond: Number(pace.toFixed(2)) };
  } finally {
    await running?.stop();
    await app.instance.stop();
    await store.close();
  }
}

/** The messages a fake platform accepted (texts and pictures), from its recorded calls. */
function sentMessages<C extends { method: string; ok: boolean }>(calls: readonly C[]): C[] {
  return calls.filter((c) => (c.method === 'sendMessage' || c.method === 'sendPhoto') && c.ok);
}

/** Monday's messages (digests, weekly reports with their charts) to the fake Bot API enforcing 30 messages/s and 20/min per group. */
async function telegramTarget(app: Awaited<ReturnType<typeof createApp>>, store: Store): Promise<FanoutTarget> {
  const server = await FakeTelegramServer.start();
  server.enforceLimits({ perSecond: 30, groupPerMinute: 20 });
  const channel = await startTelegramChannel({ router: app.router, store, log: silentLogger, notices: app.ctx.notices }, { mode: 'polling', token: server.token, apiRoot: server.apiRoot, maxRetryWaitMs: 5_000 }, new HttpServer(silentLogger), { typingAfterMs: 60_000 });
  return {
    platform: 'telegram',
    perSecond: 30,
    delivered: () => sentMessages(server.calls),
    refused: () => server.limited,
    async stop() {
      await channel.stop();
      await server.close();
    },
  };
}

/**
 * The same digests to Zalo groups, to the fake Zalo Bot API with the free plan's monthly
 * quota (3,000, answering 429 "Quota exceeded" past it). Zalo publishes no rate limit; the
 * limit is the bot's own pacing of 10 messages a second (src/bot/zalo/capabilities.ts).
 */
async function zaloTarget(app: Awaited<ReturnType<typeof createApp>>, store: Store): Promise<FanoutTarget> {
  const server = await FakeZaloServer.start({ monthlyQuota: ZALO_QUOTA });
  const config = { mode: 'polling' as const, token: server.token, apiRoot: server.apiRoot, maxRetryWaitMs: 5_000, monthlyQuota: ZALO_QUOTA, markdown: false, publicBaseUrl: null };
  const channel = await startZaloChannel({ router: app.router, store, log: silentLogger, notices: app.ctx.notices, admins: [] }, config, new HttpServer(silentLogger), { typingAfterMs: 60_000 });
  return {
    platform: 'zalo',
    perSecond: ZALO_PACE,
    delivered: () => sentMessages(server.calls),
    refused: () => server.calls.filter((c) => c.status === 429).length,
    async stop() {
      await channel.stop();
      await server.close();
    },
  };
}

export const alertsSection: BenchSection = {
  name: 'alerts',
  title: 'digests for 1,000 registered chats on the 2,000,000-dossier store',
  async run(print) {
    const prepared = await prepareStore(print);
    const bundle = buildPass();
    const tuesday = passInChild(bundle, prepared, 'tuesday', TUESDAY, ['--leaders-daily']).figures;
    print(`  Tuesday 08:00, every chat due: ${tuesday.sent} digests stored, ${tuesday.empty} empty, in ${tuesday.passMs} ms; RSS ${tuesday.rssBeforeMb} MB before the pass, peak ${tuesday.peakRssMb} MB; goal: ≤ ${GOAL_MS} ms, ≤ ${GOAL_RSS_MB} MB`);
    const monday = passInChild(bundle, prepared, 'monday', MONDAY);
    print(`  Monday 08:00, with the weekly reports of 80 chats: ${monday.figures.sent} digests stored, ${monday.figures.empty} empty, in ${monday.figures.passMs} ms; peak RSS ${monday.figures.peakRssMb} MB`);
    const telegram = await fanOut(monday.file, MONDAY, 'fan-out to Telegram (Monday)', telegramTarget, print);
    const zaloPass = passInChild(bundle, prepared, 'zalo', TUESDAY, ['--leaders-daily', '--zalo']);
    print(`  Tuesday 08:00, the same chats as Zalo groups: ${zaloPass.figures.sent} digests stored in ${zaloPass.figures.passMs} ms`);
    const zalo = await fanOut(zaloPass.file, TUESDAY, `fan-out to Zalo (Tuesday, quota ${ZALO_QUOTA}/month)`, zaloTarget, print);
    // Crash: the bot process (demo store, 500 commune groups) killed with SIGKILL after 120
    // of its 07:30 digests, then started again.
    const crash = await runDigestCrash(500, 120);
    print(
      `  crash: kill -9 after ${crash.atCrash} of ${crash.chats} digests, restart: ${crash.reached} of ${crash.chats} chats reached, ${crash.messages - crash.chats} duplicate(s), all delivered ${(crash.killToAllMs / 1000).toFixed(1)} s after the kill (restart included)`,
    );
    return {
      chats: 1000,
      tuesday: { ...tuesday, goalMs: GOAL_MS, goalRssMb: GOAL_RSS_MB },
      monday: monday.figures,
      fanout: telegram,
      zaloFanout: zalo,
      crash,
    };
  },
};
