import { createCanvas, loadImage } from '@napi-rs/canvas';

/** What a test can say about a PNG: its size and how much of it is drawn on. */
export interface PngFacts {
  width: number;
  height: number;
  /** Share of pixels that are not white (0 for a blank picture). */
  inked: number;
  /** Distinct colours among a sample of pixels (1 for a flat picture). */
  colours: number;
}

/** Decodes a PNG (a broken one throws) and measures it. */
export async function pngFacts(png: Uint8Array): Promise<PngFacts> {
  expectPngSignature(png);
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) inked++;
    if (i % 400 === 0) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  }
  return { width: img.width, height: img.height, inked: inked / (data.length / 4), colours: colours.size };
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function expectPngSignature(png: Uint8Array): void {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
}
