import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from '../text/format.js';
import { nfc, type ChartSpec } from './render.js';
import { CHART_WIDTH, COLOURS, footerPlugin, font, headingOptions, TYPE } from './theme.js';

/** One week (Monday to Sunday, clipped to the period) of a unit's dossiers. */
export interface TrendWeek {
  /** The week's first day as the axis writes it, "07/07". */
  label: string;
  received: number;
  resolved: number;
  /** In progress and past due at the week's end (or now, for the running week). */
  overdue: number;
}

export interface TrendChartInput {
  title: string;
  subtitle: string;
  footer: string;
  weeks: TrendWeek[];
  /** Which lines to draw (all three by default; the weekly report draws overdue alone). */
  series?: ('received' | 'resolved' | 'overdue')[];
}

export const TREND_HEIGHT = 1200;

const SERIES = {
  received: { label: 'Tiếp nhận mới', colour: COLOURS.received },
  resolved: { label: 'Đã giải quyết', colour: COLOURS.resolved },
  overdue: { label: 'Đang quá hạn (cuối tuần)', colour: COLOURS.overdue },
} as const;

/** Weekly received, resolved and overdue dossiers as lines, weeks starting on Monday. */
export function trendChartSpec(input: TrendChartInput): ChartSpec {
  const series = input.series ?? ['received', 'resolved', 'overdue'];
  const thin = input.weeks.length > 26;
  const config: ChartConfiguration<'line', number[], string> = {
    type: 'line',
    data: {
      labels: input.weeks.map((w) => w.label),
      datasets: series.map((s) => ({
        label: nfc(SERIES[s].label),
        data: input.weeks.map((w) => w[s]),
        borderColor: SERIES[s].colour,
        backgroundColor: SERIES[s].colour,
        borderWidth: s === 'overdue' ? 5 : 4,
        pointRadius: thin ? 0 : 5,
        tension: 0.2,
      })),
    },
    options: {
      layout: { padding: { left: 16, right: 32, top: 0, bottom: 60 } },
      scales: {
        x: { grid: { color: COLOURS.grid }, ticks: { font: font(TYPE.small), color: COLOURS.muted, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
        y: { beginAtZero: true, grid: { color: COLOURS.grid }, ticks: { font: font(TYPE.small), color: COLOURS.muted, callback: (v) => formatNumber(Number(v)) } },
      },
      plugins: {
        ...headingOptions(nfc(input.title), nfc(input.subtitle)),
        legend: { display: true, position: 'bottom', labels: { font: font(TYPE.label), color: COLOURS.text, boxWidth: 36, padding: 24 } },
      },
    },
    plugins: [footerPlugin(nfc(input.footer))],
  };
  return { config: config as unknown as ChartConfiguration, width: CHART_WIDTH, height: TREND_HEIGHT };
}
