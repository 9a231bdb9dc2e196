import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreOffers } from '../../src/data/offers.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

describe(`StoreOffers (${TEST_DIALECT})`, () => {
  it('shares the last offer of a chat between instances until it expires', async () => {
    const a = new StoreOffers(store);
    const b = new StoreOffers(store);
    const now = Date.now();
    await a.set('zalo:1', { choices: [{ label: 'Xã Thượng Cốc', command: '/xa 05293' }], madeAt: 0, expiresAt: now + 60_000 });
    expect((await b.get('zalo:1', now))?.choices?.[0]?.command).toBe('/xa 05293');
    await b.set('zalo:1', { pagination: { page: 1, pageCount: 3, command: '/quahan' }, madeAt: 0, expiresAt: now + 60_000 });
    expect(await a.get('zalo:1', now)).toEqual({ pagination: { page: 1, pageCount: 3, command: '/quahan' }, madeAt: 0, expiresAt: now + 60_000 });
    expect(await a.get('zalo:1', now + 61_000)).toBeNull();
    await a.clear('zalo:1');
    expect(await b.get('zalo:1', now)).toBeNull();
  });
});
