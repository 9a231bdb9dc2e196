import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/delivery/pacer.js';
import { Supervisor } from '../../src/delivery/supervisor.js';
import { createLogger } from '../../src/log.js';

describe('Supervisor', () => {
  it('logs a failure of work it was handed, and waits for work started while draining', async () => {
    const lines: string[] = [];
    const s = new Supervisor(createLogger('debug', (l) => lines.push(l)));
    let done = 0;
    s.run('job', async () => {
      await new Promise((r) => setTimeout(r, 5));
      s.run('follow-up', async () => {
        await new Promise((r) => setTimeout(r, 5));
        done++;
      });
      done++;
    });
    s.run('broken', async () => {
      throw new Error('boom');
    }, { update: 7 });
    s.run('sync throw', () => {
      throw new Error('sync');
    });
    await s.drain();
    expect(done).toBe(2);
    expect(s.size).toBe(0);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['sync throw failed', 'broken failed']);
    expect(JSON.parse(lines[1]!).update).toBe(7);
  });
});

describe('Pacer', () => {
  const pacer = () => new Pacer({ perChatIntervalMs: 1000, groupPerMinute: 3, perSecond: 2 });
  it('spaces messages to one chat', () => {
    const p = pacer();
    p.record('a', false, 0);
    expect(p.waitFor('a', false, 400)).toBe(600);
    expect(p.waitFor('b', false, 400)).toBe(0);
  });
  it('limits a group per minute and everything per second', () => {
    const p = pacer();
    p.record('g', true, 0);
    p.record('g', true, 1000);
    p.record('g', true, 2000);
    // Windows are held a little longer than the platform's (60.5 s, 1.04 s): a message
    // counted on arrival may arrive later than the one before it.
    expect(p.waitFor('g', true, 3000)).toBe(57_500);
    const q = pacer();
    q.record('a', false, 0);
    q.record('b', false, 100);
    expect(q.waitFor('c', false, 200)).toBe(840);
    expect(q.room(200)).toBe(0);
    expect(q.room(1_040)).toBe(1);
  });
});
