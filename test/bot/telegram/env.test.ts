import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../../src/config/env.js';
import { telegramConfig } from '../../../src/config/env-telegram.js';
import { startTelegram } from '../../../src/bot/telegram/channel.js';

const TOKEN = '123456789:AAH-abcdefghijklmnopqrstuvwxyz0123';
const SECRET = 'a-long-secret_token-0123456789';

const config = (vars: Record<string, string>) => telegramConfig(parseEnv(vars));

function problems(vars: Record<string, string>): string[] {
  try {
    parseEnv(vars);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return config(vars).problems;
}

describe('Telegram settings', () => {
  it('are off without a token', () => {
    expect(config({})).toEqual({ config: null, problems: [] });
  });

  it('poll by default, against the official API root, retrying for at most 10 s', () => {
    expect(config({ TELEGRAM_BOT_TOKEN: TOKEN }).config).toEqual({ mode: 'polling', token: TOKEN, apiRoot: 'https://api.telegram.org', maxRetryWaitMs: 10_000 });
  });

  it('use a webhook when its URL is set; the path is served locally', () => {
    const c = config({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/tg/hook', TELEGRAM_WEBHOOK_SECRET: SECRET }).config;
    expect(c).toMatchObject({ mode: 'webhook', webhookUrl: 'https://bot.example.gov.vn/tg/hook', webhookPath: '/tg/hook', secret: SECRET });
  });

  it('take another API root without a trailing slash (grammY refuses one)', () => {
    expect(config({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).config?.apiRoot).toBe('http://127.0.0.1:8081');
  });

  it('explain each bad value in one Vietnamese line, never repeating the token', () => {
    const lines = problems({ TELEGRAM_BOT_TOKEN: 'not-a-token-secret', TELEGRAM_MODE: 'push', TELEGRAM_API_ROOT: 'ftp://x', TELEGRAM_WEBHOOK_SECRET: 'ngắn', TELEGRAM_MAX_RETRY_WAIT_SECONDS: '0' });
    expect(lines.find((l) => l.startsWith('TELEGRAM_BOT_TOKEN'))).toContain('@BotFather');
    expect(lines.join('\n')).not.toContain('not-a-token-secret');
    expect(lines.find((l) => l.startsWith('TELEGRAM_MODE'))).toContain('polling hoặc webhook');
    expect(lines.find((l) => l.startsWith('TELEGRAM_API_ROOT'))).toContain('http');
    expect(lines.find((l) => l.startsWith('TELEGRAM_WEBHOOK_SECRET'))).toContain('16 đến 256');
    expect(lines.find((l) => l.startsWith('TELEGRAM_MAX_RETRY_WAIT_SECONDS'))).toContain('số nguyên dương');
  });

  it('refuse a plain-http webhook', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'http://bot.example.gov.vn/hook', TELEGRAM_WEBHOOK_SECRET: SECRET })[0]).toContain('https://');
  });

  it('refuse settings that contradict the mode', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'webhook' })).toEqual([
      expect.stringContaining('TELEGRAM_WEBHOOK_URL'),
      expect.stringContaining('TELEGRAM_WEBHOOK_SECRET là bắt buộc'),
    ]);
    expect(problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/hook' })).toEqual([expect.stringContaining('TELEGRAM_WEBHOOK_SECRET là bắt buộc')]);
    expect(problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'polling', TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/hook' })).toEqual([
      expect.stringContaining('chỉ dùng ở chế độ webhook'),
    ]);
    expect(problems({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/hook' })).toEqual([expect.stringContaining('TELEGRAM_BOT_TOKEN chưa được đặt')]);
  });

  it('stop the start with a ConfigError when they are bad', () => {
    const env = parseEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'webhook' });
    expect(() => startTelegram({ env } as Parameters<typeof startTelegram>[0])).toThrow(ConfigError);
    expect(startTelegram({ env: parseEnv({}) } as Parameters<typeof startTelegram>[0])).toBeNull();
  });
});
