import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../../src/config/env.js';
import { zaloConfig } from '../../../src/config/env-zalo.js';

const TOKEN = '12345689:abc-xyz_secret';
const SECRET = 'mykey-abcyxz';

const config = (vars: Record<string, string>) => zaloConfig(parseEnv(vars));

function problems(vars: Record<string, string>): string[] {
  try {
    parseEnv(vars);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return config(vars).problems;
}

describe('Zalo settings', () => {
  it('are off without a token', () => {
    expect(config({})).toEqual({ config: null, problems: [] });
  });

  it('poll by default against the official host, plain text, 3,000 messages a month', () => {
    expect(config({ ZALO_BOT_TOKEN: TOKEN }).config).toEqual({
      mode: 'polling',
      token: TOKEN,
      apiRoot: 'https://bot-api.zaloplatforms.com',
      maxRetryWaitMs: 10_000,
      monthlyQuota: 3_000,
      markdown: false,
      publicBaseUrl: null,
    });
  });

  it('use a webhook when its URL is set; the path is served locally', () => {
    const c = config({ ZALO_BOT_TOKEN: TOKEN, ZALO_WEBHOOK_URL: 'https://bot.example.gov.vn/zalo/hook', ZALO_WEBHOOK_SECRET: SECRET }).config;
    expect(c).toMatchObject({ mode: 'webhook', webhookUrl: 'https://bot.example.gov.vn/zalo/hook', webhookPath: '/zalo/hook', secret: SECRET });
  });

  it('take the other host, a quota, markdown and the public address', () => {
    const c = config({
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_ROOT: 'https://bot-api.zapps.me/',
      ZALO_MONTHLY_QUOTA: '10000',
      ZALO_MARKDOWN: 'true',
      PUBLIC_BASE_URL: 'https://bot.example.gov.vn/',
    }).config;
    expect(c).toMatchObject({ apiRoot: 'https://bot-api.zapps.me', monthlyQuota: 10_000, markdown: true, publicBaseUrl: 'https://bot.example.gov.vn' });
  });

  it('explain each bad value in one Vietnamese line, never repeating the token', () => {
    const lines = problems({
      ZALO_BOT_TOKEN: 'not-a-token-secret',
      ZALO_MODE: 'push',
      ZALO_API_ROOT: 'ftp://x',
      ZALO_WEBHOOK_SECRET: 'ngắn',
      ZALO_MONTHLY_QUOTA: '0',
      ZALO_MARKDOWN: 'có',
      PUBLIC_BASE_URL: 'bot.example',
      ZALO_WEBHOOK_URL: 'http://bot.example.gov.vn/hook',
    });
    expect(lines).toHaveLength(8);
    for (const key of ['ZALO_BOT_TOKEN', 'ZALO_MODE', 'ZALO_API_ROOT', 'ZALO_WEBHOOK_SECRET', 'ZALO_MONTHLY_QUOTA', 'ZALO_MARKDOWN', 'PUBLIC_BASE_URL', 'ZALO_WEBHOOK_URL']) {
      expect(lines.filter((l) => l.startsWith(key))).toHaveLength(1);
    }
    expect(lines.join('\n')).not.toContain('not-a-token-secret');
  });

  it('refuse webhook settings in polling mode and a webhook without its secret', () => {
    expect(problems({ ZALO_BOT_TOKEN: TOKEN, ZALO_MODE: 'polling', ZALO_WEBHOOK_URL: 'https://a.example/h' })).toEqual([
      'ZALO_WEBHOOK_URL chỉ dùng ở chế độ webhook; bỏ biến này hoặc đặt ZALO_MODE=webhook',
    ]);
    expect(problems({ ZALO_BOT_TOKEN: TOKEN, ZALO_WEBHOOK_URL: 'https://a.example/h' })).toEqual(['ZALO_WEBHOOK_SECRET là bắt buộc ở chế độ webhook (8 đến 256 ký tự)']);
    expect(problems({ ZALO_WEBHOOK_SECRET: SECRET })).toEqual(['ZALO_BOT_TOKEN chưa được đặt, nên các biến ZALO_* khác không có tác dụng']);
  });
});
