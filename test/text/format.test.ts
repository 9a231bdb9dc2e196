import { describe, expect, it } from 'vitest';
import { formatDateTime, formatIsoDate, formatNumber, formatPercent, formatPercentValue, formatRate } from '../../src/text/format.js';

describe('vi-VN formatting', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(156230)).toBe('156.230');
    expect(formatNumber(0)).toBe('0');
  });
  it('writes rates with a decimal comma and a spaced percent sign', () => {
    expect(formatPercent(229 / 390)).toBe('58,72 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercentValue(71.11)).toBe('71,11 %');
    expect(formatRate(1, 0)).toBe('—');
  });
  it('writes dates as dd/MM/yyyy in Vietnam time, whatever the machine zone', () => {
    expect(formatDateTime(new Date('2025-07-27T17:30:00Z'))).toBe('28/07/2025 00:30');
    expect(formatIsoDate('2025-08-15')).toBe('15/08/2025');
    expect(formatIsoDate('2025-08')).toBe('tháng 08/2025');
  });
});
