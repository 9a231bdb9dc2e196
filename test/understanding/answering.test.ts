import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import type { ChatRef } from '../../src/core/request.js';
import type { Reply } from '../../src/core/reply.js';
import { TEXT } from '../../src/text/messages.js';
import { UNDERSTANDING_TEXT } from '../../src/text/understanding-messages.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp } from '../helpers/store.js';

const texts = (r: Reply) => r.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));

describe('answering questions in plain Vietnamese', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  const communeGroup: ChatRef = { platform: 'zalo', id: 'g-thuongcoc', kind: 'group' };
  const stranger: ChatRef = { platform: 'telegram', id: '-500', kind: 'group' };
  const leaderChat: ChatRef = { platform: 'zalo', id: 'p-leader', kind: 'private' };
  const say = (chat: ChatRef, text: string, extra: { addressed?: boolean; botNames?: string[] } = {}) =>
    app.router.handle({ text, chat, user: { id: 'u1' }, addressed: extra.addressed ?? true, ...(extra.botNames ? { botNames: extra.botNames } : {}) });

  beforeAll(async () => {
    app = await openTestApp();
    const p = app.store.prisma;
    const thuongCoc = await p.commune.findUniqueOrThrow({ where: { code: '05293' } });
    const phuTho = await p.province.findUniqueOrThrow({ where: { code: '25' } });
    await bindChat(app.store, { platform: 'zalo', chatId: communeGroup.id, chatTitle: 'Xã Thượng Cốc', isGroup: true }, 'commune', thuongCoc.id, 'test', new Date());
    await bindChat(app.store, { platform: 'zalo', chatId: leaderChat.id, chatTitle: null, isGroup: false }, 'leader', phuTho.id, 'test', new Date());
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('when a question is understood, then the reply is the command\'s own reply after one line saying how it was read', async () => {
    const question = await ask(app, 'cho em hỏi thượng cốc từ 1/7 đến 28/7/2025 thế nào ạ');
    const command = await ask(app, '/xa Thượng Cốc từ 01/07/2025 đến 28/07/2025');
    expect(question.blocks[0]).toEqual({ kind: 'text', text: 'Hiểu là: /xa Thượng Cốc từ 01/07/2025 đến 28/07/2025' });
    expect(question.blocks.slice(1)).toEqual(command.blocks);
    expect(question.status).toBe(command.status);
  });

  it('when one figure is asked, then a first sentence answers it from the reply\'s own figures', async () => {
    const online = await ask(app, 'thượng cốc từ 1/7/2025 đến 28/7/2025 bao nhiêu hồ sơ trực tuyến');
    expect(texts(online)[1]).toBe('Xã Thượng Cốc (Phú Thọ), từ 01/07/2025 đến 28/07/2025: tiếp nhận trực tuyến 229 (58,72 %).');
    const onTime = await ask(app, 'ty le dung han quyet thang tu 1/7/2025 den 28/7/2025');
    expect(texts(onTime)[1]).toBe('Xã Quyết Thắng (Phú Thọ), từ 01/07/2025 đến 28/07/2025: tỷ lệ giải quyết đúng hạn 100 %.');
    const received = await ask(app, 'yên phú từ 1/7/2025 đến 27/7/2025 nhận bn hồ sơ');
    expect(texts(received)[1]).toBe('Xã Yên Phú (Phú Thọ), từ 01/07/2025 đến 27/07/2025: tiếp nhận 603 hồ sơ.');
    const two = await ask(app, 'thượng cốc từ 1/7/2025 đến 28/7/2025 nhận bao nhiêu hồ sơ, tỷ lệ trực tuyến bao nhiêu');
    expect(texts(two)[1]).toBe('Xã Thượng Cốc (Phú Thọ), từ 01/07/2025 đến 28/07/2025: tiếp nhận trực tuyến 229 (58,72 %); tiếp nhận 390 hồ sơ.');
  });

  it('when the lowest or highest of a ranking is asked, then a first sentence names it from the ranking itself', async () => {
    const low = await ask(app, 'top xã trực tuyến thấp nhất tháng 7/2025');
    const list = low.blocks.find((b) => b.kind === 'list');
    expect(texts(low)[0]).toBe('Hiểu là: /xephang trực tuyến tháng 7/2025');
    expect(list?.kind === 'list' && texts(low)[1]).toBe(list?.kind === 'list' ? `Thấp nhất: ${list.items.at(-1)}.` : '');
    const high = await ask(app, 'xã nào quá hạn nhiều nhất');
    const highList = high.blocks.find((b) => b.kind === 'list');
    expect(texts(high)[1]).toBe(highList?.kind === 'list' ? `Cao nhất: ${highList.items[0]}.` : '');
    // A ranking asked for as a whole has no such sentence.
    expect(texts(await ask(app, 'xếp hạng đúng hạn'))[1]).toMatch(/^Kỳ: /);
  });

  it('when the chat may not run the command, then the question is refused exactly as the command is', async () => {
    const r = await say(stranger, 'bot ơi thượng cốc tháng này', { addressed: false, botNames: ['HaicapBot'] });
    expect(r?.status).toBe('denied');
    expect(texts(r!)).toEqual(['Hiểu là: /xa Thượng Cốc tháng này', TEXT.deniedUnregistered('xa')]);
    // A commune group sees only its own dossier codes, whichever way it asks.
    const other = await say(communeGroup, 'qh yên phú');
    expect(other?.status).toBe('denied');
    expect(plain(other!)).not.toContain('H44.05305');
  });

  it('when a commune group asks about a period only, then it is about its own commune', async () => {
    const r = await say(communeGroup, 'tháng 7/2025 nhận bao nhiêu hồ sơ ạ');
    expect(texts(r!)[0]).toBe('Hiểu là: /xa tháng 7/2025');
    expect(plain(r!)).toContain('Xã Thượng Cốc (Phú Thọ) · mã 05293');
  });

  it('when a question could mean several units, then the bot asks with numbered choices and a bare number picks one', async () => {
    const r = await say(leaderChat, 'so sánh thượng cốc với yên phú tháng 7/2025');
    expect(r?.choices?.options.map((o) => o.command)).toEqual(['/xa Thượng Cốc tháng 7/2025', '/xa Yên Phú tháng 7/2025']);
    expect(r?.blocks.some((b) => b.kind === 'fields')).toBe(false);
    const picked = await say(leaderChat, '2');
    expect(plain(picked!)).toContain('Xã Yên Phú (Phú Thọ) · mã 05305');
  });

  it('when the store has no data for what is asked, then the bot says what it can answer, with two examples', async () => {
    const r = await say(leaderChat, 'dân số xã thượng cốc bao nhiêu người');
    expect(texts(r!)).toEqual([UNDERSTANDING_TEXT.noData]);
    expect(plain(r!)).toContain('Ví dụ: "Thượng Cốc tháng 7/2025 nhận bao nhiêu hồ sơ?" hoặc "xã nào quá hạn nhiều nhất?"');
  });

  it('when someone greets or thanks the bot, then a short polite line in a private chat and silence in a group', async () => {
    expect(texts((await say(leaderChat, 'chào bot'))!)).toEqual([UNDERSTANDING_TEXT.greeting]);
    expect(texts((await say(leaderChat, 'cảm ơn ạ'))!)).toEqual([UNDERSTANDING_TEXT.thanks]);
    expect(await say(communeGroup, 'cảm ơn bot nhé')).toBeNull();
    expect(await say(communeGroup, 'xin chào')).toBeNull();
  });

  it('when a group message is not addressed to the bot, then it stays quiet; "bot …" or the bot\'s name addresses it', async () => {
    expect(await say(communeGroup, 'thượng cốc tháng này', { addressed: false })).toBeNull();
    const byName = await say(communeGroup, 'HaicapBot, thượng cốc tháng này', { addressed: false, botNames: ['HaicapBot'] });
    expect(texts(byName!)[0]).toBe('Hiểu là: /xa Thượng Cốc tháng này');
  });

  it('when a reply to one of the bot\'s answers names nothing, then it asks about the same subject', async () => {
    const first = await say(leaderChat, 'thượng cốc tháng 7/2025');
    const follow = await app.router.handle({
      text: 'còn tháng 8/2025 thì sao',
      chat: leaderChat,
      user: { id: 'u1' },
      addressed: true,
      replyTo: { fromBot: true, text: plain(first!) },
    });
    expect(texts(follow!)[0]).toBe('Hiểu là: /xa Thượng Cốc tháng 8/2025');
    // A reply to a command's answer finds the commune in its title.
    const command = await say(leaderChat, '/xa Yên Phú');
    const after = await app.router.handle({ text: 'tháng trước', chat: leaderChat, user: { id: 'u1' }, addressed: true, replyTo: { fromBot: true, text: plain(command!) } });
    expect(texts(after!)[0]).toBe('Hiểu là: /xa Yên Phú tháng trước');
    // Naming something else, or replying to someone else, starts afresh.
    const other = await app.router.handle({ text: 'quyết thắng', chat: leaderChat, user: { id: 'u1' }, addressed: true, replyTo: { fromBot: true, text: plain(first!) } });
    expect(texts(other!)[0]).toBe('Hiểu là: /xa Quyết Thắng');
    const notBot = await app.router.handle({ text: 'tháng trước', chat: leaderChat, user: { id: 'u1' }, addressed: true, replyTo: { fromBot: false, text: plain(first!) } });
    expect(texts(notBot!)[0]).toBe('Hiểu là: /tongquan tháng trước');
  });

  it('when an old name is asked, then the reading keeps it and the reply says where it belongs now', async () => {
    const r = await ask(app, 'van son t7/2025');
    expect(texts(r)[0]).toBe('Hiểu là: /xa Văn Sơn tháng 7/2025');
    expect(plain(r)).toContain('Văn Sơn (trước sắp xếp) nay thuộc xã Thượng Cốc');
  });

  it('when the period is wrong, then the reply says what is wrong with it ("quý 5", "999999 ngày")', async () => {
    expect(plain(await ask(app, 'thượng cốc quý 5'))).toContain('quý chỉ từ 1 đến 4');
    const days = await ask(app, 'thượng cốc 999999 ngày');
    expect(texts(days)[0]).toBe('Hiểu là: /xa Thượng Cốc 999999 ngày');
    expect(plain(days)).toContain('"999999 ngày" quá dài');
  });
});
