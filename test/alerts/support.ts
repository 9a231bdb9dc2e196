import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { bindChat } from '../../src/access/bindings.js';
import type { Role } from '../../src/access/roles.js';
import { parseEnv } from '../../src/config/env.js';
import type { Clock } from '../../src/core/clock.js';
import type { Notice } from '../../src/notify/notices.js';
import { silentLogger } from '../../src/log.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { openTestStore } from '../helpers/store.js';

export { ManualClock };

/** An application over a fresh store with the demo data as of `start`, on a manual clock. */
export async function alertsApp(start: string, env: Record<string, string> = {}): Promise<App & { clock: ManualClock; sent: Notice[]; dispose(): Promise<void> }> {
  const store = await openTestStore();
  const clock = new ManualClock(new Date(start).getTime());
  const app = await createApp({ env: parseEnv({ DEMO_DATA: 'true', ...env }), store, clock, log: silentLogger });
  const sent: Notice[] = [];
  await app.ctx.notices.register('telegram', async (n) => void sent.push(n));
  return Object.assign(app, {
    clock,
    sent,
    async dispose() {
      await app.instance.stop();
      await store.dispose();
    },
  });
}

/** Binds a Telegram group to a role; returns its platform-qualified key. */
export async function bindGroup(app: App, chatId: string, role: Role, unitId: number): Promise<string> {
  await bindChat(app.store, { platform: 'telegram', chatId, chatTitle: `Nhóm ${chatId}`, isGroup: true }, role, unitId, 'test', app.ctx.clock.now());
  return `telegram:${chatId}`;
}

export { mkdtempSync, rmSync, tmpdir, join };
