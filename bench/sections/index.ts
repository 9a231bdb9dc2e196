import { alertsSection } from './alerts.js';
import { chartsSection } from './charts.js';
import { clusterSection } from './cluster.js';
import { coreSection } from './core.js';
import { httpSection } from './http.js';
import { importSection } from './import.js';
import { telegramSection } from './telegram.js';
import { understandingSection } from './understanding.js';
import { zaloSection } from './zalo.js';

/** One benchmark section: prints as it goes, returns the figures to record. */
export interface BenchSection {
  name: string;
  title: string;
  run(print: (line: string) => void): Promise<Record<string, unknown>>;
  /** Runs on PostgreSQL with `--pg` or BENCH_DATABASE_URL, its figures then kept as `<name>@postgres`. */
  followsBenchStore?: true;
}

/** Every section `npm run bench` runs, in order. */
export const SECTIONS: BenchSection[] = [coreSection, telegramSection, zaloSection, importSection, httpSection, chartsSection, understandingSection, alertsSection, clusterSection];
