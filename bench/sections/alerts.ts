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
      return { chats: chats.length, passMs: Math.round(passMs), sent: first.sent, snapshotMs: Math.round(snapMs), composeMs: Math.round(composeMs), overdue: snap.overdue.length, peakRssMb: Math.round(rssMb), goalMs: GOAL_MS, goalRssMb: GOAL_RSS_MB };
    } finally {
      await app.instance.stop();
      await store.close();
    }
  },
};
