import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { Metric, Place } from '../reports/ranking.js';
import { formatNumber, formatPercent } from '../text/format.js';
import { CHART_FONT } from './fonts.js';
import { nfc, type ChartSpec } from './render.js';
import { CHART_WIDTH, COLOURS, footerPlugin, font, headingOptions, TYPE } from './theme.js';

/** Bars in one picture at most, so that it stays readable on a phone. */
export const MAX_BARS = 30;
/** With more communes than MAX_BARS: this many best and this many worst, and the chat's own. */
export const BEST_SHOWN = 10;
export const WORST_SHOWN = 10;

/** One commune's bar. */
export interface RankingBar {
  communeId: number;
  name: string;
  rank: number;
  value: number;
  own: boolean;
}

/** What the ranking picture shows; `bars` are in rank order, `null` marks the gap between best and worst. */
export interface RankingChartInput {
  metric: Metric;
  title: string;
  subtitle: string;
  footer: string;
  bars: (RankingBar | null)[];
  /** Every ranked commune's value, for the distribution strip. */
  values: number[];
  /** The province's figure: its overall rate, or its mean overdue count per commune. */
  average: number | null;
  averageLabel: string;
  /** A threshold line (Decision 766: full points at 50 % online), where one applies. */
  threshold: { value: number; label: string } | null;
}

/**
 * The bars of a ranking picture: every commune when they fit, else the best 10, the worst
 * 10 and the asking chat's own commune wherever it stands, with a gap (null) between.
 */
export function selectBars(places: readonly Place[], names: (id: number) => string, ownId: number | null): (RankingBar | null)[] {
  const bar = (p: Place): RankingBar => ({ communeId: p.communeId, name: nfc(names(p.communeId)), rank: p.rank, value: p.value, own: p.communeId === ownId });
  if (places.length <= MAX_BARS) return places.map(bar);
  const head = places.slice(0, BEST_SHOWN);
  const tail = places.slice(places.length - WORST_SHOWN);
  const ownIndex = ownId === null ? -1 : places.findIndex((p) => p.communeId === ownId);
  const out: (RankingBar | null)[] = head.map(bar);
  if (ownIndex >= BEST_SHOWN && ownIndex < places.length - WORST_SHOWN) {
    if (ownIndex > BEST_SHOWN) out.push(null);
    out.push(bar(places[ownIndex]!));
    if (ownIndex < places.length - WORST_SHOWN - 1) out.push(null);
  } else out.push(null);
  out.push(...tail.map(bar));
  return out;
}

/** The value as the chart writes it: 58,72 % or 12. */
export function rankingValueText(metric: Metric, v: number): string {
  return metric === 'overdue' ? formatNumber(v) : formatPercent(v);
}

const BAR_ROW = 46;
const HEADER = 190;
const STRIP = 230;
const FOOTER = 70;

/** The chart.js configuration and size of a ranking picture. */
export function rankingChartSpec(input: RankingChartInput): ChartSpec {
  const rows = input.bars.length;
  const height = HEADER + rows * BAR_ROW + STRIP + FOOTER;
  const isRate = input.metric !== 'overdue';
  const max = isRate ? 1 : Math.max(1, ...input.values) * 1.15;
  const colour = (b: RankingBar | null) =>
    !b ? 'transparent' : b.own ? COLOURS.own : input.threshold ? (b.value >= input.threshold.value ? COLOURS.good : COLOURS.bad) : input.metric === 'overdue' ? COLOURS.bad : COLOURS.neutral;
  const config: ChartConfiguration<'bar', (number | null)[], string> = {
    type: 'bar',
    data: {
      labels: input.bars.map((b) => (b ? `${b.rank}. ${b.name}` : '⋯')),
      datasets: [{ data: input.bars.map((b) => (b ? b.value : null)), backgroundColor: input.bars.map(colour), barPercentage: 0.8, categoryPercentage: 0.9 }],
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { left: 16, right: 130, top: 0, bottom: STRIP + FOOTER - 20 } },
      scales: {
        x: {
          min: 0,
          max,
          grid: { color: COLOURS.grid },
          ticks: { font: font(TYPE.small), color: COLOURS.muted, callback: (v) => (isRate ? formatPercent(Number(v)) : formatNumber(Number(v))), maxTicksLimit: 6 },
        },
        y: {
          grid: { display: false },
          ticks: { font: (c) => font(TYPE.label, input.bars[c.index]?.own ? 'bold' : 'normal'), color: COLOURS.text, autoSkip: false },
        },
      },
      plugins: { ...headingOptions(nfc(input.title), nfc(input.subtitle)), legend: { display: false } },
    },
    plugins: [valueLabels(input), referenceLines(input, max), distributionStrip(input, max), footerPlugin(nfc(input.footer))],
  };
  return { config: config as unknown as ChartConfiguration, width: CHART_WIDTH, height };
}

