import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackIds } from '../../src/delivery/callback-ids.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

const now = new Date('2026-11-22T03:00:00.000Z');
const choice = { kind: 'run', command: '/xa 05293 từ 1/7/2025 đến 28/7/2025 — Thượng Cốc' };

describe(`button ids (${TEST_DIALECT})`, () => {
  it('are 16 ASCII characters whatever the action, the same for the same button', async () => {
    const ids = new CallbackIds(store, 'telegram:1');
    const id = await ids.idFor('-100', choice, now);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await ids.idFor('-100', choice, now)).toBe(id);
    expect(await ids.idFor('-200', choice, now)).not.toBe(id);
    expect(await ids.idFor('-100', { kind: 'page', command: '/quahan', page: 2 }, now)).not.toBe(id);
  });

  it('resolve from the store (any instance), only in the chat they were made for', async () => {
    const id = await new CallbackIds(store, 'telegram:1').idFor('-100', choice, now);
    const other = new CallbackIds(store, 'telegram:1');
    expect(await other.resolve(id, '-100')).toEqual(choice);
    expect(await other.resolve(id, '-999')).toBeNull();
    expect(await new CallbackIds(store, 'zalo:1').resolve(id, '-100')).toBeNull();
    expect(await other.resolve('unknownunknown00', '-100')).toBeNull();
    expect(await other.resolve("x' OR 1=1 --", '-100')).toBeNull();
  });

  it('expire when pruned, and come back when the button is shown again', async () => {
    const ids = new CallbackIds(store, 'telegram:2');
    const id = await ids.idFor('1', choice, now);
    expect(await ids.prune(new Date(now.getTime() + 1))).toBe(1);
    expect(await ids.resolve(id, '1')).toBeNull();
    expect(await ids.idFor('1', choice, new Date(now.getTime() + 2))).toBe(id);
    expect(await ids.resolve(id, '1')).toEqual(choice);
  });
});
