import type { Store } from '../data/store.js';
import type { CliKind } from './cli-args.js';
import { importFigures } from './figures/import-figures.js';
import { importDepartments } from './departments/import-departments.js';
import { importHolidays } from './holidays/import-holidays.js';
import type { ImportResult } from './result.js';
import type { TableImportOptions } from './table-import.js';
import { importOldUnits } from './units/import-old-units.js';
import { importUnits } from './units/import-units.js';

/** Runs one of the reference-list imports (units, the old-unit map, figures, holidays, departments). */
export function runSmallImport(kind: Exclude<CliKind, 'dossiers'>, store: Store, path: string, opts: TableImportOptions): Promise<ImportResult> {
  switch (kind) {
    case 'units':
      return importUnits(store, path, opts);
    case 'old-units':
      return importOldUnits(store, path, opts);
    case 'figures':
      return importFigures(store, path, opts);
    case 'holidays':
      return importHolidays(store, path, opts);
    case 'departments':
      return importDepartments(store, path, opts);
  }
}
