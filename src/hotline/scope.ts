import type { Access } from '../access/access.js';
import type { Directory } from '../data/directory.js';
import type { RecommendationItem } from './items.js';

/**
 * How a chat stands to a recommendation: the commune that raised it, the department
 * answering it now, another department named on it, the working group or the leaders
 * over its communes, an administrator, or nobody (out of scope).
 */
export type Relation = 'commune' | 'department' | 'co_department' | 'group' | 'leader' | 'admin' | 'none';

export function relationTo(access: Access, item: RecommendationItem, dir: Directory): Relation {
  const id = access.unitId;
  switch (access.role) {
    case 'admin':
      return 'admin';
    case 'commune':
      return id !== null && item.communeIds.includes(id) ? 'commune' : 'none';
    case 'department':
      if (id === null) return 'none';
      if (item.departmentId === id) return 'department';
      return item.departmentIds.includes(id) ? 'co_department' : 'none';
    case 'working_group': {
      if (id === null) return 'none';
      const mine = new Set(dir.communesOfGroup(id).map((c) => c.id));
      return item.communeIds.some((c) => mine.has(c)) ? 'group' : 'none';
    }
    case 'leader':
      return id !== null && item.provinceId === id ? 'leader' : 'none';
    default:
      return 'none';
  }
}

/** Whether the relation may see the item and its history. */
export function maySee(r: Relation): boolean {
  return r !== 'none';
}
