import type { ChartConfiguration } from 'chart.js';
import type { ChannelCounts } from '../data/figures.js';
import { formatNumber, formatRate } from '../text/format.js';
import { CHART_FONT } from './fonts.js';
import { nfc, type ChartSpec } from './render.js';
import { CHART_WIDTH, COLOURS, footerPlugin, font, headingOptions, TYPE } from './theme.js';

export interface ChannelChartInput {
  title: string;
  subtitle: string;
  footer: string;
  counts: ChannelCounts;
}

export const CHANNEL_HEIGHT = 1150;

/** Names of the reception channels (kênh tiếp nhận), in the chart's order. */
export const CHANNEL_NAMES = { online: 'Trực tuyến', direct: 'Trực tiếp', postal: 'Qua bưu chính' } as const;

/** Online, direct and postal shares of the dossiers received, as a ring with the total inside. */
export function channelChartSpec(input: ChannelChartInput): ChartSpec {
  const c = input.counts;
  const keys = ['online', 'direct', 'postal'] as const;
  const config: ChartConfiguration<'doughnut', number[], string> = {
    type: 'doughnut',
    data: {
      labels: keys.map((k) => nfc(`${CHANNEL_NAMES[k]}: ${formatNumber(c[k])} (${formatRate(c[k], c.total)})`)),
      datasets: [{ data: keys.map((k) => c[k]), backgroundColor: keys.map((k) => COLOURS[k]), borderColor: '#ffffff', borderWidth: 4 }],
    },
    options: {
      cutout: '58%',
      layout: { padding: { left: 24, right: 24, top: 0, bottom: 60 } },
      plugins: {
        ...headingOptions(nfc(input.title), nfc(input.subtitle)),
        legend: { display: true, position: 'bottom', labels: { font: font(TYPE.label), color: COLOURS.text, boxWidth: 36, padding: 22 } },
      },
    },
    plugins: [
      {
        id: 'centreTotal',
        afterDraw(chart) {
          const { left, right, top, bottom } = chart.chartArea;
          const ctx = chart.ctx;
          ctx.save();
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillStyle = COLOURS.text;
          ctx.font = `bold ${TYPE.title + 8}px "${CHART_FONT}"`;
          ctx.fillText(formatNumber(c.total), (left + right) / 2, (top + bottom) / 2 - 22);
          ctx.font = `${TYPE.label}px "${CHART_FONT}"`;
          ctx.fillStyle = COLOURS.muted;
          ctx.fillText(nfc('hồ sơ tiếp nhận'), (left + right) / 2, (top + bottom) / 2 + 28);
          ctx.restore();
        },
      },
      footerPlugin(nfc(input.footer)),
    ],
  };
  return { config: config as unknown as ChartConfiguration, width: CHART_WIDTH, height: CHANNEL_HEIGHT };
}
