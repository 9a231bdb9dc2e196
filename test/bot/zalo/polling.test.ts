/**
 * The real Zalo channel in long-polling mode against the fake Bot API: private chats and
 * groups, empty polls, one update per call, numbered choices and pages answered with a
 * number, stickers and mentions, pictures fetched by URL from the bot's own server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import { ZALO_TEXT } from '../../../src/text/messages.js';
import { FakeZaloServer } from '../../fakes/zalo-server.js';
import { openCommand } from '../contract/adapter-contract.js';
import { TEST_DIALECT } from '../../helpers/store.js';
import { openZaloTestApp, ZaloHarness, type TestApp } from './harness.js';

let app: TestApp;
let h: ZaloHarness;

beforeAll(async () => {
  app = await openZaloTestApp();
  h = await ZaloHarness.start({ app });
});
afterAll(async () => {
  await h?.close();
  await app?.dispose();
});

describe(`Zalo long polling (${TEST_DIALECT})`, () => {
  it('answers /xa in a private chat in plain text with the published figures', async () => {
    const chat = h.chat();
    await h.say(chat, '/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025');
    const [m, ...rest] = h.server.botMessages(chat.id);
    expect(rest).toEqual([]);
    expect(m!.parseMode).toBeNull();
    expect(m!.text).toContain('Tiếp nhận: 390 hồ sơ');
    expect(m!.text).toContain('Trực tuyến: 229 (58,72 %)');
  });

  it('polls with a timeout of at least 1 second, never 0, and survives empty polls (408)', async () => {
    const polls = () => h.server.calls.filter((c) => c.method === 'getUpdates');
    const before = polls().filter((c) => c.status === 408).length;
    await h.server.waitFor(() => polls().filter((c) => c.status === 408).length >= before + 3, 10_000, 'three empty polls');
    expect(h.server.zeroTimeoutPolls).toBe(0);
    expect(polls().every((c) => Number(c.payload.timeout) >= 1)).toBe(true);
    const chat = h.chat();
    await h.say(chat, '/giup');
    expect(h.texts(chat)[0]).toContain('Các lệnh:');
  });

  it('takes updates one per call and answers a burst from several chats, each in order', async () => {
    const chats = Array.from({ length: 5 }, () => h.chat());
    const ids: string[] = [];
    for (const chat of chats) {
      for (const text of ['/xa Thượng Cốc', '/giup', '/xa Yên Phú']) ids.push(String((h.server.sendText(chat, h.user(chat), text).message as { message_id: string }).message_id));
    }
    for (const id of ids) await h.whenHandled(id);
    for (const chat of chats) {
      const texts = h.texts(chat);
      expect(texts).toHaveLength(3);
      expect(texts[0]).toContain('Xã Thượng Cốc');
      expect(texts[1]).toContain('Các lệnh:');
      expect(texts[2]).toContain('Xã Yên Phú');
    }
    expect(h.server.queued).toBe(0);
  });

  it('offers numbered choices and runs the one answered by number', async () => {
    const chat = h.chat();
    await h.say(chat, '/xa Thượng Cố');
    const offer = h.texts(chat)[0]!;
    expect(offer).toMatch(/\n1\. .+\n/);
    expect(offer).toMatch(/Trả lời (1|1, 2|[\d, ]+ hoặc \d+|một số từ 1 đến \d+) để chọn\./);
    await h.say(chat, '1');
    expect(h.texts(chat)[1]).toContain('Xã Thượng Cốc');
  });

  it('pages /quahan with "gửi /quahan 2 để xem trang 2", answered by command or by number', async () => {
    const chat = h.chat();
    await h.say(chat, '/quahan');
    const first = h.texts(chat)[0]!;
    const hint = /Trang 1\/(\d+) · gửi (\/quahan[^\n]*) 2 để xem trang 2/.exec(first);
    expect(hint).not.toBeNull();
    await h.say(chat, `${hint![2]} 2`);
    expect(h.texts(chat)[1]).toContain(`Trang 2/${hint![1]}`);
    await h.say(chat, '1');
    expect(h.texts(chat)[2]).toContain(`Trang 1/${hint![1]}`);
  });

  it('in a group answers a message that @mentions it, with the mention stripped', async () => {
    const group = h.chat('group');
    await h.say(group, '@Bot Haicap /xa Thượng Cốc');
    await h.say(group, '@Bot Haicap');
    const texts = h.texts(group);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Xã Thượng Cốc');
    expect(texts[1]).toContain('Các lệnh:');
  });

  it('gives a hint for a sticker in a private chat and says nothing in a group, never an error', async () => {
    const chat = h.chat();
    const group = h.chat('group');
    for (const u of [h.server.sendSticker(chat, h.user(chat)), h.server.sendImage(chat, h.user(chat), 'hoá đơn'), h.server.sendSticker(group, h.user(group)), h.server.sendUnsupported(chat, h.user(chat))]) {
      await h.whenHandled(String((u.message as { message_id: string }).message_id));
    }
    expect(h.texts(chat)).toEqual([ZALO_TEXT.onlyText, ZALO_TEXT.onlyText]);
    expect(h.texts(group)).toEqual([]);
    expect(h.logs.records().filter((r) => r.level === 'error')).toEqual([]);
  });

  it('ignores unknown events quietly', async () => {
    const chat = h.chat();
    const u = h.server.injectUpdate({ event_name: 'message.reaction.received', message: h.server.message(chat, h.user(chat), { text: '/giup' }) });
    await h.whenHandled(String((u.message as { message_id: string }).message_id));
    expect(h.texts(chat)).toEqual([]);
  });

  it('never logs the token or a message’s text', () => {
    expect(h.logs.text).not.toContain(h.server.token.split(':')[1]!);
    expect(h.logs.text).not.toContain('Thượng Cốc');
  });
});

describe(`Zalo pictures (${TEST_DIALECT})`, () => {
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3, 4]);
  const chart = openCommand('bieudo', async () => reply([{ kind: 'title', text: 'Tỷ lệ trực tuyến' }], { image: { png, caption: 'Biểu đồ tỷ lệ trực tuyến tháng 7/2025' } }));

  it('sends a picture by a public URL of the bot’s own server, which Zalo fetches', async () => {
    const p = await ZaloHarness.start({ app, commands: [chart] });
    try {
      const chat = p.chat();
      await p.say(chat, '/bieudo');
      const [title, photo] = p.server.botMessages(chat.id);
      expect(title!.text).toBe('Tỷ lệ trực tuyến');
      expect(photo!.method).toBe('sendPhoto');
      expect(photo!.text).toBe('Biểu đồ tỷ lệ trực tuyến tháng 7/2025');
      expect(photo!.photo).toMatch(new RegExp(`^${p.localBase}/zalo/images/[A-Za-z0-9_-]{24}\\.png$`));
      expect(new Uint8Array(photo!.photoBytes!)).toEqual(png);
      // Another id, or a guess, finds nothing.
      expect((await fetch(`${p.localBase}/zalo/images/${'A'.repeat(24)}.png`)).status).toBe(404);
      expect((await fetch(`${p.localBase}/zalo/images/../healthz`)).status).toBe(404);
    } finally {
      await p.close();
    }
  });

  it('without PUBLIC_BASE_URL sends the caption and says why there is no picture', async () => {
    const p = await ZaloHarness.start({ app, commands: [chart], pictures: false });
    try {
      const chat = p.chat();
      await p.say(chat, '/bieudo');
      const texts = p.texts(chat);
      expect(texts[1]).toBe(`Biểu đồ tỷ lệ trực tuyến tháng 7/2025\n\n${ZALO_TEXT.imageUnavailable}`);
      expect(p.server.succeeded('sendPhoto')).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe(`Zalo start-up (${TEST_DIALECT})`, () => {
  it('removes a webhook left from webhook mode before polling', async () => {
    const server = await FakeZaloServer.start();
    const p0 = await ZaloHarness.start({ app, server, mode: 'webhook' });
    await p0.close();
    expect(server.webhook).not.toBeNull();
    const p = await ZaloHarness.start({ app, server });
    try {
      expect(server.webhook).toBeNull();
      const chat = p.chat();
      await p.say(chat, '/giup');
      expect(p.texts(chat)).toHaveLength(1);
    } finally {
      await p.close();
      await server.close();
    }
  });

  it('treats an empty poll answered with HTTP 200 (not 408) as no update, too', async () => {
    const server = await FakeZaloServer.start({ errorStatus: '200', msPerPollSecond: 5 });
    const p = await ZaloHarness.start({ app, server });
    try {
      await server.waitFor(() => server.calls.filter((c) => c.method === 'getUpdates' && c.status === 200 && c.errorCode === 408).length >= 3, 10_000, 'empty polls');
      const chat = p.chat();
      await p.say(chat, '/giup');
      expect(p.texts(chat)).toHaveLength(1);
      expect(p.logs.records().filter((r) => r.msg === 'zalo poll failed')).toEqual([]);
    } finally {
      await p.close();
      await server.close();
    }
  });

  it('refuses to start with a token Zalo does not accept, saying so in Vietnamese', async () => {
    const server = await FakeZaloServer.start();
    try {
      await expect(ZaloHarness.start({ app, server: Object.assign(Object.create(server) as FakeZaloServer, { token: '777777:wrong-token' }) })).rejects.toThrow(
        'Zalo không chấp nhận ZALO_BOT_TOKEN (401)',
      );
    } finally {
      await server.close();
    }
  });
});