function valueLabels(input: RankingChartInput): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `${TYPE.label}px "${CHART_FONT}"`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      input.bars.forEach((b, i) => {
        const el = meta.data[i];
        if (!b || !el) return;
        ctx.fillStyle = b.own ? COLOURS.own : COLOURS.text;
        ctx.fillText(rankingValueText(input.metric, b.value), el.x + 8, el.y);
      });
      ctx.restore();
    },
  };
}

function referenceLines(input: RankingChartInput, max: number): Plugin<'bar'> {
  return {
    id: 'referenceLines',
    afterDatasetsDraw(chart) {
      const lines: { value: number; label: string; colour: string; dash: number[]; row: number }[] = [];
      if (input.average !== null) lines.push({ value: input.average, label: input.averageLabel, colour: COLOURS.average, dash: [10, 6], row: 0 });
      if (input.threshold) lines.push({ value: input.threshold.value, label: input.threshold.label, colour: COLOURS.threshold, dash: [4, 4], row: 1 });
      const { top, bottom } = chart.chartArea;
      const x = chart.scales.x!;
      const ctx = chart.ctx;
      for (const l of lines) {
        if (l.value > max) continue;
        const px = x.getPixelForValue(l.value);
        ctx.save();
        ctx.strokeStyle = l.colour;
        ctx.lineWidth = 3;
        ctx.setLineDash(l.dash);
        ctx.beginPath();
        ctx.moveTo(px, top);
        ctx.lineTo(px, bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = `600 ${TYPE.small}px "${CHART_FONT}"`;
        ctx.fillStyle = l.colour;
        ctx.textBaseline = 'top';
        ctx.textAlign = px > chart.width * 0.7 ? 'right' : 'left';
        ctx.fillText(l.label, px + (ctx.textAlign === 'right' ? -6 : 6), bottom + 42 + l.row * 28);
        ctx.restore();
      }
    },
  };
}

const BINS = 20;

/** A small histogram of every commune's value under the bars, with the province's figure marked. */
function distributionStrip(input: RankingChartInput, max: number): Plugin<'bar'> {
  return {
    id: 'distributionStrip',
    afterDraw(chart: Chart) {
      const ctx = chart.ctx;
      const left = chart.chartArea.left;
      const right = chart.chartArea.right;
      const top = chart.chartArea.bottom + 110;
      const h = STRIP - 140;
      const counts = new Array<number>(BINS).fill(0);
      for (const v of input.values) counts[Math.min(BINS - 1, Math.floor((v / max) * BINS))]! += 1;
      const peak = Math.max(1, ...counts);
      const w = (right - left) / BINS;
      ctx.save();
      ctx.font = `600 ${TYPE.small}px "${CHART_FONT}"`;
      ctx.fillStyle = COLOURS.muted;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = 'left';
      ctx.fillText(nfc(`Phân bố ${formatNumber(input.values.length)} xã, phường`), 24, top - 4);
      counts.forEach((n, i) => {
        if (n === 0) return;
        const bh = (n / peak) * h;
        ctx.fillStyle = COLOURS.neutral;
        ctx.fillRect(left + i * w + 1, top + h - bh + 4, w - 2, bh);
      });
      ctx.strokeStyle = COLOURS.grid;
      ctx.beginPath();
      ctx.moveTo(left, top + h + 4);
      ctx.lineTo(right, top + h + 4);
      ctx.stroke();
      if (input.average !== null && input.average <= max) {
        const px = left + (input.average / max) * (right - left);
        ctx.strokeStyle = COLOURS.average;
        ctx.lineWidth = 3;
        ctx.setLineDash([10, 6]);
        ctx.beginPath();
        ctx.moveTo(px, top);
        ctx.lineTo(px, top + h + 4);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}
