/**
 * The charts benchmark. Rendering alone (chart.js on @napi-rs/canvas, PNG encoding
 * included): the first render of the process (cold: fonts, chart.js and the JIT warming
 * up), then 1,000 consecutive renders (warm) of the 148-commune ranking and of a 78-week
 * trend, with the resident set size of the first 100 against the last 100. Then /bieudo
 * end to end through the Telegram adapter (the real channel against the fake Bot API over
 * loopback) on a 148-commune store, the rendered-chart cache emptied before every request.
 */
import { createApp } from '../../src/app.js';
import { startTelegramChannel } from '../../src/bot/telegram/channel.js';
import { chartCache } from '../../src/charts/charts.js';
import { rankingChartSpec, selectBars } from '../../src/charts/ranking-chart.js';
import { renderChart, type ChartSpec } from '../../src/charts/render.js';
import { trendChartSpec } from '../../src/charts/trend-chart.js';
import { parseEnv } from '../../src/config/env.js';
import { fixedClock } from '../../src/core/clock.js';
import { writeDossiers } from '../../src/data/dossier-writer.js';
import { openStore, type Store } from '../../src/data/store.js';
import { Channel, Status, type DossierRecord } from '../../src/domain/dossier.js';
import { Rng } from '../../src/demo/rng.js';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';
import { addDays, dayFromYmd, startOfDayInstant } from '../../src/time/day.js';
import { FakeTelegramServer } from '../../test/fakes/telegram-server.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './index.js';
import { percentiles } from './stats.js';

/** Renders per chart; CHARTS_BENCH_RENDERS lowers it for a quick check of the section itself. */
const RENDERS = Number(process.env.CHARTS_BENCH_RENDERS ?? 1_000);
const WINDOW = 100;
const COMMUNES = 148;
const WEEKS = 78;
const END_TO_END = Math.min(60, RENDERS);
/** Dossiers of the end-to-end store: enough for every commune to rank, small enough to build in seconds. */
const E2E_DOSSIERS = 60_000;
const NOW = new Date('2026-11-20T04:00:00.000Z');

function rankingSpec(): ChartSpec {
  const places = Array.from({ length: COMMUNES }, (_, i) => ({ communeId: i + 1, rank: i + 1, value: 0.99 - (i * 0.7) / COMMUNES }));
  return rankingChartSpec({
    metric: 'online',
    title: 'Tỷ lệ tiếp nhận trực tuyến · Tỉnh Thử Nghiệm',
    subtitle: `Kỳ: từ 01/07/2025 đến nay · ${COMMUNES} xã, phường`,
    footer: 'Số liệu cập nhật: 20/11/2026 11:00 · Nguồn: hệ thống một cửa điện tử',
    bars: selectBars(places, (id) => `Xã Thượng Cốc ${id}`, 77),
    values: places.map((p) => p.value),
    average: 0.6372,
    averageLabel: 'Toàn tỉnh: 63,72 %',
    threshold: { value: 0.5, label: 'Ngưỡng QĐ 766: 50 %' },
  });
}

function trendSpec(): ChartSpec {
  const rng = new Rng(78);
  return trendChartSpec({
    title: 'Hồ sơ theo tuần · Tỉnh Thử Nghiệm',
    subtitle: `Kỳ: 78 tuần · ${WEEKS} tuần, từ thứ Hai`,
    footer: 'Số liệu cập nhật: 20/11/2026 11:00',
    weeks: Array.from({ length: WEEKS }, (_, i) => ({ label: `${String((i % 28) + 1).padStart(2, '0')}/07`, received: rng.int(2_000, 3_000), resolved: rng.int(1_900, 2_900), overdue: rng.int(20, 90) })),
  });
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function renders(name: string, spec: () => ChartSpec, print: (l: string) => void): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const first = await renderChart(spec());
  const coldMs = Math.round((performance.now() - t0) * 100) / 100;
  const ms: number[] = [];
  const rss: number[] = [];
  let peak = 0;
  for (let i = 0; i < RENDERS; i++) {
    const s = spec();
    const t = performance.now();
    await renderChart(s);
    ms.push(performance.now() - t);
    const r = process.memoryUsage().rss;
    rss.push(r);
    peak = Math.max(peak, r);
  }
  const warm = percentiles(ms);
  const firstRss = mb(mean(rss.slice(0, WINDOW)));
  const lastRss = mb(mean(rss.slice(-WINDOW)));
  const firstWindow = percentiles(ms.slice(0, WINDOW));
  print(`  ${name} (${first.width}×${first.height}, ${Math.round(first.png.length / 1024)} KB): cold ${coldMs} ms; warm p50 ${warm.p50} ms, p99 ${warm.p99} ms over ${RENDERS} (first ${WINDOW}: p50 ${firstWindow.p50}, p99 ${firstWindow.p99})`);
  print(`  ${name} RSS: first ${WINDOW} renders ${firstRss} MB, last ${WINDOW} ${lastRss} MB (${lastRss >= firstRss ? '+' : ''}${Math.round(((lastRss - firstRss) / firstRss) * 1000) / 10} %), peak ${mb(peak)} MB`);
  return { width: first.width, height: first.height, pngKb: Math.round(first.png.length / 1024), coldMs, firstWindow, warm, rssFirst100Mb: firstRss, rssLast100Mb: lastRss, peakRssMb: mb(peak) };
}

