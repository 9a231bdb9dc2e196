import type { Access } from '../access/access.js';
import { dossierScope } from '../access/permissions.js';
import type { Directory } from '../data/directory.js';
import type { Store } from '../data/store.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { ACTIVE, itemsWhere, type RecommendationItem } from './items.js';
import { isOverdue } from './overdue.js';

/**
 * The items a chat's /kiennghi lists, most overdue first, then by deadline: a commune its
 * own not yet closed, a department those it answers and has not answered, a working group
 * its communes', leaders their province's, an administrator all.
 */
export async function visibleOpenItems(store: Store, access: Access, dir: Directory, calendar: WorkingCalendar, now: Date): Promise<{ item: RecommendationItem; late: number }[]> {
  const scope = dossierScope(access, dir);
  let items: RecommendationItem[];
  switch (access.role) {
    case 'commune':
      items = await itemsWhere(store, { communeIds: access.unitId === null ? [] : [access.unitId], statuses: ACTIVE });
      break;
    case 'department':
      items = access.unitId === null ? [] : await itemsWhere(store, { departmentId: access.unitId, statuses: ['open', 'asked'] });
      break;
    case 'working_group':
      items = await itemsWhere(store, { communeIds: scope.communeIds ?? [], statuses: ACTIVE });
      break;
    case 'leader':
      items = scope.provinceId === null ? [] : await itemsWhere(store, { provinceId: scope.provinceId, statuses: ACTIVE });
      break;
    case 'admin':
      items = await itemsWhere(store, { statuses: ACTIVE });
      break;
    default:
      items = [];
  }
  return items
    .map((item) => ({ item, late: isOverdue(calendar, item, now) }))
    .sort((x, y) => y.late - x.late || (x.item.dueAt?.getTime() ?? Infinity) - (y.item.dueAt?.getTime() ?? Infinity) || x.item.id - y.item.id);
}
