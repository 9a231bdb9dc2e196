import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/config/env.js';

describe('environment', () => {
  it('has working defaults: the embedded store with demo data', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('file:./data/haicap.db');
    expect(env.DEMO_DATA).toBe(true);
    expect(env.STALE_AFTER_HOURS).toBe(48);
  });

  it('reports every bad value on its own line, in Vietnamese, naming the variable', () => {
    try {
      parseEnv({ STALE_AFTER_HOURS: 'hai', DEMO_DATA: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const lines = (err as ConfigError).problems;
      expect(lines.find((l) => l.startsWith('STALE_AFTER_HOURS'))).toContain('số nguyên dương');
      expect(lines.find((l) => l.startsWith('DEMO_DATA'))).toContain('true hoặc false');
      expect(lines.find((l) => l.startsWith('LOG_LEVEL'))).toContain('một trong');
      expect(lines.find((l) => l.startsWith('DATABASE_URL'))).toContain('postgresql://');
    }
  });
});
