import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { renderPlain } from '../../src/bot/render/plain.js';
import { openTestApp, TEST_DIALECT } from '../helpers/store.js';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;

async function ask(text: string): Promise<Reply> {
  const r = await app.router.handle({
    text,
    chat: { platform: 'console', id: 'test', kind: 'private' },
    user: { id: 'tester' },
    addressed: true,
  });
  if (!r) throw new Error('no reply');
  return r;
}

const text = (r: Reply) => renderPlain(r);

beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.dispose();
});

describe(`/xa on the demo store (${TEST_DIALECT})`, () => {
  it('reproduces seed 001 for Thượng Cốc: 390 received, 229 online (58,72 %), none overdue', async () => {
    const out = text(await ask('/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025'));
    expect(out).toContain('Tiếp nhận: 390 hồ sơ');
    expect(out).toContain('Trực tuyến: 229 (58,72 %)');
    expect(out).toMatch(/Đang giải quyết \(đến hết 28\/07\/2025\): \d+\n  • Trong hạn: \d+\n  • Quá hạn: 0/);
  });
});
