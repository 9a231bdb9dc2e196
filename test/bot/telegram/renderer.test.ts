import { describe, expect, it } from 'vitest';
import { replyButtons } from '../../../src/channel/render/lines.js';
import { TELEGRAM_CAPABILITIES } from '../../../src/bot/telegram/capabilities.js';
import { TelegramRenderer } from '../../../src/bot/telegram/renderer.js';
import { reply, type Reply } from '../../../src/core/reply.js';
import { TEXT } from '../../../src/text/messages.js';
import { parseTelegramHtml } from '../../fakes/telegram-html.js';

const renderer = new TelegramRenderer();
const labels = (r: Reply) => replyButtons(r).map((row) => row.map((b) => b.label));

describe('TelegramRenderer', () => {
  it('declares Telegram’s limits', () => {
    expect(TELEGRAM_CAPABILITIES).toMatchObject({ maxTextLength: 4096, maxCaptionLength: 1024, callbackDataBytes: 64, buttons: true, edits: true, markup: 'html' });
  });

  it('turns choices into one button per option, numbered as the prompt says', () => {
    const r: Reply = {
      status: 'user_error',
      blocks: [{ kind: 'text', text: 'Bạn muốn xem đơn vị nào?' }],
      choices: { prompt: TEXT.pickNumber(2), options: [{ label: 'Xã Cẩm Giàng (Hải Phòng)', command: '/xa 10001' }, { label: 'Xã Cẩm Giang (Bắc Ninh)', command: '/xa 20002' }] },
    };
    const [m, ...rest] = renderer.render(r);
    expect(rest).toEqual([]);
    expect(m!.plain).toBe(`Bạn muốn xem đơn vị nào?\n\n${TEXT.pickNumber(2)}`);
    expect(m!.buttons).toEqual([
      [{ label: '1. Xã Cẩm Giàng (Hải Phòng)', action: { kind: 'run', command: '/xa 10001' } }],
      [{ label: '2. Xã Cẩm Giang (Bắc Ninh)', action: { kind: 'run', command: '/xa 20002' } }],
    ]);
  });

  it('adds the page row ‹ Trang n/N › with arrows only where there is a page to go to', () => {
    const page = (p: number, n: number) => reply([{ kind: 'text', text: 'x' }], { pagination: { page: p, pageCount: n, command: '/quahan' } });
    expect(labels(page(1, 3))).toEqual([['Trang 1/3', '›']]);
    expect(labels(page(2, 3))).toEqual([['‹', 'Trang 2/3', '›']]);
    expect(labels(page(3, 3))).toEqual([['‹', 'Trang 3/3']]);
    expect(labels(page(1, 1))).toEqual([]);
    expect(replyButtons(page(2, 3))[0]).toEqual([
      { label: '‹', action: { kind: 'page', command: '/quahan', page: 1 } },
      { label: 'Trang 2/3', action: { kind: 'noop' } },
      { label: '›', action: { kind: 'page', command: '/quahan', page: 3 } },
    ]);
  });

  it('puts the buttons under the last message of a split reply', () => {
    const long = reply([{ kind: 'list', items: Array.from({ length: 500 }, (_, i) => `Hồ sơ số ${i} của xã Thượng Cốc`) }], {
      pagination: { page: 1, pageCount: 2, command: '/quahan' },
    });
    const messages = renderer.render(long);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.slice(0, -1).every((m) => m.buttons === undefined)).toBe(true);
    expect(messages.at(-1)!.buttons).toHaveLength(1);
    for (const m of messages) {
      const r = parseTelegramHtml(m.text);
      expect(r.ok && r.text.length <= 4096).toBe(true);
    }
  });

  it('sends a picture with its caption, continuing an overlong caption in text messages', () => {
    const caption = Array.from({ length: 100 }, (_, i) => `Xã ${i}: ${i} %`).join('\n');
    const messages = renderer.render(reply([{ kind: 'title', text: 'Biểu đồ' }], { image: { png: new Uint8Array([1, 2]), caption } }));
    expect(messages[0]!.plain).toBe('Biểu đồ');
    expect(messages[1]!.image).toBeDefined();
    expect(messages[1]!.plain.length).toBeLessThanOrEqual(1024);
    expect(messages.slice(1).map((m) => m.plain).join('\n')).toBe(caption);
  });

  it('honours smaller limits (another platform, or a test)', () => {
    const small = new TelegramRenderer({ ...TELEGRAM_CAPABILITIES, maxTextLength: 50 });
    const messages = small.render(reply([{ kind: 'fields', rows: Array.from({ length: 10 }, (_, i) => ({ label: `Mục ${i}`, value: '123' })) }]));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.plain.length).toBeLessThanOrEqual(50);
  });
});
