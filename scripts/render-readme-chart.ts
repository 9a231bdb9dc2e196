/**
 * Renders the README's example chart from the demo data (the figures of the provincial
 * reports in ../shared/seeds): `npx tsx scripts/render-readme-chart.ts` writes
 * docs/chart-ranking.png, the Phú Thọ online-rate ranking from 01/07 to 25/12/2025, at
 * half size to keep the repository small (the bot sends it at 1,080 px).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createApp } from '../src/app.js';
import { parseEnv } from '../src/config/env.js';
import { fixedClock } from '../src/core/clock.js';
import { openStore } from '../src/data/store.js';
import { silentLogger } from '../src/log.js';

const COMMAND = '/bieudo trực tuyến từ 1/7/2025 đến 25/12/2025';
const OUT = join(import.meta.dirname, '..', 'docs', 'chart-ranking.png');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'haicap-readme-chart-'));
  try {
    const store = await openStore({ dialect: 'sqlite', file: join(dir, 'demo.db') });
    const app = await createApp({ env: parseEnv({ DEMO_DATA: 'true' }), store, clock: fixedClock(new Date('2026-11-22T03:00:00.000Z')), log: silentLogger });
    const r = await app.router.handle({ text: COMMAND, chat: { platform: 'console', id: 'readme', kind: 'private' }, user: { id: 'readme' }, addressed: true });
    await app.close();
    if (!r?.image) throw new Error(`no chart for ${COMMAND}`);
    const img = await loadImage(Buffer.from(r.image.png));
    const canvas = createCanvas(Math.round(img.width / 2), Math.round(img.height / 2));
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    writeFileSync(OUT, await canvas.encode('png'));
    process.stdout.write(`${OUT}\n${r.image.caption}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
