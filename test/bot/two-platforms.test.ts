/**
 * Telegram and Zalo in one process, on one store and one router: each answers the
 * commands addressed to it by its own name on its own platform, and neither answers a
 * command addressed to the other (a bot's names travel with each message, never through
 * a shared setting).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe(`Telegram and Zalo in one process (${TEST_DIALECT})`, () => {
  it('each answers its own mentions in a group, and neither answers the other’s', async () => {
    const tgName = telegram.channel.platform.me.username;
    const zaloName = zalo.channel.platform.info!.account_name!;
    expect(tgName).not.toBe(zaloName);

    const tgGroup = telegram.chat('group');
    await telegram.say(tgGroup, `/xa@${tgName} Thượng Cốc`);
    await telegram.say(tgGroup, `/xa@${zaloName.replace(/\W/g, '')} Yên Phú`);
    expect(telegram.texts(tgGroup)).toHaveLength(1);
    expect(telegram.texts(tgGroup)[0]).toContain('Xã Thượng Cốc');

    const zaloGroup = zalo.chat('group');
    // Answered when Zalo runs alone, and still with Telegram beside it.
    await zalo.say(zaloGroup, `@Bot Haicap /xa@${zaloName} Thượng Cốc`);
    await zalo.say(zaloGroup, `@Bot Haicap /xa@${tgName} Yên Phú`);
    expect(zalo.texts(zaloGroup)).toHaveLength(1);
    expect(zalo.texts(zaloGroup)[0]).toContain('Xã Thượng Cốc');
  });
});
