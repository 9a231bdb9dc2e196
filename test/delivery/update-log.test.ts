import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateLog } from '../../src/delivery/update-log.js';
import { openTestStore, TEST_DIALECT } from '../helpers/store.js';

let store: Awaited<ReturnType<typeof openTestStore>>;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.dispose();
});

const t0 = new Date('2026-11-22T03:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe(`update log (${TEST_DIALECT})`, () => {
  it('claims an update once; a second delivery is refused, before and after it is done', async () => {
    const log = new UpdateLog(store, 'telegram:1', { owner: 'a', takeOver: { kind: 'other-owner' } });
    expect(await log.claim('100', t0)).toBe(true);
    expect(await log.claim('100', t0)).toBe(false);
    await log.done('100', at(5));
    expect(await log.claim('100', at(10))).toBe(false);
    expect(await new UpdateLog(store, 'telegram:1', { owner: 'b', takeOver: { kind: 'other-owner' } }).claim('100', at(10))).toBe(false);
  });

  it('keeps platforms (and bots) apart: Zalo message ids share the table', async () => {
    expect(await new UpdateLog(store, 'telegram:2', { owner: 'a', takeOver: { kind: 'other-owner' } }).claim('100', t0)).toBe(true);
    expect(await new UpdateLog(store, 'zalo:oa1', { owner: 'a', takeOver: { kind: 'other-owner' } }).claim('100', t0)).toBe(true);
    expect(await new UpdateLog(store, 'zalo:oa1', { owner: 'a', takeOver: { kind: 'other-owner' } }).claim('msg-9f3a', t0)).toBe(true);
  });

  it('lets another process take over an unfinished claim: at once when polling, after the lease behind a webhook', async () => {
    const dead = new UpdateLog(store, 'telegram:3', { owner: 'dead', takeOver: { kind: 'other-owner' } });
    await dead.claim('1', t0);
    await dead.claim('2', t0);
    expect(await new UpdateLog(store, 'telegram:3', { owner: 'poller', takeOver: { kind: 'other-owner' } }).claim('1', at(1))).toBe(true);
    const hook = new UpdateLog(store, 'telegram:3', { owner: 'web', takeOver: { kind: 'after', afterMs: 60_000 } });
    expect(await hook.claim('2', at(30_000))).toBe(false);
    expect(await hook.claim('2', at(60_000))).toBe(true);
    // Once taken over, it is in progress again: another webhook instance leaves it alone.
    expect(await new UpdateLog(store, 'telegram:3', { owner: 'web2', takeOver: { kind: 'after', afterMs: 60_000 } }).claim('2', at(60_001))).toBe(false);
  });

  it('forgets old updates', async () => {
    const log = new UpdateLog(store, 'telegram:4', { owner: 'a', takeOver: { kind: 'other-owner' } });
    await log.claim('old', t0);
    await log.claim('new', at(10_000));
    expect(await log.prune(at(5_000))).toBe(1);
    expect(await log.claim('old', at(20_000))).toBe(true);
    expect(await log.claim('new', at(20_000))).toBe(false);
  });
});
