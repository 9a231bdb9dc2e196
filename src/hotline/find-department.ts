import type { DepartmentInfo, Directory } from '../data/directory.js';

/**
 * Reads a department at the start of a text and what follows it (the reason): "TC vì …",
 * "Sở Tài chính vì …", "tai chinh …". The longest leading run of words that names exactly
 * one department of the province wins. Null when none does.
 */
export function leadingDepartment(dir: Directory, provinceId: number, text: string): { department: DepartmentInfo; rest: string } | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let n = Math.min(words.length, 10); n >= 1; n--) {
    const head = words.slice(0, n).join(' ').replace(/[,:;.]+$/, '');
    const found = dir.findDepartments(provinceId, head);
    if (found.length === 1) return { department: found[0]!, rest: words.slice(n).join(' ').replace(/^[,:;.\-–]+\s*/, '') };
  }
  return null;
}

/** A province's departments in name order. */
export function provinceDepartments(dir: Directory, provinceId: number): DepartmentInfo[] {
  return [...dir.departments.values()].filter((d) => d.provinceId === provinceId).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
