import type { AppContext } from '../core/context.js';
import type { Choice, Reply } from '../core/reply.js';
import { isReply, userError } from '../core/reply.js';
import { unitPhrase, type Directory } from '../data/directory.js';
import { provincesWithDossiers } from '../data/figures.js';
import { findCommune, preferredProvince } from './common.js';
import { provinceFor } from './province-for.js';
import { TEXT } from '../text/messages.js';
import type { Role } from '../access/roles.js';

/** A role's unit, resolved: its id and how replies name it. */
export interface RoleUnit {
  unitId: number | null;
  label: string;
}

/** How replies name a role's unit ("xã Thượng Cốc", "Sở Nội vụ (Phú Thọ)", "tổ công tác số 10 (Phú Thọ)"). */
export function unitLabel(dir: Directory, role: Role, unitId: number | null): string {
  if (unitId === null) return role === 'admin' ? 'toàn bộ' : '—';
  switch (role) {
    case 'commune': {
      const c = dir.communes.get(unitId);
      return c ? `${unitPhrase(c)} (${c.provinceName})` : `đơn vị #${unitId}`;
    }
    case 'department': {
      const d = dir.departments.get(unitId);
      return d ? `${d.name} (${dir.provinces.get(d.provinceId)?.name ?? ''})` : `sở #${unitId}`;
    }
    case 'working_group': {
      const g = dir.workingGroups.get(unitId);
      return g ? `tổ công tác số ${g.number} (${dir.provinces.get(g.provinceId)?.name ?? ''})` : `tổ #${unitId}`;
    }
    case 'leader':
      return `tỉnh ${dir.provinces.get(unitId)?.name ?? `#${unitId}`}`;
    default:
      return 'toàn bộ';
  }
}

/**
 * Finds the unit a role is for from what was typed after the role word: a commune name or
 * code, a department name or code, a working group number, a province (leaders). Several
 * matches give choices; "#<id>" picks exactly (what the choices send).
 * `commandFor(unitText)` builds the command each choice sends.
 */
export async function resolveRoleUnit(ctx: AppContext, role: Role, text: string, commandFor: (unitText: string) => string, example: string): Promise<RoleUnit | Reply> {
  const dir = await ctx.directory.get();
  const exact = /^#(\d+)$/.exec(text.trim());
  const choices = (prompt: string, options: Choice[]): Reply => ({
    status: 'user_error',
    blocks: [{ kind: 'text', text: prompt }],
    choices: { prompt: TEXT.pickNumber(options.length), options },
  });
  switch (role) {
    case 'admin':
      return { unitId: null, label: unitLabel(dir, role, null) };
    case 'leader': {
      if (exact) return dir.provinces.has(Number(exact[1])) ? { unitId: Number(exact[1]), label: unitLabel(dir, role, Number(exact[1])) } : userError(TEXT.provinceNotFound(text), example);
      const p = await provinceFor(ctx, text, example, (x) => commandFor(`#${x.id}`));
      if (isReply(p)) return p;
      return { unitId: p.id, label: unitLabel(dir, role, p.id) };
    }
    case 'commune': {
      if (!text.trim()) return userError(TEXT.communeMissing, example);
      const found = await findCommune(ctx, text, (code) => commandFor(code));
      if (isReply(found)) return found;
      return { unitId: found.commune.id, label: unitLabel(dir, role, found.commune.id) };
    }
    case 'department': {
      if (exact) return dir.departments.has(Number(exact[1])) ? { unitId: Number(exact[1]), label: unitLabel(dir, role, Number(exact[1])) } : userError(TEXT.departmentNotFound(text), example);
      if (!text.trim()) return userError(TEXT.departmentMissing, example);
      const preferred = await preferredProvince(ctx);
      let found = dir.findDepartments(preferred?.id ?? null, text);
      if (found.length === 0 && preferred) found = dir.findDepartments(null, text);
      if (found.length === 0) return userError(TEXT.departmentNotFound(text), example);
      // As /tongquan does: without DEFAULT_PROVINCE, the one province with dossier data is the default.
      if (found.length > 1 && !preferred) {
        const withData = new Set(await provincesWithDossiers(ctx.store));
        const narrowed = found.filter((d) => withData.has(d.provinceId));
        if (withData.size === 1 && narrowed.length === 1) found = narrowed;
      }
      if (found.length === 1) return { unitId: found[0]!.id, label: unitLabel(dir, role, found[0]!.id) };
      return choices(TEXT.whichDepartment(text), found.slice(0, 10).map((d) => ({ label: unitLabel(dir, role, d.id), command: commandFor(`#${d.id}`) })));
    }
    case 'working_group': {
      if (exact) return dir.workingGroups.has(Number(exact[1])) ? { unitId: Number(exact[1]), label: unitLabel(dir, role, Number(exact[1])) } : userError(TEXT.groupNotFound(text), example);
      const m = /^(?:số\s*|so\s*)?(\d{1,3})$/iu.exec(text.trim());
      if (!m) return userError(TEXT.groupMissing, example);
      const preferred = await preferredProvince(ctx);
      const groups = [...dir.workingGroups.values()].filter((g) => g.number === Number(m[1]) && (!preferred || g.provinceId === preferred.id));
      if (groups.length === 0) return userError(TEXT.groupNotFound(m[1]!), example);
      if (groups.length === 1) return { unitId: groups[0]!.id, label: unitLabel(dir, role, groups[0]!.id) };
      return choices(TEXT.whichGroup(m[1]!), groups.map((g) => ({ label: unitLabel(dir, role, g.id), command: commandFor(`#${g.id}`) })));
    }
  }
}