/** A 148-commune province with ~400 dossiers per commune over 18 months, through writeDossiers. */
async function buildStore(file: string): Promise<Store> {
  const store = await openStore({ dialect: 'sqlite', file });
  const province = await store.prisma.province.create({ data: { code: '99', name: 'Thử Nghiệm', type: 'tỉnh' } });
  const ids: number[] = [];
  for (let i = 1; i <= COMMUNES; i++) ids.push((await store.prisma.commune.create({ data: { code: String(90000 + i), name: `Thử Nghiệm ${String(i).padStart(3, '0')}`, type: 'xa', provinceId: province.id } })).id);
  const sector = await store.prisma.sector.create({ data: { provinceId: province.id, code: 'LV1', name: 'Lĩnh vực 1' } });
  const run = await store.prisma.importRun.create({ data: { kind: 'dossiers', source: 'bench', startedAt: NOW } });
  const rng = new Rng(13);
  const first = dayFromYmd(2025, 7, 1);
  const span = dayFromYmd(2026, 11, 19) - first;
  const batch: DossierRecord[] = [];
  for (let i = 0; i < E2E_DOSSIERS; i++) {
    const day = first + rng.int(0, span);
    const due = addDays(day, rng.pick([1, 3, 5, 10, 15]));
    const closedDay = rng.chance(0.03) ? due + rng.int(1, 10) : day + rng.int(0, due - day);
    const closedAt = new Date(startOfDayInstant(closedDay).getTime() + 10 * 3_600_000);
    const open = closedAt.getTime() > NOW.getTime();
    batch.push({
      code: `E${String(i).padStart(8, '0')}`,
      communeId: ids[i % COMMUNES]!,
      sectorId: sector.id,
      channel: rng.chance(0.2 + (0.75 * (i % COMMUNES)) / COMMUNES) ? Channel.online : Channel.direct,
      receivedAt: new Date(startOfDayInstant(day).getTime() + 9 * 3_600_000),
      dueAt: new Date(startOfDayInstant(due).getTime() + 17 * 3_600_000),
      processedAt: open ? null : closedAt,
      returnedAt: open ? null : closedAt,
      status: open ? Status.processing : Status.returned,
      supplementCount: 0,
      supplementDays: 0,
    });
    if (batch.length === 10_000) {
      await writeDossiers(store, batch, run.id, NOW);
      batch.length = 0;
    }
  }
  if (batch.length) await writeDossiers(store, batch, run.id, NOW);
  await store.prisma.importRun.update({ where: { id: run.id }, data: { finishedAt: NOW, status: 'done', inserted: E2E_DOSSIERS } });
  return store;
}

async function endToEnd(print: (l: string) => void): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-bench-charts-'));
  const started = performance.now();
  const store = await buildStore(join(dir, 'charts.db'));
  print(`  built a ${COMMUNES}-commune store with ${E2E_DOSSIERS} dossiers in ${Math.round((performance.now() - started) / 100) / 10} s`);
  const app = await createApp({ env: parseEnv({ DEMO_DATA: 'false', PUBLIC_AGGREGATES: 'true', DEFAULT_PROVINCE: 'Thử Nghiệm' }), store, clock: fixedClock(NOW), log: silentLogger });
  const server = await FakeTelegramServer.start();
  const http = new HttpServer(silentLogger);
  const channel = await startTelegramChannel(
    { router: app.router, store, log: silentLogger, notices: app.ctx.notices },
    { token: server.token, apiRoot: server.apiRoot, maxRetryWaitMs: 5_000, mode: 'polling' },
    http,
    { typingAfterMs: 60_000, polling: { timeoutSeconds: 10 } },
  );
  const photos = new Map<number, number>();
  const off = server.onCall((call) => {
    if (call.method === 'sendPhoto') photos.set(Number(call.payload.chat_id), performance.now());
  });
  const commands = ['/bieudo trực tuyến', '/bieudo đúng hạn', '/bieudo quá hạn', '/bieudo xu hướng', '/bieudo kênh'];
  const byCommand = new Map<string, number[]>(commands.map((c) => [c, []]));
  const all: number[] = [];
  try {
    for (let i = 0; i < END_TO_END + commands.length; i++) {
      const chatId = 7000 + i;
      const text = commands[i % commands.length]!;
      chartCache(store).clear();
      const t = performance.now();
      server.sendText({ id: chatId, type: 'private' }, { id: chatId, first_name: 'Bench' }, text);
      const deadline = t + 30_000;
      while (!photos.has(chatId) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      if (!photos.has(chatId)) throw new Error(`no photo for ${text}`);
      if (i < commands.length) continue; // the first round warms the process, not the cache
      const ms = photos.get(chatId)! - t;
      all.push(ms);
      byCommand.get(text)!.push(ms);
    }
  } finally {
    off();
    await channel.stop();
    await http.close();
    await server.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const total = percentiles(all);
  print(`  /bieudo end to end via Telegram, chart cache cold: p50 ${total.p50} ms, p99 ${total.p99} ms (n ${total.n}; 1 ms polling granularity)`);
  const per: Record<string, unknown> = {};
  for (const [c, ms] of byCommand) {
    const p = percentiles(ms);
    per[c] = p;
    print(`    ${c}: p50 ${p.p50} ms, p99 ${p.p99} ms`);
  }
  return { all: total, byCommand: per };
}

export const chartsSection: BenchSection = {
  name: 'charts',
  title: 'chart rendering (148-commune ranking, 78-week trend) and /bieudo end to end through Telegram',
  async run(print) {
    const ranking = await renders('ranking, 148 communes', rankingSpec, print);
    const trend = await renders(`trend, ${WEEKS} weeks`, trendSpec, print);
    const e2e = await endToEnd(print);
    return { ranking, trend, endToEnd: e2e };
  },
};
