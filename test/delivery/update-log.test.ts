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

/** Marks an instance alive (its heartbeat) as of now. */
async function alive(id: string): Promise<void> {
  await store.sql.run(
    'INSERT INTO cluster_instance (id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at',
    [id, 'test', 1, new Date(), new Date()],
  );
}

describe(`update log (${TEST_DIALECT})`, () => {
  it('claims an update once; a second delivery is refused, before and after it is done', async () => {
    const log = new UpdateLog(store, 'telegram:1', { owner: 'a' });
    expect(await log.claim('100', null, t0)).toBe('claimed');
    expect(await log.claim('100', null, t0)).toBe('taken');
    await log.done('100', at(5));
    expect(await log.claim('100', null, at(10))).toBe('taken');
    expect(await new UpdateLog(store, 'telegram:1', { owner: 'b' }).claim('100', null, at(10))).toBe('taken');
  });

  it('keeps platforms (and bots) apart: Zalo message ids share the table', async () => {
    expect(await new UpdateLog(store, 'telegram:2', { owner: 'a' }).claim('100', null, t0)).toBe('claimed');
    expect(await new UpdateLog(store, 'zalo:oa1', { owner: 'a' }).claim('100', null, t0)).toBe('claimed');
    expect(await new UpdateLog(store, 'zalo:oa1', { owner: 'a' }).claim('msg-9f3a', null, t0)).toBe('claimed');
  });

  it('lets another instance take over what a dead one claimed, never what a live one is answering', async () => {
    const dead = new UpdateLog(store, 'telegram:3', { owner: 'dead' });
    await dead.claim('1', null, t0);
    await alive('busy');
    await new UpdateLog(store, 'telegram:3', { owner: 'busy' }).claim('2', null, t0);
    const other = new UpdateLog(store, 'telegram:3', { owner: 'other' });
    expect(await other.claim('1', null, at(1))).toBe('claimed');
    expect(await other.claim('2', null, at(1))).toBe('taken');
    // Once taken over, it is in progress again: another instance leaves it alone.
    await alive('other');
    expect(await new UpdateLog(store, 'telegram:3', { owner: 'third' }).claim('1', null, at(2))).toBe('taken');
  });

  it('answers one chat’s updates in the order they arrived, whichever instance kept them', async () => {
    await alive('A');
    await alive('B');
    const a = new UpdateLog(store, 'zalo:order', { owner: 'A' });
    const b = new UpdateLog(store, 'zalo:order', { owner: 'B' });
    await a.keep('first', 'chat-1', '{}', t0);
    await b.keep('second', 'chat-1', '{}', t0);
    await b.keep('elsewhere', 'chat-2', '{}', t0);
    expect(await b.claim('second', 'chat-1', at(1))).toBe('blocked');
    expect(await b.claim('elsewhere', 'chat-2', at(1))).toBe('claimed');
    expect(await a.claim('first', 'chat-1', at(1))).toBe('claimed');
    expect(await b.claim('second', 'chat-1', at(2))).toBe('blocked');
    await a.done('first', at(3));
    expect(await b.claim('second', 'chat-1', at(4))).toBe('claimed');
    // What was kept and not answered is found again, in the order it arrived.
    await a.keep('third', 'chat-1', '{"n":3}', at(5));
    expect((await b.waiting(at(10))).map((w) => w.key)).toEqual(['second', 'elsewhere', 'third']);
  });

  it('forgets old updates', async () => {
    const log = new UpdateLog(store, 'telegram:4', { owner: 'a' });
    await log.claim('old', null, t0);
    await log.claim('new', null, at(10_000));
    expect(await log.prune(at(5_000))).toBe(1);
    expect(await log.claim('old', null, at(20_000))).toBe('claimed');
    expect(await log.claim('new', null, at(20_000))).toBe('taken');
  });
});
