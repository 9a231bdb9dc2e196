/**
 * Overdue recommendations in the alerts' digests, escalating like dossiers: the department
 * answering an item sees it from the first working day past its deadline, the commune that
 * raised it too; the working group's chat from the policy's second level, the leaders' chat
 * from the third (the province's policy, /chinhsach).
 */
import type { Block } from '../core/reply.js';
import type { DigestSection, DigestSectionInput, PreparedSection } from '../alerts/digest.js';
import { provincePolicy } from '../alerts/alert-store.js';
import { LEVEL_ROLES, levelFor, type Level } from '../alerts/policy.js';
import { unitTitle } from '../data/directory.js';
import { dayOf, formatDay } from '../time/day.js';
import { HOTLINE_DIGEST_TEXT as T } from '../text/hotline-messages.js';
import { overdueRecommendations, type RecommendationScope } from './overdue.js';

/** Items listed in one digest at most; the rest are counted and one command away. */
const LISTED = 10;

/** The lowest level a role's digest shows: the policy's level for that role (administrators: the leaders'). */
function minLevel(role: string): Level {
  for (const level of [1, 2, 3] as const) if (LEVEL_ROLES[level].includes(role)) return level;
  return 3;
}

function scopeOf(input: DigestSectionInput): RecommendationScope | null {
  const { chat, scope } = input;
  if (chat.role === 'department') return chat.unitId === null ? null : { departmentId: chat.unitId };
  if (scope.communeIds === null && scope.provinceId === null) return null;
  return { provinceId: scope.provinceId, communeIds: scope.communeIds };
}

const NOTHING: PreparedSection = { blocks: () => [], news: false };

export const overdueRecommendationsSection: DigestSection = {
  id: 'recommendations',
  roles: ['department', 'commune', 'working_group', 'leader'],
  async prepare(input) {
    const scope = scopeOf(input);
    if (!scope) return NOTHING;
    const { ctx, snapshot, since } = input;
    const [overdue, policy, dir] = await Promise.all([
      overdueRecommendations(ctx.store, snapshot.calendar, scope, snapshot.now),
      provincePolicy(ctx.store, snapshot.provinceId),
      ctx.directory.get(),
    ]);
    const min = minLevel(input.chat.role);
    const shown = overdue.filter((o) => levelFor(o.workingDaysOverdue, policy.thresholds) >= min);
    if (shown.length === 0) return NOTHING;
    const lines = shown.slice(0, LISTED).map(({ item, workingDaysOverdue }) => {
      const communes = item.communeIds.map((id) => dir.communes.get(id)).filter((c) => c !== undefined).map((c) => unitTitle(c));
      return T.line(item.code, communes.join(', '), formatDay(dayOf(item.dueAt!)), workingDaysOverdue, levelFor(workingDaysOverdue, policy.thresholds));
    });
    const blocks = (listed: number): Block[] => {
      const n = Math.min(listed, LISTED);
      const out: Block[] = [{ kind: 'list', heading: T.heading(shown.length), items: lines.slice(0, n) }];
      if (shown.length > n) out.push({ kind: 'text', text: T.more(shown.length - n) });
      return out;
    };
    // News: an item that reached its level this working day (digests go once a working day).
    const news = since === null || shown.some((o) => {
      const level = levelFor(o.workingDaysOverdue, policy.thresholds);
      return level > 0 && o.workingDaysOverdue === policy.thresholds[level - 1];
    });
    return { blocks, news };
  },
};
