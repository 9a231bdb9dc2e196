/**
 * The Zalo renderer: plain text by default, numbered options and page lines instead of
 * buttons, 2,000-character messages cut on line boundaries, pictures with plain captions;
 * the markdown subset escapes what it must and keeps every message within the limit.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/channel/render/markup.js';
import { ZaloRenderer } from '../../../src/bot/zalo/renderer.js';
import { reply, type Reply } from '../../../src/core/reply.js';
import { TEXT } from '../../../src/text/messages.js';
import { visibleMarkdown } from '../../fakes/zalo-server.js';

const plain = new ZaloRenderer();
const markdown = new ZaloRenderer({ markdown: true });

const choices: Reply = {
  status: 'user_error',
  blocks: [{ kind: 'text', text: 'Có nhiều đơn vị tên "Cẩm Giàng". Bạn muốn xem đơn vị nào?' }],
  choices: {
    prompt: TEXT.pickNumber(3),
    options: [
      { label: 'Xã Cẩm Giàng (Hải Phòng)', command: '/xa 10001' },
      { label: 'Xã Cẩm Giang (Bắc Ninh)', command: '/xa 20002' },
      { label: 'Phường Cẩm Giàng (Thái Nguyên)', command: '/xa 30003' },
    ],
  },
};

describe('Zalo renderer', () => {
  it('declares Zalo’s limits: 2,000 characters, no buttons, no edits', () => {
    expect(plain.capabilities).toMatchObject({ platform: 'zalo', maxTextLength: 2000, maxCaptionLength: 2000, buttons: false, edits: false, callbackDataBytes: 0 });
  });

  it('turns choices into numbered options answered with a number', () => {
    const [m, ...rest] = plain.render(choices);
    expect(rest).toEqual([]);
    expect(m!.text).toBe(
      [
        'Có nhiều đơn vị tên "Cẩm Giàng". Bạn muốn xem đơn vị nào?',
        '',
        '1. Xã Cẩm Giàng (Hải Phòng)',
        '2. Xã Cẩm Giang (Bắc Ninh)',
        '3. Phường Cẩm Giàng (Thái Nguyên)',
        'Trả lời 1, 2 hoặc 3 để chọn.',
      ].join('\n'),
    );
    expect(m!.buttons).toBeUndefined();
  });

  it('keeps a prompt that says more than "pick one"', () => {
    const [m] = plain.render({ ...choices, choices: { prompt: 'Duyệt: /duyet DK1 · Từ chối: /tuchoi DK1 <lý do>', options: choices.choices!.options.slice(0, 2) } });
    expect(m!.text).toContain('Duyệt: /duyet DK1 · Từ chối: /tuchoi DK1 <lý do>\nTrả lời 1 hoặc 2 để chọn.');
  });

  it('says how to reach the next page: "gửi /quahan 2 để xem trang 2"', () => {
    const [m] = plain.render(reply([{ kind: 'list', items: ['a', 'b'] }], { pagination: { page: 1, pageCount: 3, command: '/quahan' } }));
    expect(m!.text).toBe('• a\n• b\n\nTrang 1/3 · gửi /quahan 2 để xem trang 2');
  });

  it('splits at 2,000 characters on line boundaries, losing nothing', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ label: `Xã số ${i}`, value: `${i * 7} hồ sơ` }));
    const messages = plain.render(reply([{ kind: 'title', text: 'Danh sách' }, { kind: 'fields', rows }]));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(2000);
    expect(messages.flatMap((m) => m.text.split('\n')).filter((l) => l !== '')).toEqual(['Danh sách', ...rows.map((r) => `${r.label}: ${r.value}`)]);
  });

  it('sends a picture with a plain caption; an overlong caption continues as text', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const caption = Array.from({ length: 500 }, (_, i) => `dòng${i}`).join('\n');
    const messages = markdown.render(reply([{ kind: 'title', text: 'Biểu đồ' }], { image: { png, caption } }));
    expect(messages[0]).toMatchObject({ text: '**Biểu đồ**', plain: 'Biểu đồ' });
    expect(messages[1]!.image?.png).toBe(png);
    expect(messages[1]!.text).toBe(messages[1]!.plain);
    const shown = messages.slice(1).map((m) => m.plain).join('\n');
    expect(shown.split('\n')).toEqual(caption.split('\n'));
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(2000);
  });

  it('writes the markdown subset: bold titles, italic notes, every special character escaped', () => {
    const hostile = 'Đặng *Vũ* _x_ ~~y~~ `z` \\ # a';
    const [m] = markdown.render(reply([{ kind: 'title', text: hostile }, { kind: 'text', text: hostile }, { kind: 'note', text: `# ${hostile}` }]));
    expect(m!.plain).toBe(`${hostile}\n\n${hostile}\n\n# ${hostile}`);
    expect(m!.text.split('\n')[0]).toBe(`**${escapeMarkdown(hostile)}**`);
    expect(m!.text.split('\n')[4]).toBe(`*\\# ${escapeMarkdown(hostile)}*`);
    expect(visibleMarkdown(m!.text)).toBe(m!.plain);
  });

  it('keeps markdown messages within 2,000 characters even when escapes lengthen them', () => {
    const stars = Array.from({ length: 400 }, () => '*_*_*').join(' ');
    const messages = markdown.render(reply([{ kind: 'title', text: 'Sao' }, { kind: 'text', text: stars }]));
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(2000);
      expect(m.plain.length).toBeLessThanOrEqual(2000);
      expect(visibleMarkdown(m.text)).toBe(m.plain);
    }
    expect(messages.map((m) => m.plain).join(' ').split(/\s+/).filter((w) => w !== '' && w !== 'Sao')).toEqual(stars.split(' '));
  });

  it('renders an empty reply as nothing', () => {
    expect(plain.render(reply([]))).toEqual([]);
    expect(markdown.render(reply([]))).toEqual([]);
  });
});
