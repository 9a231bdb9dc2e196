import { describe, expect, it } from 'vitest';
import { generateDemoDossiers, solveOnlineCounts } from '../../src/demo/dossiers.js';
import { DEMO_COMMUNES, DEMO_SECTORS } from '../../src/demo/catalog.js';
import { closedAtOf, dossierProblem } from '../../src/domain/dossier.js';
import { WorkingCalendar } from '../../src/time/calendar.js';
import { DEMO_NOW } from '../helpers/store.js';

const ctx = {
  now: DEMO_NOW,
  calendar: new WorkingCalendar(),
  communeIds: new Map(DEMO_COMMUNES.map((c, i) => [c.code, i + 1])),
  sectorIds: new Map(DEMO_SECTORS.map((s, i) => [s.code, i + 1])),
};

describe('demo dossier generator', () => {
  const dossiers = generateDemoDossiers(ctx);

  it('is deterministic: the same moment gives the same records', () => {
    const again = generateDemoDossiers(ctx);
    expect(again).toEqual(dossiers);
  });

  it('makes only consistent records with unique codes, received from 01/07/2025 until now', () => {
    expect(dossiers.length).toBeGreaterThan(30_000);
    expect(new Set(dossiers.map((d) => d.code)).size).toBe(dossiers.length);
    for (const d of dossiers) {
      expect(dossierProblem(d)).toBeNull();
      expect(d.receivedAt.getTime()).toBeLessThan(DEMO_NOW.getTime());
      expect(d.receivedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(2025, 5, 30, 17));
      const closed = closedAtOf(d);
      if (closed) expect(closed.getTime()).toBeLessThanOrEqual(DEMO_NOW.getTime());
    }
  });

  it('carries no personal data: only codes, dates, statuses and counts', () => {
    const keys = new Set(dossiers.flatMap((d) => Object.keys(d)));
    expect([...keys].sort()).toEqual(
      ['channel', 'code', 'communeId', 'dueAt', 'processedAt', 'receivedAt', 'returnedAt', 'sectorId', 'status', 'supplementCount', 'supplementDays'].sort(),
    );
  });

  it('leaves the day\'s statuses as of the moment it describes (no dossier received in the future)', () => {
    const earlier = generateDemoDossiers({ ...ctx, now: new Date('2025-07-28T10:00:00Z') });
    expect(earlier.every((d) => d.receivedAt.getTime() < Date.parse('2025-07-28T10:00:00Z'))).toBe(true);
    expect(earlier.some((d) => closedAtOf(d) === null)).toBe(true);
  });
});

describe('solveOnlineCounts', () => {
  it('finds counts whose mean rate and pooled rate both show the target', () => {
    const totals = [2500, 1800, 2100, 1600, 1900, 1500];
    const base = totals.map((n) => Math.round(n * 0.9586));
    const online = solveOnlineCounts(totals, base, 95.86);
    const mean = online.reduce((s, x, i) => s + x / totals[i]!, 0) / totals.length;
    const pooled = online.reduce((s, x) => s + x, 0) / totals.reduce((s, x) => s + x, 0);
    expect((mean * 100).toFixed(2)).toBe('95.86');
    expect((pooled * 100).toFixed(2)).toBe('95.86');
  });
});
