/**
 * What the alerts escalated, for the weekly leaders' report: dossiers whose alert reached
 * the leaders' level (3) in a scope between two instants, with the level they are at now.
 */
import type { Store } from '../data/store.js';
import { unitTitle, type Directory } from '../data/directory.js';
import type { EscalatedItem, EscalationSource } from '../reports/weekly-report.js';
import { dayOf, formatDay } from '../time/day.js';
import { ALERT_TEXT } from '../text/alerts-messages.js';
import { toDate } from '../data/sql/driver.js';

/** The level whose escalations a weekly report lists (the leaders'). */
const REPORTED_LEVEL = 3;

/** The alerts engine as the weekly report's source of escalations. */
export function alertEscalations(store: Store, directory: () => Promise<Directory>): EscalationSource {
  return {
    async escalatedBetween(scope, from, to): Promise<EscalatedItem[]> {
      if (scope.communeIds.length === 0) return [];
      const marks = scope.communeIds.map(() => '?').join(', ');
      const rows = await store.sql.all<{ code: string; commune_id: unknown; due_at: unknown; state: string }>(
        `SELECT code, commune_id, due_at, state FROM overdue_alert
         WHERE province_id = ? AND level >= ? AND level_at >= ? AND level_at < ? AND commune_id IN (${marks})
         ORDER BY due_at, code`,
        [scope.provinceId, REPORTED_LEVEL, from, to, ...scope.communeIds],
      );
      const dir = await directory();
      return rows.map((r) => {
        const commune = dir.communes.get(Number(r.commune_id));
        return { text: ALERT_TEXT.weeklyEscalated(r.code, commune ? unitTitle(commune) : '', formatDay(dayOf(toDate(r.due_at))), r.state !== 'open') };
      });
    },
  };
}
