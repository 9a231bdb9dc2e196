import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/channel/render/split.js';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('Tiếp nhận: 390', 100)).toEqual(['Tiếp nhận: 390']);
  });
  it('splits on line boundaries, never inside a line, and loses nothing', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Xã số ${i}: 1.234 hồ sơ (58,72 %)`);
    const parts = splitText(lines.join('\n'), 500);
    expect(parts.every((p) => p.length <= 500)).toBe(true);
    expect(parts.join('\n').split('\n')).toEqual(lines);
  });
  it('cuts a single over-long line at a space', () => {
    const parts = splitText('từ '.repeat(100).trim(), 50);
    expect(parts.every((p) => p.length <= 50)).toBe(true);
    expect(parts.join(' ')).toBe('từ '.repeat(100).trim());
  });
});
