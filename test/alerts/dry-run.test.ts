import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsScheduler } from '../../src/alerts/scheduler.js';
import { ConfigError, parseEnv } from '../../src/config/env.js';
import { runningClock } from '../../src/core/clock.js';
import { createLogger } from '../../src/log.js';
import { alertsApp, bindGroup } from './support.js';

describe('ALERTS_DRY_RUN and CLOCK_START', () => {
  let app: Awaited<ReturnType<typeof alertsApp>>;
  beforeAll(async () => {
    app = await alertsApp('2026-12-02T07:29:00+07:00');
    const dir = await app.ctx.directory.get();
    await bindGroup(app, '-1', 'commune', [...dir.communes.values()].find((c) => c.name === 'Yên Phú')!.id);
  }, 120_000);
  afterAll(async () => app?.dispose());

  it('when dry run, then the digest is logged with its text, nothing is stored to send, and the slot is not sent again', async () => {
    const lines: string[] = [];
    const scheduler = new AlertsScheduler({ ctx: app.ctx, log: createLogger('info', (l) => lines.push(l)), dryRun: true });
    app.clock.set('2026-12-02T07:30:05+07:00');
    expect((await scheduler.tick()).sent).toBe(1);
    await scheduler.tick(new Date('2026-12-02T07:31:00+07:00'));
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; text?: string }).filter((l) => l.msg.startsWith('digest (dry run'));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.text).toMatch(/^Bản tin hồ sơ quá hạn · xã Yên Phú/);
    expect(app.sent).toEqual([]);
    expect(Number((await app.store.sql.get<{ n: unknown }>("SELECT COUNT(*) AS n FROM notice WHERE key LIKE 'digest:%'"))!.n)).toBe(0);
  });

  it('CLOCK_START starts the clock at that instant and lets it run; a bad value is refused in Vietnamese', () => {
    let real = 1_000;
    const clock = runningClock(new Date('2026-12-02T07:29:50+07:00'), () => real);
    expect(clock.now().toISOString()).toBe('2026-12-02T00:29:50.000Z');
    real += 10_000;
    expect(clock.now().toISOString()).toBe('2026-12-02T00:30:00.000Z');
    expect(parseEnv({ CLOCK_START: '2026-12-02T07:29:50+07:00' }).CLOCK_START?.toISOString()).toBe('2026-12-02T00:29:50.000Z');
    expect(() => parseEnv({ CLOCK_START: 'sáng mai' })).toThrow(ConfigError);
    expect(() => parseEnv({ CLOCK_START: 'sáng mai' })).toThrow(/CLOCK_START phải là một thời điểm ISO 8601/);
    expect(() => parseEnv({ ALERTS_DRY_RUN: 'có' })).toThrow(/ALERTS_DRY_RUN phải là true hoặc false/);
  });
});
