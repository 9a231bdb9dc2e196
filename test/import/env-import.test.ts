/** INGEST_TOKENS: one Vietnamese line per bad token, never the token itself. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/config/env.js';

function problems(value: string): string[] {
  try {
    parseEnv({ INGEST_TOKENS: value });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('INGEST_TOKENS', () => {
  it('is a comma-separated list of tokens; unset or empty means no push endpoint', () => {
    expect(parseEnv({}).INGEST_TOKENS).toEqual([]);
    expect(parseEnv({ INGEST_TOKENS: ' ' }).INGEST_TOKENS).toEqual([]);
    expect(parseEnv({ INGEST_TOKENS: 'q7Vf2kR9mZp4Tx8L, 0123456789ABCDEF-_.~' }).INGEST_TOKENS).toEqual(['q7Vf2kR9mZp4Tx8L', '0123456789ABCDEF-_.~']);
  });

  it('names each bad token by position, in Vietnamese, without echoing it', () => {
    const secret = 'short1';
    const p = problems(`${secret},q7Vf2kR9mZp4Tx8L,,mã có dấu và cách 123456,q7Vf2kR9mZp4Tx8L`);
    expect(p).toEqual([
      'INGEST_TOKENS: mã thứ 1 quá ngắn (6 ký tự); mỗi mã cần ít nhất 16 ký tự',
      'INGEST_TOKENS: mã thứ 3 để trống (thừa dấu phẩy?)',
      'INGEST_TOKENS: mã thứ 4 có ký tự không dùng được; chỉ dùng chữ không dấu, chữ số và . _ ~ + / = -',
      'INGEST_TOKENS: có mã bị lặp lại',
    ]);
    expect(p.join('\n')).not.toContain(secret);
  });
});
