/**
 * The hotline end to end over the real channels: a commune's group raises a difficulty,
 * the department's group receives it through the outbox, answers (on Telegram by replying
 * to the bot's message), the answer reaches the commune, which closes it with one press
 * (Telegram) or "1" (Zalo); asking back pauses the deadline; a redelivered update makes
 * no second item. And the same in the console channel, printed as the console shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../../src/access/bindings.js';
import { ConsoleChat } from '../../../src/bot/console/chat.js';
import type { PrintedMessage } from '../../../src/bot/console/platform.js';
import type { Store } from '../../../src/data/store.js';
import { openTestApp, TEST_DIALECT } from '../../helpers/store.js';
import { TelegramHarness, TELEGRAM_TEST_ENV } from '../telegram/harness.js';
import { ZaloHarness, ZALO_TEST_ENV } from '../zalo/harness.js';

/** Waits until `check` holds (relays travel through the outbox worker, asynchronously). */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

async function ids(store: Store): Promise<{ commune: number; dept: number; tc: number }> {
  const commune = (await store.prisma.commune.findUnique({ where: { code: '05293' } }))!.id;
  const pt = (await store.prisma.province.findUnique({ where: { code: '25' } }))!.id;
  const dept = (await store.prisma.department.findFirst({ where: { provinceId: pt, code: 'KHCN' } }))!.id;
  const tc = (await store.prisma.department.findFirst({ where: { provinceId: pt, code: 'TC' } }))!.id;
  return { commune, dept, tc };
}
const codeOf = (text: string) => /KN-\d{4}/.exec(text)![0];
const statusOf = async (store: Store, code: string) => (await store.prisma.recommendation.findUnique({ where: { code } }))!.status;

describe(`hotline over Telegram (${TEST_DIALECT})`, () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await TelegramHarness.start({ app: await openTestApp({ env: TELEGRAM_TEST_ENV }) });
  }, 180_000);
  afterAll(async () => {
    const app = h?.app;
    await h?.close();
    await app?.dispose();
  });

  it('raise → route → answer by replying → relay → close with a button; ask back; hand over', async () => {
    const xa = h.chat('group');
    const so = h.chat('group');
    const tc = h.chat('group');
    const u = await ids(h.app.store);
    const now = new Date();
    await bindChat(h.app.store, { platform: 'telegram', chatId: String(xa.id), chatTitle: 'Xã', isGroup: true }, 'commune', u.commune, 'test', now);
    await bindChat(h.app.store, { platform: 'telegram', chatId: String(so.id), chatTitle: 'Sở', isGroup: true }, 'department', u.dept, 'test', now);
    await bindChat(h.app.store, { platform: 'telegram', chatId: String(tc.id), chatTitle: 'Sở TC', isGroup: true }, 'department', u.tc, 'test', now);

    await h.say(xa, '/kiennghi Phần mềm một cửa báo lỗi khi ký số hồ sơ');
    const raised = h.server.botMessages(xa.id).at(-1)!;
    const code = codeOf(raised.text);
    expect(raised.text).toContain('Sở Khoa học và Công nghệ');
    // Another department is one press away (buttons on Telegram).
    expect(raised.replyMarkup!.inline_keyboard.flat().some((b) => b.text.endsWith('Sở khác…'))).toBe(true);

    await eventually(() => h.texts(so).some((t) => t.includes(`Kiến nghị ${code}`)), 'the card in the department group');
    const card = h.server.botMessages(so.id).find((m) => m.text.includes(`Kiến nghị ${code}`))!;
    // The department answers by replying to the card, without a command.
    await h.say(so, 'Sở đã cập nhật chứng thư số, xã ký lại giúp', { from: h.user(9001), replyTo: card.message_id });
    expect(h.texts(so).at(-1)).toContain(`Đã chuyển câu trả lời kiến nghị ${code}`);
    await eventually(() => h.texts(xa).some((t) => t.includes(`trả lời kiến nghị ${code}`)), 'the answer in the commune group');
    const answer = h.server.botMessages(xa.id).find((m) => m.text.includes(`trả lời kiến nghị ${code}`))!;
    expect(answer.text).toContain('Sở đã cập nhật chứng thư số');
    const solved = answer.replyMarkup!.inline_keyboard.flat().find((b) => b.text.endsWith('Đã giải quyết'))!;
    await h.press(xa, answer.message_id, solved.callback_data!, h.user(4242));
    expect(await statusOf(h.app.store, code)).toBe('closed');
    await eventually(() => h.texts(so).some((t) => t.includes(`xác nhận kiến nghị ${code} đã được giải quyết`)), 'the department told');

    // A second one: the department asks back, the commune answers by replying, then it is handed over.
    await h.say(xa, '/kn Máy tính của bộ phận một cửa hỏng, không quét được hồ sơ');
    const second = codeOf(h.texts(xa).at(-1)!);
    await eventually(() => h.texts(so).some((t) => t.includes(`Kiến nghị ${second}`)), 'the second card');
    await h.say(so, `/hoilai ${second} Xã cho biết máy hỏng bộ phận nào?`);
    expect(await statusOf(h.app.store, second)).toBe('asked');
    await eventually(() => h.texts(xa).some((t) => t.includes(`hỏi lại về kiến nghị ${second}`)), 'the question in the commune group');
    const question = h.server.botMessages(xa.id).find((m) => m.text.includes(`hỏi lại về kiến nghị ${second}`))!;
    await h.say(xa, 'Hỏng ổ cứng, cần thay mới', { replyTo: question.message_id });
    expect(await statusOf(h.app.store, second)).toBe('open');
    await h.say(so, `/chuyen ${second} TC Cần kinh phí mua sắm thiết bị`);
    await eventually(() => h.texts(tc).some((t) => t.includes(`Kiến nghị ${second}`) && t.includes('Chuyển từ Sở Khoa học và Công nghệ')), 'the card in the new department');
    await eventually(() => h.texts(xa).some((t) => t.includes('sang Sở Tài chính')), 'the commune told of the handover');
  });
});

