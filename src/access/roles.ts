import { foldKey } from '../names/keys.js';

/**
 * What a chat is for. Each role sees what its work needs:
 * commune — one commune (its hotline group); department — its sectors across the province's
 * communes; working_group — its communes; leader — the province; admin — everything.
 */
export type Role = 'commune' | 'department' | 'working_group' | 'leader' | 'admin';

/** Role names in replies. */
export const ROLE_LABEL: Record<Role, string> = {
  commune: 'nhóm xã, phường',
  department: 'nhóm sở, ngành',
  working_group: 'nhóm tổ công tác',
  leader: 'lãnh đạo tỉnh',
  admin: 'quản trị',
};

/** The word users type for each role in /dangky and /gan (first one is the canonical). */
const ROLE_WORDS: [string, Role][] = [
  ['xa', 'commune'],
  ['phuong', 'commune'],
  ['dac khu', 'commune'],
  ['so', 'department'],
  ['nganh', 'department'],
  ['to', 'working_group'],
  ['to cong tac', 'working_group'],
  ['lanh dao', 'leader'],
  ['lanhdao', 'leader'],
  ['quan tri', 'admin'],
  ['quantri', 'admin'],
  ['admin', 'admin'],
];

/** The word to type for a role, e.g. in examples ("xa", "so", "to", "lanhdao", "quantri"). */
export const ROLE_WORD: Record<Role, string> = { commune: 'xa', department: 'so', working_group: 'to', leader: 'lanhdao', admin: 'quantri' };

/**
 * Reads a leading role word: "xa Thượng Cốc" → commune + "Thượng Cốc"; "sở Nội vụ" →
 * department + "Nội vụ"; "lãnh đạo" → leader. Null when the text does not start with one.
 */
export function parseRole(text: string): { role: Role; rest: string } | null {
  const words = text.trim().split(/\s+/);
  for (let n = 3; n >= 1; n--) {
    const head = foldKey(words.slice(0, n).join(' '));
    const hit = ROLE_WORDS.find(([w]) => w === head);
    if (hit && words.length >= n) return { role: hit[1], rest: words.slice(n).join(' ') };
  }
  return null;
}
