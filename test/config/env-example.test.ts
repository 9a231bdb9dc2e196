import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv } from '../../src/config/env.js';

const example = readFileSync(resolve(import.meta.dirname, '../../.env.example'), 'utf8');
const listed = Object.fromEntries(
  example
    .split('\n')
    .map((l) => /^([A-Z0-9_]+)=(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

describe('.env.example', () => {
  it('lists every variable the bot reads, and nothing else', () => {
    expect(Object.keys(listed).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
  it('is itself a valid configuration', () => {
    expect(() => parseEnv(listed)).not.toThrow();
  });
});