describe(`hotline over Zalo (${TEST_DIALECT})`, () => {
  let h: ZaloHarness;
  beforeAll(async () => {
    h = await ZaloHarness.start({ app: await openTestApp({ env: ZALO_TEST_ENV }) });
  }, 180_000);
  afterAll(async () => {
    const app = h?.app;
    await h?.close();
    await app?.dispose();
  });

  it('numbered choices pick the department; the answer is relayed; "1" closes; a redelivered update makes no second item', async () => {
    const xa = h.chat('group');
    const so = h.chat('group');
    const u = await ids(h.app.store);
    const now = new Date();
    await bindChat(h.app.store, { platform: 'zalo', chatId: xa.id, chatTitle: 'Xã', isGroup: true }, 'commune', u.commune, 'test', now);
    await bindChat(h.app.store, { platform: 'zalo', chatId: so.id, chatTitle: 'Sở', isGroup: true }, 'department', u.dept, 'test', now);

    const update = h.server.sendText(xa, h.user(xa), '/vuongmac Đề nghị tỉnh quan tâm giúp đỡ xã nhiều hơn');
    const messageId = String((update.message as { message_id: string }).message_id);
    await h.whenHandled(messageId);
    const asked = h.texts(xa).at(-1)!;
    const code = codeOf(asked);
    expect(asked).toContain('chưa xác định được sở phụ trách');
    const khcn = /(\d+)\. Sở Khoa học và Công nghệ/.exec(asked)![1]!;
    h.server.redeliver(update);
    await h.whenHandled(messageId, 1);
    await h.say(xa, khcn);
    expect(h.texts(xa).at(-1)).toContain(`Đã gửi kiến nghị ${code} đến Sở Khoa học và Công nghệ`);
    expect(await h.app.store.prisma.recommendation.count({ where: { content: { contains: 'quan tâm giúp đỡ' } } })).toBe(1);

    await eventually(() => h.texts(so).some((t) => t.includes(`Kiến nghị ${code}`)), 'the card in the department group');
    await h.say(so, `/traloi ${code} Sở sẽ cử cán bộ xuống hỗ trợ trong tuần`);
    await eventually(() => h.texts(xa).some((t) => t.includes(`trả lời kiến nghị ${code}`)), 'the answer in the commune group');
    expect(h.texts(xa).find((t) => t.includes(`trả lời kiến nghị ${code}`))).toMatch(/1\. Đã giải quyết/);
    await h.say(xa, '1');
    expect(h.texts(xa).at(-1)).toContain(`Đã ghi nhận kiến nghị ${code} đã được giải quyết`);
    expect(await statusOf(h.app.store, code)).toBe('closed');
  });
});

describe(`hotline in the console (${TEST_DIALECT})`, () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  beforeAll(async () => {
    app = await openTestApp();
  }, 180_000);
  afterAll(async () => app?.dispose());

  it('a commune and a department, each a console chat, go through raise, answer and close', async () => {
    {
      const u = await ids(app.store);
      const now = new Date();
      await bindChat(app.store, { platform: 'console', chatId: 'xa-thuong-coc', chatTitle: null, isGroup: true }, 'commune', u.commune, 'test', now);
      await bindChat(app.store, { platform: 'console', chatId: 'so-khcn', chatTitle: null, isGroup: true }, 'department', u.dept, 'test', now);
      const printed: PrintedMessage[] = [];
      const user = { id: 'console', name: 'Nguyễn Thị Lan' };
      const deps = { router: app.router, store: app.store, log: app.log, notices: app.ctx.notices };
      const xa = new ConsoleChat(deps, { chat: { platform: 'console', id: 'xa-thuong-coc', kind: 'group' }, user }, (m) => printed.push(m));
      const so = new ConsoleChat(deps, { chat: { platform: 'console', id: 'so-khcn', kind: 'group' }, user: { id: 'so1', name: 'Trần Văn Minh' } }, (m) => printed.push(m));
      await xa.start();
      await so.start();
      const transcript: string[] = [];
      const say = async (c: ConsoleChat, text: string) => {
        const before = printed.length;
        await c.say(text);
        await new Promise((r) => setTimeout(r, 50));
        transcript.push(`[${c.identity.chat.id}] > ${text}`, ...printed.slice(before).map((m) => m.text));
        return printed.slice(before).map((m) => m.text).join('\n');
      };
      const raised = await say(xa, '/kn Phần mềm một cửa không đăng nhập được từ sáng nay, cán bộ một cửa gọi 0912 345 678 không ai nghe');
      const code = codeOf(raised);
      expect(raised).toContain('Sở Khoa học và Công nghệ');
      expect(raised).toContain('đã được che');
      expect(raised).toMatch(/console:so-khcn/);
      const answered = await say(so, `/traloi ${code} Sở đã khôi phục máy chủ lúc 10:15, xã đăng nhập lại giúp`);
      expect(answered).toContain('console:xa-thuong-coc');
      expect(answered).toContain(`Sở Khoa học và Công nghệ trả lời kiến nghị ${code}`);
      const closed = await say(xa, `/xong ${code}`);
      expect(closed).toContain(`Đã ghi nhận kiến nghị ${code}`);
      await say(xa, `/kiennghi ${code}`);
      await xa.stop();
      await so.stop();
      if (process.env.HOTLINE_TRANSCRIPT) console.log(transcript.join('\n'));
    }
  });
});
