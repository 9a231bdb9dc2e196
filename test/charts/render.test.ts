/**
 * The chart pictures themselves: drawn at phone width with the shipped font, never blank,
 * saying what their title says, with at most about 30 bars however many communes rank.
 */
import { describe, expect, it } from 'vitest';
import { channelChartSpec } from '../../src/charts/channel-chart.js';
import { BEST_SHOWN, MAX_BARS, rankingChartSpec, selectBars, WORST_SHOWN, type RankingChartInput } from '../../src/charts/ranking-chart.js';
import { renderChart } from '../../src/charts/render.js';
import { trendChartSpec } from '../../src/charts/trend-chart.js';
import type { Place } from '../../src/reports/ranking.js';
import { pngFacts } from './png.js';

function places(n: number): Place[] {
  return Array.from({ length: n }, (_, i) => ({ communeId: i + 1, rank: i + 1, value: 0.98 - (i * 0.9) / n }));
}

function rankingInput(n: number, own: number | null, name = (id: number) => `Xã Thượng Cốc ${id}`): RankingChartInput {
  const p = places(n);
  return {
    metric: 'online',
    title: 'Tỷ lệ tiếp nhận trực tuyến · Phú Thọ',
    subtitle: 'Kỳ: tháng 7/2025 · 148 xã, phường',
    footer: 'Số liệu cập nhật: 22/11/2026 10:00',
    bars: selectBars(p, name, own),
    values: p.map((x) => x.value),
    average: 0.5872,
    averageLabel: 'Toàn tỉnh: 58,72 %',
    threshold: { value: 0.5, label: 'Ngưỡng QĐ 766: 50 %' },
  };
}

describe('ranking bars', () => {
  it('when 148 communes rank, then the best 10, the worst 10 and the chat’s own commune are drawn, with gaps between', () => {
    const bars = selectBars(places(148), (id) => `Xã ${id}`, 77);
    const shown = bars.filter((b) => b !== null);
    expect(shown.map((b) => b!.rank)).toEqual([...Array.from({ length: BEST_SHOWN }, (_, i) => i + 1), 77, ...Array.from({ length: WORST_SHOWN }, (_, i) => 139 + i)]);
    expect(bars.filter((b) => b === null)).toHaveLength(2);
    expect(shown.filter((b) => b!.own).map((b) => b!.communeId)).toEqual([77]);
    expect(bars.length).toBeLessThanOrEqual(MAX_BARS);
  });

  it('when the own commune is among the best, or there are few communes, then nothing is drawn twice', () => {
    const best = selectBars(places(148), (id) => `Xã ${id}`, 3).filter((b) => b !== null);
    expect(best).toHaveLength(BEST_SHOWN + WORST_SHOWN);
    expect(new Set(best.map((b) => b!.communeId)).size).toBe(best.length);
    expect(selectBars(places(12), (id) => `Xã ${id}`, null)).toHaveLength(12);
  });

  it('when a name arrives decomposed (NFD), then the bar is labelled in precomposed letters', () => {
    const bars = selectBars(places(3), () => 'Xã Thượng Cốc'.normalize('NFD'), null);
    expect(bars[0]!.name).toBe('Xã Thượng Cốc'.normalize('NFC'));
  });
});

describe('chart pictures', () => {
  it('when the 148-commune ranking is drawn, then it is 1,080 px wide, phone-tall, inked, and says its title, names and figures', async () => {
    const r = await renderChart(rankingChartSpec(rankingInput(148, 77)));
    const facts = await pngFacts(r.png);
    expect(facts.width).toBe(1080);
    expect(facts.height).toBeGreaterThan(1080);
    expect(facts.height).toBeLessThan(2000);
    expect(facts.inked).toBeGreaterThan(0.05);
    expect(facts.colours).toBeGreaterThan(5);
    expect(r.texts).toContain('Tỷ lệ tiếp nhận trực tuyến · Phú Thọ');
    expect(r.texts).toContain('77. Xã Thượng Cốc 77');
    expect(r.texts).toContain('Toàn tỉnh: 58,72 %');
    expect(r.texts).toContain('Ngưỡng QĐ 766: 50 %');
    expect(r.texts.some((t) => t.startsWith('Phân bố 148'))).toBe(true);
    expect(r.texts.filter((t) => /^\d+(,\d+)? %$/.test(t)).length).toBeGreaterThanOrEqual(21);
  });

  it('when a 78-week trend is drawn, then its title, legend and Monday dates are on it', async () => {
    const weeks = Array.from({ length: 78 }, (_, i) => ({ label: `${String((i % 28) + 1).padStart(2, '0')}/07`, received: 400 + (i % 9) * 10, resolved: 390, overdue: i % 13 }));
    const r = await renderChart(trendChartSpec({ title: 'Hồ sơ theo tuần · Xã Thượng Cốc', subtitle: 'Kỳ: từ 01/07/2025 đến nay · 78 tuần, từ thứ Hai', footer: 'Số liệu cập nhật', weeks }));
    const facts = await pngFacts(r.png);
    expect([facts.width, facts.height]).toEqual([1080, 1200]);
    expect(facts.inked).toBeGreaterThan(0.01);
    expect(r.texts).toEqual(expect.arrayContaining(['Hồ sơ theo tuần · Xã Thượng Cốc', 'Tiếp nhận mới', 'Đã giải quyết', 'Đang quá hạn (cuối tuần)', '01/07']));
  });

  it('when the channel mix is drawn, then each channel is named with its count and share', async () => {
    const r = await renderChart(channelChartSpec({ title: 'Kênh tiếp nhận hồ sơ · Xã Thượng Cốc', subtitle: 'Kỳ: tháng 7/2025', footer: '', counts: { online: 229, direct: 161, postal: 0, total: 390 } }));
    const facts = await pngFacts(r.png);
    expect(facts.width).toBe(1080);
    expect(facts.inked).toBeGreaterThan(0.1);
    expect(r.texts).toEqual(expect.arrayContaining(['Kênh tiếp nhận hồ sơ · Xã Thượng Cốc', 'Trực tuyến: 229 (58,72 %)', 'Trực tiếp: 161 (41,28 %)', '390']));
  });
});
