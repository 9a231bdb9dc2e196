import { alertsSection } from './alerts.js';
import { coreSection } from './core.js';
import { importSection } from './import.js';
import { telegramSection } from './telegram.js';
import { zaloSection } from './zalo.js';

/** One benchmark section: prints as it goes, returns the figures to record. */
export interface BenchSection {
  name: string;
  title: string;
  run(print: (line: string) => void): Promise<Record<string, unknown>>;
}

/** Every section `npm run bench` runs, in order. */
export const SECTIONS: BenchSection[] = [coreSection, telegramSection, zaloSection, importSection, alertsSection];
