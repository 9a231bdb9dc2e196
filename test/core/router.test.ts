import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindChat } from '../../src/access/bindings.js';
import { parseCommand, commandKey } from '../../src/core/router.js';
import { ask, plain } from '../helpers/ask.js';
import { openTestApp } from '../helpers/store.js';

describe('parseCommand', () => {
  it('reads /cmd, /cmd@Bot and the free text after it', () => {
    expect(parseCommand('/xa Thượng Cốc')).toEqual({ name: 'xa', args: 'Thượng Cốc', forOtherBot: false });
    expect(parseCommand('/xa@HaicapBot   Thượng   Cốc ', ['haicapbot'])).toEqual({ name: 'xa', args: 'Thượng Cốc', forOtherBot: false });
    expect(parseCommand('/xa@OtherBot Thượng Cốc', ['HaicapBot'])?.forOtherBot).toBe(true);
    // A platform's display name may hold spaces and diacritics ("Bot Hải Cập" on Zalo).
    expect(parseCommand('/xa@BotHaiCap Thượng Cốc', ['Bot Hải Cập', 'haicap_bot'])?.forOtherBot).toBe(false);
    expect(parseCommand('/xa@AnyBot Thượng Cốc', [])?.forOtherBot).toBe(false);
    expect(parseCommand('xin chào')).toBeNull();
  });

  it('folds command names typed with diacritics or underscores', () => {
    expect(commandKey('Xã')).toBe('xa');
    expect(commandKey('quá_hạn')).toBe('quahan');
  });
});

describe('Router', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>;
  beforeAll(async () => {
    app = await openTestApp();
    const phuTho = await app.store.prisma.province.findUniqueOrThrow({ where: { code: '25' } });
    for (const chatId of ['z1', 'z2']) await bindChat(app.store, { platform: 'zalo', chatId, chatTitle: null, isGroup: false }, 'leader', phuTho.id, 'test', new Date());
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('accepts Vietnamese aliases: /xã, /help, /start', async () => {
    expect((await ask(app, '/xã Thượng Cốc')).status).toBe('ok');
    expect(plain(await ask(app, '/help'))).toContain('Các lệnh:');
    expect(plain(await ask(app, '/start'))).toContain('Các lệnh:');
  });

  it('accepts /cmd@ThisBot and stays quiet for /cmd@OtherBot', async () => {
    const group = { platform: 'console', id: 'test', kind: 'group' } as const;
    const mine = await app.router.handle({ text: '/xa@HaicapBot Thượng Cốc', chat: group, user: { id: '1' }, addressed: true, botNames: ['HaicapBot'] });
    expect(mine?.status).toBe('ok');
    const r = await app.router.handle({ text: '/xa@OtherBot Thượng Cốc', chat: group, user: { id: '1' }, addressed: true, botNames: ['HaicapBot'] });
    expect(r).toBeNull();
  });

  it('stays quiet for group chatter not addressed to it, and hints in a private chat', async () => {
    const group = await app.router.handle({ text: 'chào cả nhà', chat: { platform: 'telegram', id: '-2', kind: 'group' }, user: { id: '1' }, addressed: false });
    expect(group).toBeNull();
    expect(plain(await ask(app, 'chào bot'))).toContain('/giup');
  });

  it('a bare number picks from the last choices offered in that chat', async () => {
    const chat = { platform: 'zalo' as const, id: 'z1', kind: 'private' as const };
    const offer = await ask(app, '/xa Thuong Cok', chat);
    expect(offer.choices?.options[0]?.command).toBe('/xa 05293');
    const picked = await ask(app, '1', chat);
    expect(picked.status).toBe('ok');
    expect(plain(picked)).toContain('Xã Thượng Cốc');
    expect(plain(await ask(app, '7', chat))).toContain('Chỉ có 1 lựa chọn');
  });

  it('a bare number moves to that page of the last paginated list', async () => {
    const chat = { platform: 'zalo' as const, id: 'z2', kind: 'private' as const };
    const first = await ask(app, '/quahan', chat);
    expect(first.pagination?.pageCount).toBeGreaterThan(1);
    const second = await ask(app, '2', chat);
    expect(second.pagination?.page).toBe(2);
  });

  it('is the error boundary: a failing handler yields an apology, never a stack trace', async () => {
    const spec = app.router.find('xa')!;
    const original = spec.handler;
    spec.handler = async () => {
      throw new Error('boom at src/x.ts:1');
    };
    try {
      const r = await ask(app, '/xa Thượng Cốc');
      expect(plain(r)).toBe('Xin lỗi, có lỗi khi xử lý yêu cầu này. Vui lòng thử lại sau ít phút.');
    } finally {
      spec.handler = original;
    }
  });
});
