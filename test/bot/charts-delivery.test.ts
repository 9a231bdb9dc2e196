/**
 * A chart reaches each platform as a picture with its caption: Telegram by sendPhoto with
 * the PNG, Zalo by the public URL of the bot's own image route (fetched by the fake as
 * Zalo does), the console as a PNG file whose path is printed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/bot/console/chat.js';
import { DEFAULT_CONSOLE_IDENTITY } from '../../src/bot/console/platform.js';
import { silentLogger } from '../../src/log.js';
import { pngFacts } from '../charts/png.js';
import { TEST_DIALECT } from '../helpers/store.js';
import { openTelegramTestApp, TelegramHarness, type TestApp } from './telegram/harness.js';
import { ZaloHarness } from './zalo/harness.js';

let app: TestApp;
let telegram: TelegramHarness;
let zalo: ZaloHarness;
beforeAll(async () => {
  app = await openTelegramTestApp();
  telegram = await TelegramHarness.start({ app });
  zalo = await ZaloHarness.start({ app });
});
afterAll(async () => {
  await telegram?.close();
  await zalo?.close();
  await app?.dispose();
});

describe(`charts on every platform (${TEST_DIALECT})`, () => {
  it('when /bieudo is sent on Telegram, then the bot sends one photo, the PNG of the chart, captioned with its figures', async () => {
    const chat = telegram.chat();
    await telegram.say(chat, '/bieudo kênh Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    const sent = telegram.server.botMessages(chat.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.photo).toBeDefined();
    const facts = await pngFacts(sent[0]!.photo!);
    expect(facts.width).toBe(1080);
    expect(facts.inked).toBeGreaterThan(0.05);
    expect(sent[0]!.text).toContain('Trực tuyến: 229 (58,72 %)');
  });

  it('when bad input is sent on Telegram, then the answer is text, never a photo', async () => {
    const chat = telegram.chat();
    await telegram.say(chat, '/chart lợi nhuận');
    const sent = telegram.server.botMessages(chat.id);
    expect(sent.every((m) => m.photo === undefined)).toBe(true);
    expect(sent.map((m) => m.text).join('\n')).toContain('Các loại biểu đồ');
  });

  it('when /bieudo is sent on Zalo, then the photo goes by an unguessable URL of the bot’s server that serves the same PNG', async () => {
    const chat = zalo.chat();
    await zalo.say(chat, '/bieudo trực tuyến tháng 7/2025');
    await zalo.server.waitFor(() => zalo.server.botMessages(chat.id).length > 0, 20_000, 'the photo');
    const [photo] = zalo.server.botMessages(chat.id);
    expect(photo!.method).toBe('sendPhoto');
    expect(photo!.photo).toMatch(new RegExp(`^${zalo.localBase}/zalo/images/[A-Za-z0-9_-]{24}\\.png$`));
    expect(photo!.text).toContain('Xếp hạng 9 xã, phường của tỉnh Phú Thọ');
    const facts = await pngFacts(new Uint8Array(photo!.photoBytes!));
    expect(facts.width).toBe(1080);
  });

  it('when /bieudo is typed in the console, then the PNG is written to a file whose path is printed with the caption', async () => {
    const chat = new ConsoleChat({ router: app.router, store: app.store, log: silentLogger }, DEFAULT_CONSOLE_IDENTITY);
    await chat.start();
    try {
      const printed = await chat.say('/bieudo xu hướng tổ 10 tháng 7/2025');
      expect(printed).toHaveLength(1);
      const m = /^\[Biểu đồ: (.+\.png)\]\n(.+)$/s.exec(printed[0]!.text);
      expect(m, printed[0]!.text).not.toBeNull();
      expect(m![2]).toContain('Hồ sơ theo tuần của tổ công tác số 10');
      expect(existsSync(m![1]!)).toBe(true);
      expect((await pngFacts(new Uint8Array(readFileSync(m![1]!)))).width).toBe(1080);
      rmSync(m![1]!);
    } finally {
      await chat.stop();
    }
  });
});
