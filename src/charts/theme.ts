import type { Chart, Plugin } from 'chart.js';
import { CHART_FONT } from './fonts.js';

/** Every chart is this wide: a phone shows it at full width without blurring. */
export const CHART_WIDTH = 1080;

/** Type sizes in pixels, large enough to read on a phone held upright. */
export const TYPE = { title: 40, subtitle: 28, label: 26, small: 22 } as const;

export const COLOURS = {
  text: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  neutral: '#2f6fbd',
  good: '#2e8b57',
  bad: '#c0392b',
  own: '#e67e22',
  average: '#1f2933',
  threshold: '#8e44ad',
  received: '#2f6fbd',
  resolved: '#2e8b57',
  overdue: '#c0392b',
  online: '#2f6fbd',
  direct: '#f39c12',
  postal: '#7f8c8d',
} as const;

export function font(size: number, weight: 'normal' | 'bold' | 600 = 'normal'): { family: string; size: number; weight: 'normal' | 'bold' | number } {
  return { family: CHART_FONT, size, weight };
}

/** The title and subtitle block every chart starts with. */
export function headingOptions(title: string, subtitle: string) {
  return {
    title: { display: true, text: title, color: COLOURS.text, font: font(TYPE.title, 'bold'), align: 'start' as const, padding: { top: 8, bottom: 6 } },
    subtitle: { display: true, text: subtitle, color: COLOURS.muted, font: font(TYPE.subtitle), align: 'start' as const, padding: { bottom: 18 } },
  };
}

/** Writes the footer line (source and data date) at the bottom-left of the picture. */
export function footerPlugin(text: string): Plugin {
  return {
    id: 'footer',
    afterDraw(chart: Chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `${TYPE.small}px "${CHART_FONT}"`;
      ctx.fillStyle = COLOURS.muted;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, 24, chart.height - 14);
      ctx.restore();
    },
  };
}
