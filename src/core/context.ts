import type { Directory } from '../data/directory.js';
import type { VersionedCache } from '../data/versioned-cache.js';
import type { Store } from '../data/store.js';
import type { WorkingCalendar } from '../time/calendar.js';
import type { AdminId } from '../config/env-access.js';
import type { NoticeHub } from '../notify/notices.js';
import type { Clock } from './clock.js';

/** Deployment settings the handlers read (parsed from the environment once, at start). */
export interface Settings {
  /** The province this deployment serves, when it serves one (DEFAULT_PROVINCE). */
  defaultProvince: string | null;
  /** After this many hours without an import, replies warn that figures may be stale. */
  staleAfterHours: number;
  /** Administrators by platform user id (ADMIN_IDS); the console user is always one. */
  admins: AdminId[];
  /** Anyone may see aggregate figures, registered or not (PUBLIC_AGGREGATES). */
  publicAggregates: boolean;
  /** Messages a Zalo bot may send per month (ZALO_MONTHLY_QUOTA), when Zalo is configured. */
  zaloMonthlyQuota?: number;
}

/** What every handler may use: the store, the clock and the caches over the store. */
export interface AppContext {
  store: Store;
  clock: Clock;
  settings: Settings;
  /** Units, provinces, departments, sectors, working groups (cached). */
  directory: VersionedCache<Directory>;
  /** The working calendar (rules plus announced days), cached. */
  calendar: VersionedCache<WorkingCalendar>;
  /** Messages nobody asked for (to administrators, to requesters), kept until sent. */
  notices: NoticeHub;
}
