import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../src/core/reply.js';
import { silentLogger } from '../../src/log.js';
import { NoticeHub, type Notice } from '../../src/notify/notices.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

const notice = (key: string, chatId = '7'): Notice => ({ platform: 'telegram', chatId, isGroup: false, key, reply: reply([{ kind: 'text', text: `Thông báo ${key}` }]) });

describe(`NoticeHub (${TEST_DIALECT})`, () => {
  it('keeps notices made while no channel runs and hands them over, once each, in order, when one registers', async () => {
    const hub = new NoticeHub(store, silentLogger, () => new Date());
    await hub.notify(notice('a'));
    await hub.notify(notice('b'));
    await hub.notify(notice('a'));
    expect(await hub.waiting('telegram')).toBe(2);
    const got: string[] = [];
    await hub.register('telegram', async (n) => void got.push(n.key));
    expect(got).toEqual(['a', 'b']);
    await hub.notify(notice('c'));
    expect(got).toEqual(['a', 'b', 'c']);
    expect(await hub.waiting('telegram')).toBe(0);
  });

  it('gives a notice back when its channel fails to take it, and retries on the next flush', async () => {
    const hub = new NoticeHub(store, silentLogger, () => new Date());
    let fail = true;
    const got: string[] = [];
    await hub.register('telegram', async (n) => {
      if (fail) throw new Error('down');
      got.push(n.key);
    });
    await hub.notify(notice('d'));
    expect(await hub.waiting('telegram')).toBe(1);
    fail = false;
    await hub.flush('telegram');
    expect(got).toEqual(['d']);
  });
});
