/**
 * Several instances on one PostgreSQL store, as real bot processes behind one webhook
 * address (the fake servers deliver each update to the instances in turn, skipping one
 * that does not answer, as a reverse proxy would): every update is answered once and one
 * chat's replies arrive in order; the instance that polls can die and another takes the
 * lease over within 15 s, losing nothing; a rolling restart under load loses nothing; an
 * import through one instance is seen by a question through another at once.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL); on SQLite alone they are skipped, saying so.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindChatWithin } from '../../src/access/bindings.js';
import { createApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { openStore, parseDatabaseUrl, type Store } from '../../src/data/store.js';
import { silentLogger } from '../../src/log.js';
import { FakeTelegramServer, type FakeChat } from '../fakes/telegram-server.js';
import { FakeZaloServer, type FakeZaloChat } from '../fakes/zalo-server.js';
import { BotProcess } from './bot-process.js';

const PG = process.env.TEST_DATABASE_URL;
if (!PG) process.stdout.write('test/cluster: skipped, TEST_DATABASE_URL is not set (several instances need PostgreSQL)\n');

const TG_SECRET = 'cluster-secret-0123456789abcdef';
const ZALO_SECRET = 'cluster-zalo-secret';
const INGEST = 'cluster-ingest-token-0123456789';

describe.skipIf(!PG)('several instances on one PostgreSQL', () => {
  let url = '';
  let schema = '';
  let store: Store;
  let telegram: FakeTelegramServer;
  let zalo: FakeZaloServer;
  const bots: BotProcess[] = [];
  let nextChat = 1;

  beforeAll(async () => {
    schema = `t_cluster_${process.pid}_${Date.now().toString(36)}`;
    const u = new URL(PG!);
    u.searchParams.set('schema', schema);
    url = u.toString();
    store = await openStore(parseDatabaseUrl(url));
    // The demo store, loaded once here (the instances start with DEMO_DATA=false).
    const app = await createApp({ env: parseEnv({ DEMO_DATA: 'true' }), store, log: silentLogger });
    await app.instance.stop();
    telegram = await FakeTelegramServer.start();
    zalo = await FakeZaloServer.start();
  }, 120_000);
  // A test that fails leaves no instance behind to compete with the next test's.
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.kill().catch(() => undefined);
  });
  afterAll(async () => {
    await telegram?.close();
    await zalo?.close();
    await store?.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await store?.close();
  });

  const env = (mode: { telegram: 'polling' | 'webhook'; zalo: 'polling' | 'webhook' }): Record<string, string> => ({
    DATABASE_URL: url,
    DEMO_DATA: 'false',
    PUBLIC_AGGREGATES: 'true',
    INGEST_TOKENS: INGEST,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_MODE: mode.telegram,
    ...(mode.telegram === 'webhook' ? { TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: TG_SECRET } : {}),
    ZALO_BOT_TOKEN: zalo.token,
    ZALO_API_ROOT: zalo.apiRoot,
    ZALO_MODE: mode.zalo,
    ...(mode.zalo === 'webhook' ? { ZALO_WEBHOOK_URL: 'https://bot.example.gov.vn/zalo/webhook', ZALO_WEBHOOK_SECRET: ZALO_SECRET } : {}),
  });

  async function start(name: string, mode: Parameters<typeof env>[0], extra: Record<string, string> = {}): Promise<BotProcess> {
    const bot = await BotProcess.start(name, { ...env(mode), ...extra });
    bots.push(bot);
    return bot;
  }

  /** The fake servers deliver webhooks to these instances in turn. */
  function balance(instances: readonly BotProcess[]): void {
    telegram.deliverWebhooksTo(instances.map((b) => `${b.base}/telegram/webhook`));
    zalo.deliverWebhooksTo(instances.map((b) => `${b.base}/zalo/webhook`));
  }

  async function stopAll(): Promise<void> {
    for (const b of bots.splice(0)) await b.stop();
  }

  const tgChat = (): FakeChat => ({ id: 70_000 + nextChat++, type: 'private' });
  const zaloChat = (): FakeZaloChat => ({ id: `c${String(nextChat++).padStart(19, '0')}`, type: 'PRIVATE' });
  const COMMUNES = ['Thượng Cốc', 'Yên Phú', 'Quyết Thắng', 'Thanh Ba', 'Chí Tiên'];
  const sayTg = (c: FakeChat, text: string) => telegram.sendText(c, { id: c.id, first_name: 'Cán bộ' }, text);
  const zaloSent = new Map<string, string[]>();
  const sayZalo = (c: FakeZaloChat, text: string) => {
    const update = zalo.sendText(c, { id: c.id, display_name: 'Cán bộ' }, text);
    const id = String((update.message as { message_id?: unknown } | undefined)?.message_id ?? '');
    zaloSent.set(c.id, [...(zaloSent.get(c.id) ?? []), id]);
    return update;
  };
  /** How the fake's webhook posts of a Zalo chat's updates were answered (HTTP status per try, 0: no connection). */
  const zaloDeliveries = (c: FakeZaloChat) => (zaloSent.get(c.id) ?? []).map((id) => (zalo.webhookDeliveries.get(id) ?? []).join('/') || 'none').join(' ');
  const tgTexts = (c: FakeChat) => telegram.botMessages(c.id).map((m) => m.text);
  const zaloTexts = (c: FakeZaloChat) => zalo.botMessages(c.id).map((m) => m.text);

  async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Waits until `check` holds while `progress` keeps growing: fails when nothing moved for
   * `stallMs`, or after `maxMs` in all. (A loaded machine answers slower, not never.)
   */
  async function untilDrained(check: () => boolean, progress: () => number, what: string, stallMs = 20_000, maxMs = 240_000): Promise<void> {
    const started = Date.now();
    let last = progress();
    let movedAt = Date.now();
    while (!check()) {
      const now = progress();
      if (now !== last) [last, movedAt] = [now, Date.now()];
      if (Date.now() - movedAt > stallMs) throw new Error(`never happened: ${what} (nothing moved for ${stallMs} ms)`);
      if (Date.now() - started > maxMs) throw new Error(`never happened: ${what} (still moving after ${maxMs} ms)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The replies are exactly one per command, in the order the commands were written. */
  function inOrder(texts: string[], communes: string[]): void {
    expect(texts).toHaveLength(communes.length);
    texts.forEach((t, i) => expect(t.split('\n')[0]).toContain(communes[i]!));
  }

  it('answers every update once, each chat in order, with webhooks spread over two instances', async () => {
    balance([await start('a', { telegram: 'webhook', zalo: 'webhook' }), await start('b', { telegram: 'webhook', zalo: 'webhook' })]);
    const tg = Array.from({ length: 6 }, tgChat);
    const za = Array.from({ length: 6 }, zaloChat);
    for (const commune of COMMUNES) {
      for (const c of tg) sayTg(c, `/xa ${commune}`);
      for (const c of za) sayZalo(c, `/xa ${commune}`);
    }
    const replies = () => tg.reduce((n, c) => n + tgTexts(c).length, 0) + za.reduce((n, c) => n + zaloTexts(c).length, 0);
    await untilDrained(() => tg.every((c) => tgTexts(c).length >= COMMUNES.length) && za.every((c) => zaloTexts(c).length >= COMMUNES.length), replies, 'every reply');
    await new Promise((r) => setTimeout(r, 500));
    for (const c of tg) inOrder(tgTexts(c), COMMUNES);
    for (const c of za) inOrder(zaloTexts(c), COMMUNES);
    await stopAll();
  }, 120_000);

  it('when the instance that polls dies, another takes the lease within 15 s and loses nothing', async () => {
    const a = await start('a', { telegram: 'polling', zalo: 'webhook' });
    const b = await start('b', { telegram: 'polling', zalo: 'webhook' });
    balance([a, b]);
    const lease = `poll:telegram:${telegram.token.split(':')[0]}`;
    const holder = async () => (await store.sql.get<{ pid: unknown }>('SELECT i.pid FROM cluster_lease l JOIN cluster_instance i ON i.id = l.holder WHERE l.name = ?', [lease]))?.pid;
    let pid: unknown;
    for (let i = 0; i < 100 && !(pid = await holder()); i++) await new Promise((r) => setTimeout(r, 100));
    const [dying, survivor] = Number(pid) === a.pid ? [a, b] : [b, a];
    const chats = Array.from({ length: 5 }, tgChat);
    const sent = new Map<number, number>();
    const write = () => {
      for (const c of chats) {
        sayTg(c, '/xa Thượng Cốc');
        sent.set(c.id, (sent.get(c.id) ?? 0) + 1);
      }
    };
    for (let i = 0; i < 5; i++) {
      write();
      await new Promise((r) => setTimeout(r, 100));
    }
    const killedAt = Date.now();
    await dying.kill();
    bots.splice(bots.indexOf(dying), 1);
    let takenAfter = -1;
    while (Date.now() - killedAt < 20_000) {
      write();
      if (Number(await holder()) === survivor.pid) {
        takenAfter = Date.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(takenAfter).toBeGreaterThan(0);
    expect(takenAfter).toBeLessThanOrEqual(15_000);
    await untilDrained(() => chats.every((c) => tgTexts(c).length >= sent.get(c.id)!), () => chats.reduce((n, c) => n + tgTexts(c).length, 0), 'every reply after the takeover');
    await new Promise((r) => setTimeout(r, 500));
    // A chat's updates are answered one at a time, so at the crash each chat has at most one
    // reply in flight: that one may be sent twice, nothing else (the five chats are answered
    // side by side, so up to five in all).
    const perChat = chats.map((c) => tgTexts(c).length - sent.get(c.id)!);
    for (const d of perChat) expect(d).toBeLessThanOrEqual(1);
    const duplicates = perChat.reduce((a, b) => a + b, 0);
    process.stdout.write(`test/cluster: polling lease taken over ${takenAfter} ms after kill -9, ${duplicates} duplicate(s)\n`);
    await stopAll();
  }, 120_000);

  it('a rolling restart under 100 updates/s loses nothing', async () => {
    const a = await start('a', { telegram: 'webhook', zalo: 'webhook' });
    const b = await start('b', { telegram: 'webhook', zalo: 'webhook' });
    balance([a, b]);
    const tg = Array.from({ length: 20 }, tgChat);
    const za = Array.from({ length: 20 }, zaloChat);
    const sent = new Map<string, number>();
    let i = 0;
    let loading = true;
    const load = (async () => {
      while (loading) {
        // 10 updates every 100 ms: 100 updates/s, half on each platform.
        for (let k = 0; k < 5; k++) {
          const t = tg[i % tg.length]!;
          const z = za[i % za.length]!;
          sayTg(t, '/xa Yên Phú');
          sayZalo(z, '/xa Yên Phú');
          sent.set(`t${t.id}`, (sent.get(`t${t.id}`) ?? 0) + 1);
          sent.set(`z${z.id}`, (sent.get(`z${z.id}`) ?? 0) + 1);
          i++;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await new Promise((r) => setTimeout(r, 1_000));
    const drains: number[] = [];
    // One instance at a time: stop it (drain), start it again, then the other.
    let current = [a, b];
    for (const old of [a, b]) {
      const others = current.filter((x) => x !== old);
      balance([...others, old]);
      drains.push((await old.stop()).ms);
      bots.splice(bots.indexOf(old), 1);
      const fresh = await start(`${old.name}2`, { telegram: 'webhook', zalo: 'webhook' });
      current = [...others, fresh];
      balance(current);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    loading = false;
    await load;
    const replies = () => tg.reduce((n, c) => n + tgTexts(c).length, 0) + za.reduce((n, c) => n + zaloTexts(c).length, 0);
    const answered = () => tg.every((c) => tgTexts(c).length >= sent.get(`t${c.id}`)!) && za.every((c) => zaloTexts(c).length >= sent.get(`z${c.id}`)!);
    try {
      await untilDrained(answered, replies, 'every reply', 45_000);
    } catch (err) {
      const missing = [
        ...tg.filter((c) => tgTexts(c).length < sent.get(`t${c.id}`)!).map((c) => `telegram ${c.id}: ${tgTexts(c).length}/${sent.get(`t${c.id}`)}`),
        ...za.filter((c) => zaloTexts(c).length < sent.get(`z${c.id}`)!).map((c) => `zalo ${c.id}: ${zaloTexts(c).length}/${sent.get(`z${c.id}`)} (webhook posts: ${zaloDeliveries(c)})`),
      ];
      const open = await store.sql.all("SELECT platform, update_key, chat_id, status, owner, seq, claimed_at FROM inbound_update WHERE status <> 'done' ORDER BY seq");
      const live = await store.sql.all('SELECT id, heartbeat_at FROM cluster_instance');
      const outbox = await store.sql.all("SELECT platform, status, priority, COUNT(*) AS n, MIN(next_attempt_at) AS next, MAX(last_error) AS err, MAX(lease_owner) AS owner FROM outbox_message GROUP BY platform, status, priority");
      process.stdout.write(`outbox: ${JSON.stringify(outbox)}\n`);
      process.stdout.write(`test/cluster: replies missing in ${missing.join('; ')}\nopen updates: ${JSON.stringify(open)}\ninstances: ${JSON.stringify(live)}\n`);
      for (const b of bots) process.stdout.write(`--- ${b.name} stderr:\n${b.stderr.slice(-4000)}\n`);
      throw err;
    }
    await new Promise((r) => setTimeout(r, 500));
    // A drain that ends in time leaves nothing in flight, so nothing is sent twice.
    expect(replies()).toBe(i * 2);
    for (const d of drains) expect(d).toBeLessThan(10_000);
    process.stdout.write(`test/cluster: rolling restart, ${i * 2} updates, drains took ${drains.map((d) => Math.round(d)).join(' and ')} ms\n`);
    await stopAll();
  }, 360_000);

  it('500 digests go once each over two instances within Telegram’s limits, and a kill -9 of the scheduler’s holder loses none', async () => {
    // 500 commune groups, bound before the instances start; their 07:30 digests are due.
    const helper = await createApp({ env: parseEnv({ DEMO_DATA: 'false' }), store, log: silentLogger });
    const dir = await helper.ctx.directory.get();
    await helper.instance.stop();
    const communes = [...dir.communes.values()].filter((c) => c.provinceName === 'Phú Thọ');
    const groups = Array.from({ length: 500 }, (_, i) => String(-1_008_000 - i));
    await store.sql.transaction(async (tx) => {
      for (const [i, g] of groups.entries()) await bindChatWithin(tx, { platform: 'telegram', chatId: g, chatTitle: null, isGroup: true }, 'commune', communes[i % communes.length]!.id, 'test', new Date());
    });
    telegram.enforceLimits({ perSecond: 30, groupPerMinute: 20 });
    const clock = { CLOCK_START: '2026-12-02T07:29:57+07:00' };
    const a = await start('a', { telegram: 'webhook', zalo: 'webhook' }, clock);
    const b = await start('b', { telegram: 'webhook', zalo: 'webhook' }, clock);
    balance([a, b]);
    const digests = () => telegram.calls.filter((c) => c.method === 'sendMessage' && c.ok && String(c.payload.text).includes('Bản tin hồ sơ quá hạn'));
    await until(() => digests().length >= 100, '100 digests', 120_000);
    const schedulerPid = async () => {
      const r = await store.sql.get<{ pid: unknown }>("SELECT i.pid FROM cluster_lease l JOIN cluster_instance i ON i.id = l.holder WHERE l.name = 'scheduler'");
      return r ? Number(r.pid) : null;
    };
    const holderPid = await schedulerPid();
    const victim = [a, b].find((x) => x.pid === holderPid) ?? a;
    const survivor = victim === a ? b : a;
    await victim.kill();
    bots.splice(bots.indexOf(victim), 1);
    balance([survivor]);
    const killedAt = Date.now();
    await until(async () => (await schedulerPid()) === survivor.pid, 'the scheduler lease taken over', 30_000);
    const takeover = Date.now() - killedAt;
    const chats = () => new Set(digests().map((c) => String(c.payload.chat_id)));
    await untilDrained(() => chats().size >= groups.length, () => digests().length, 'every group’s digest');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(chats().size).toBe(groups.length);
    expect(digests().length).toBeLessThanOrEqual(groups.length + 1);
    expect(telegram.limited).toBe(0);
    expect(takeover).toBeLessThan(15_000);
    process.stdout.write(`test/cluster: 500 digests over two instances, scheduler lease taken over ${takeover} ms after kill -9, ${digests().length - groups.length} duplicate(s), ${telegram.limited} 429s\n`);
    telegram.enforceLimits(null);
    await stopAll();
  }, 400_000);

  it('an import through one instance is seen by a question through another at once', async () => {
    const a = await start('a', { telegram: 'webhook', zalo: 'webhook' });
    const b = await start('b', { telegram: 'webhook', zalo: 'webhook' });
    balance([b]);
    const chat = tgChat();
    const received = async () => {
      const before = tgTexts(chat).length;
      sayTg(chat, '/xa Thượng Cốc hôm nay');
      await until(() => tgTexts(chat).length > before, 'the answer');
      return Number(/Tiếp nhận: ([\d.]+)/.exec(tgTexts(chat).at(-1)!)![1]!.replace(/\./g, ''));
    };
    const before = await received();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const rows = Array.from({ length: 3 }, (_, k) => ({
      MaHoSo: `H44.05293-CLUSTER-${Date.now()}-${k}`,
      MaDonVi: '05293',
      MaLinhVuc: 'HT',
      TenLinhVuc: 'Hộ tịch',
      KenhThucHien: 2,
      NgayTiepNhan: `${today}T08:30:00+07:00`,
      NgayHenTra: `${today}T17:00:00+07:00`,
      TrangThaiHoSo: 4,
    }));
    const push = await fetch(`${a.base}/api/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/json' }, body: JSON.stringify(rows) });
    expect(push.status).toBe(200);
    expect(await received()).toBe(before + 3);
    await stopAll();
  }, 120_000);
});
