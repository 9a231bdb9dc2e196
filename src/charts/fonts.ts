import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** The one font family of every chart: Be Vietnam Pro (OFL), shipped by an npm package. */
export const CHART_FONT = 'Be Vietnam Pro';

const WEIGHTS = ['400Regular/BeVietnamPro_400Regular.ttf', '600SemiBold/BeVietnamPro_600SemiBold.ttf', '700Bold/BeVietnamPro_700Bold.ttf'];

let registered = false;

/**
 * Registers the chart font's TTF files from `@expo-google-fonts/be-vietnam-pro` under
 * CHART_FONT, once per process. Charts never fall back on the host's fonts: a missing file
 * fails here, loudly, rather than drawing boxes instead of Vietnamese letters.
 */
export function ensureChartFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  for (const file of WEIGHTS) {
    const key = GlobalFonts.registerFromPath(join(root, file), CHART_FONT);
    if (!key) throw new Error(`chart font not loaded: ${file}`);
  }
  registered = true;
}
