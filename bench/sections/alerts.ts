/**
 * The alerts benchmark: digest computation for 1,000 registered chats (148 communes × 5,
 * 30 departments × 6, 20 working groups × 3, the leaders × 20) on the 2,000,000-dossier
 * province store, on a Monday at 08:00 when every chat's digest is due: the full pass
 * (alerts brought up to date, the province read once, 1,000 digests composed and stored
 * with their notices) and the composition alone; peak RSS. Goal: ≤ 3 s, ≤ 300 MB.
 * The store is a copy of the core section's, with departments, working groups and
 * bindings added, so the core figures are untouched.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { bindChatWithin } from '../../src/access/bindings.js';
import { alertChats } from '../../src/alerts/chats.js';
import { composeDigest, provinceOfChat } from '../../src/alerts/digest.js';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { provinceSnapshot } from '../../src/alerts/snapshot.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { openStore } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { startTelegramChannel } from '../../src/bot/telegram/channel.js';
import { HttpServer } from '../../src/server/http-server.js';
import { FakeTelegramServer } from '../../test/fakes/telegram-server.js';
import type { BenchSection } from './index.js';
import { openProvinceStore, provinceDbPath } from './province-store.js';

const SLOT_NOW = new Date('2026-11-23T08:00:30+07:00');
const GOAL_MS = 3_000;
const GOAL_RSS_MB = 300;

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
  const now = SLOT_NOW;
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

export const alertsSection: BenchSection = {
  name: 'alerts',
  title: 'digests for 1,000 registered chats on the 2,000,000-dossier store',
  async run(print) {
    const file = await prepareStore(print);
    const store = await openStore({ dialect: 'sqlite', file });
    const app = await createApp({ env: parseEnv({ DEMO_DATA: 'false' }), store, clock: fixedClock(SLOT_NOW), log: silentLogger });
    try {
      const chats = await alertChats(store);
      const scheduler = new AlertsScheduler({ ctx: app.ctx, log: silentLogger });
      const started = performance.now();
      const first = await scheduler.tick(SLOT_NOW);
      const passMs = performance.now() - started;
      print(`  first pass at 08:00 on Monday: ${first.sent} digests stored, ${first.empty} empty, ${first.escalations} escalation messages in ${Math.round(passMs)} ms`);
      // The composition alone, from one read of the province (as /bantin would for every chat).
      const dir = await app.ctx.directory.get();
      const t0 = performance.now();
      const snap = await provinceSnapshot(app.ctx, provinceOfChat(chats[0]!, dir)!, SLOT_NOW);
      const snapMs = performance.now() - t0;
      const t1 = performance.now();
      let chars = 0;
      for (const c of chats) chars += JSON.stringify((await composeDigest(app.ctx, c, snap)).reply).length;
      const composeMs = performance.now() - t1;
      const rssMb = process.resourceUsage().maxRSS / 1024;
      print(`  province read once: ${Math.round(snapMs)} ms (${snap.overdue.length} overdue, ${snap.dueSoon.length} due soon); 1,000 digests composed: ${Math.round(composeMs)} ms (${Math.round(chars / chats.length)} chars each on average)`);
      print(`  peak RSS ${Math.round(rssMb)} MB; goal: pass ≤ ${GOAL_MS} ms, ≤ ${GOAL_RSS_MB} MB`);
      // Fan-out: the stored digests through the real Telegram channel (outbox, pacing) to the
      // fake Bot API enforcing 30 messages/s and 20/min per group.
      const server = await FakeTelegramServer.start();
      server.enforceLimits({ perSecond: 30, groupPerMinute: 20 });
      const queued = Number((await store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM notice WHERE key LIKE 'digest:%'"))!.n);
      const sends = () => server.calls.filter((c) => c.method === 'sendMessage' && c.ok).length;
      const f0 = performance.now();
      const channel = await startTelegramChannel({ router: app.router, store, log: silentLogger, notices: app.ctx.notices }, { mode: 'polling', token: server.token, apiRoot: server.apiRoot, maxRetryWaitMs: 5_000 }, new HttpServer(silentLogger), { typingAfterMs: 60_000 });
      // The scheduler's next pass would hand the rest over; here, at once (a flush takes 200).
      while ((await app.ctx.notices.flush('telegram')) > 0);
      const messages = async () => Number((await store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM outbox_message WHERE dedupe_key LIKE '%:notice:digest:%'"))!.n);
      await server.waitFor(() => sends() >= queued, 180_000, 'the digests').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      const total = await messages();
      while (sends() < total && performance.now() - f0 < 240_000) await new Promise((r) => setTimeout(r, 200));
      const fanoutMs = performance.now() - f0;
      const minimumMs = (total / 30) * 1_000;
      const distinct = new Set(server.calls.filter((c) => c.method === 'sendMessage' && c.ok).map((c) => String(c.payload.chat_id))).size;
      print(`  fan-out: ${sends()} messages (${distinct} chats, ${total} in the outbox) in ${(fanoutMs / 1000).toFixed(1)} s; minimum at 30/s ${(minimumMs / 1000).toFixed(1)} s (${((fanoutMs / minimumMs - 1) * 100).toFixed(1)} % over); 429 answered: ${server.limited}`);
      await channel.stop();
      await server.close();
      return {
        chats: chats.length,
        passMs: Math.round(passMs),
        sent: first.sent,
        snapshotMs: Math.round(snapMs),
        composeMs: Math.round(composeMs),
        overdue: snap.overdue.length,
        peakRssMb: Math.round(rssMb),
        goalMs: GOAL_MS,
        goalRssMb: GOAL_RSS_MB,
        fanout: { messages: sends(), chats: distinct, outbox: total, ms: Math.round(fanoutMs), minimumMs: Math.round(minimumMs), limited429: server.limited },
      };
    } finally {
      await app.instance.stop();
      await store.close();
    }
  },
};
