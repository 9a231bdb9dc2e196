/**
 * Pictures for Zalo, which fetches photos by public URL: stored under random ids, served
 * by the bot's HTTP server until they expire, then gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloImages, IMAGE_TTL_MS } from '../../../src/bot/zalo/images.js';
import type { Clock } from '../../../src/core/clock.js';
import type { HttpRequest } from '../../../src/server/http-server.js';
import { openTestStore, TEST_DIALECT } from '../../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

const get = (path: string): HttpRequest => ({ method: 'GET', path, query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0) });

describe(`Zalo pictures (${TEST_DIALECT})`, () => {
  it('serves a picture under an unguessable id until it expires', async () => {
    let now = new Date('2026-11-22T03:00:00Z').getTime();
    const clock: Clock = { now: () => new Date(now) };
    const images = new ZaloImages(store, 'zalo:1', 'https://bot.example.gov.vn/', clock);
    const png = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const url = await images.put(png);
    const other = await images.put(png);
    expect(url).toMatch(/^https:\/\/bot\.example\.gov\.vn\/zalo\/images\/[A-Za-z0-9_-]{24}\.png$/);
    expect(other).not.toBe(url);
    const path = new URL(url).pathname;
    const res = await images.serve(get(path));
    expect(res).toMatchObject({ status: 200, headers: { 'content-type': 'image/png' } });
    expect(new Uint8Array(res.body as Buffer)).toEqual(png);
    const oneOff = `${path.slice(0, -5)}${path.at(-5) === 'A' ? 'B' : 'A'}.png`;
    for (const wrong of ['/zalo/images/', `${path.slice(0, -4)}`, oneOff, '/zalo/images/..%2F..%2Fetc.png']) {
      expect((await images.serve(get(wrong))).status, wrong).toBe(404);
    }
    now += IMAGE_TTL_MS;
    expect((await images.serve(get(path))).status).toBe(404);
    expect(await images.prune()).toBe(2);
  });
});
