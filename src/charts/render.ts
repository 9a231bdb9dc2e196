import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  ArcElement,
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  type ChartConfiguration,
} from 'chart.js';
import { CHART_FONT, ensureChartFonts } from './fonts.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Title, SubTitle, Legend);

/** A rendered chart: the PNG, its size, and every text drawn on it (for captions' checks and tests). */
export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
  texts: string[];
}

/** What a chart module hands the renderer: a chart.js configuration and the picture's size. */
export interface ChartSpec {
  config: ChartConfiguration;
  width: number;
  height: number;
}

/** NFC: names typed or imported decomposed draw and measure like precomposed ones. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Draws a chart.js chart on a @napi-rs/canvas canvas (no browser, no DOM) and encodes it
 * as PNG. The context's fillText is recorded, so what the picture says can be checked
 * without reading pixels. Animations and responsiveness are off; the chart is destroyed
 * before returning, so nothing outlives the render but the PNG.
 */
export async function renderChart(spec: ChartSpec): Promise<RenderedChart> {
  ensureChartFonts();
  const canvas = createCanvas(spec.width, spec.height);
  const ctx = canvas.getContext('2d');
  const texts: string[] = [];
  recordTexts(ctx, texts);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, spec.width, spec.height);
  Chart.defaults.font.family = CHART_FONT;
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], {
    ...spec.config,
    platform: BasicPlatform,
    options: { ...spec.config.options, animation: false, responsive: false, devicePixelRatio: 1 },
  } as ChartConfiguration);
  try {
    const png = await canvas.encode('png');
    return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: spec.width, height: spec.height, texts };
  } finally {
    chart.destroy();
  }
}

function recordTexts(ctx: SKRSContext2D, into: string[]): void {
  const fill = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    into.push(text);
    if (maxWidth === undefined) fill(text, x, y);
    else fill(text, x, y, maxWidth);
  };
}
