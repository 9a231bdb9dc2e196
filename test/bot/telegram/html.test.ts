import { describe, expect, it } from 'vitest';
import { renderChunks } from '../../../src/channel/render/chunks.js';
import { blocksLines, styledLines, type Line } from '../../../src/channel/render/lines.js';
import { escapeHtml, HTML } from '../../../src/channel/render/markup.js';
import type { Block } from '../../../src/core/reply.js';
import { parseTelegramHtml } from '../../fakes/telegram-html.js';

/** Telegram's messages of some lines: the shared layout, split by visible length, in HTML. */
const renderHtmlChunks = (lines: readonly Line[], max: number) => renderChunks(lines, max, HTML).map((c) => ({ html: c.text, plain: c.plain }));

/** Parses a chunk as Telegram would, failing the test on any markup error. */
function parsed(html: string) {
  const r = parseTelegramHtml(html);
  if (!r.ok) throw new Error(`${r.error}\n${html}`);
  return r;
}

/** A small deterministic random generator for the property checks. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('escapeHtml', () => {
  it('escapes the four characters Telegram HTML reserves', () => {
    expect(escapeHtml(`<b>Đặng & "Vũ"</b>`)).toBe('&lt;b&gt;Đặng &amp; &quot;Vũ&quot;&lt;/b&gt;');
    expect(escapeHtml('Thượng Cốc')).toBe('Thượng Cốc');
  });
});

describe('blocksLines', () => {
  it('makes titles and list headings bold, notes italic, one figure per line', () => {
    const blocks: Block[] = [
      { kind: 'title', text: 'Xã Thượng Cốc' },
      { kind: 'fields', rows: [{ label: 'Tiếp nhận', value: '390 hồ sơ' }, { label: 'Trực tuyến', value: '229', indent: 1 }] },
      { kind: 'list', heading: 'Kiến nghị', items: ['Nâng cấp phần mềm'] },
      { kind: 'list', items: ['1. Xã A', '2. Xã B'], numbered: true },
      { kind: 'note', text: 'Nguồn: báo cáo' },
    ];
    const [chunk] = renderHtmlChunks(blocksLines(blocks), 4096);
    expect(chunk!.html).toBe(
      '<b>Xã Thượng Cốc</b>\n\nTiếp nhận: 390 hồ sơ\n  • Trực tuyến: 229\n\n<b>Kiến nghị</b>\n• Nâng cấp phần mềm\n\n1. Xã A\n2. Xã B\n\n<i>Nguồn: báo cáo</i>',
    );
    const r = parsed(chunk!.html);
    expect(r.text).toBe(chunk!.plain);
    expect(r.entities.map((e) => e.type)).toEqual(['bold', 'bold', 'italic']);
  });

  it('escapes every string inside and outside tags', () => {
    const hostile = '<i>x</i> & "y" <a href="z">';
    const [chunk] = renderHtmlChunks(blocksLines([{ kind: 'title', text: hostile }, { kind: 'fields', rows: [{ label: hostile, value: hostile }] }]), 4096);
    const r = parsed(chunk!.html);
    expect(r.text).toBe(`${hostile}\n\n${hostile}: ${hostile}`);
    expect(r.entities).toEqual([{ type: 'bold', offset: 0, length: hostile.length }]);
  });
});

describe('renderHtmlChunks', () => {
  it('splits by visible length on line boundaries; each chunk is valid HTML within the limit', () => {
    const lines: Line[] = [
      ...styledLines('Tiêu đề rất dài & quan trọng', 'b'),
      ...Array.from({ length: 300 }, (_, i): Line => [{ text: `Dòng ${i}: a & b < c > d "e"`, style: i % 7 === 0 ? 'i' : null }]),
    ];
    const chunks = renderHtmlChunks(lines, 500);
    expect(chunks.length).toBeGreaterThan(10);
    const out: string[] = [];
    for (const c of chunks) {
      const r = parsed(c.html);
      expect(r.text).toBe(c.plain);
      expect(r.text.length).toBeLessThanOrEqual(500);
      out.push(...r.text.split('\n'));
    }
    expect(out).toEqual(['Tiêu đề rất dài & quan trọng', ...Array.from({ length: 300 }, (_, i) => `Dòng ${i}: a & b < c > d "e"`)]);
  });

  it('counts characters after parsing: escaped text may be longer than the limit in HTML', () => {
    const [chunk, ...rest] = renderHtmlChunks(styledLines('&'.repeat(4096), null), 4096);
    expect(rest).toEqual([]);
    expect(chunk!.html.length).toBe(5 * 4096);
    expect(parsed(chunk!.html).text.length).toBe(4096);
  });

  it('cuts an overlong styled line at spaces and closes and reopens its tag in each part', () => {
    const words = Array.from({ length: 400 }, (_, i) => `từ${i}`);
    const chunks = renderHtmlChunks(styledLines(words.join(' '), 'b'), 300);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.html.startsWith('<b>') && c.html.endsWith('</b>')).toBe(true);
      expect(parsed(c.html).text.length).toBeLessThanOrEqual(300);
    }
    expect(chunks.flatMap((c) => c.plain.split(' '))).toEqual(words);
  });

  it('never produces invalid markup or loses a character, whatever the text and the limit', () => {
    const next = rng(42);
    const alphabet = ['a', 'ư', 'ợ', '&', '<', '>', '"', ' ', ' ', 'x'];
    for (let round = 0; round < 200; round++) {
      const lines: Line[] = Array.from({ length: 1 + Math.floor(next() * 30) }, () => {
        const text = Array.from({ length: Math.floor(next() * 120) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
        const style = next() < 0.3 ? 'b' : next() < 0.3 ? 'i' : null;
        return text === '' ? [] : [{ text, style }];
      });
      const max = 20 + Math.floor(next() * 200);
      const source = lines.map((l) => l.map((s) => s.text).join('')).join('\n');
      const chunks = renderHtmlChunks(lines, max);
      for (const c of chunks) {
        const r = parsed(c.html);
        expect(r.text).toBe(c.plain);
        expect(r.text.length).toBeLessThanOrEqual(max);
      }
      const visible = (t: string) => t.replace(/\s+/g, '');
      expect(chunks.map((c) => visible(c.plain)).join('')).toBe(visible(source));
    }
  });

  it('renders nothing for blank text', () => {
    expect(renderHtmlChunks([[], [{ text: '   ', style: null }]], 100)).toEqual([]);
  });
});
