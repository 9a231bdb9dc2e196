/**
 * Which command a reading becomes: one row per command, tried in order; the first whose
 * `applies` holds builds the arguments. A row for a command the bot does not run is skipped,
 * so a new command joins free-form questions by adding its row here.
 */
import type { DepartmentInfo, SectorInfo } from '../data/directory.js';
import type { Role } from '../access/roles.js';
import type { UnitRecord } from '../names/types.js';
import type { Reading } from './reading.js';

/** One concrete reading: at most one unit and one period chosen. */
export interface Pick {
  reading: Reading;
  unit?: UnitRecord;
  /** The unit as the command should be given it (a name that resolves back to it, or its code). */
  unitArg?: string;
  /** The period as the command should be given it ("tháng 7/2025"); empty when none was asked. */
  periodArg: string;
  /** The chat's role: in a commune's group "/xa" alone means that commune. */
  role: Role | null;
}

export interface Intent {
  command: string;
  applies(p: Pick): boolean;
  /** The command's arguments. */
  args(p: Pick): string;
}

const join = (...parts: (string | undefined)[]) => parts.filter((x) => x !== undefined && x !== '').join(' ');

const hasPlace = (p: Pick) => p.unit !== undefined || p.reading.unknownUnits.length > 0;
const named = (p: Pick, r = p.reading) =>
  hasPlace(p) || r.provinces.length > 0 || r.departments.length > 0 || r.sectors.length > 0 || r.groups.length > 0 || r.leaders.length > 0;
const METRICS = ['online', 'direct', 'on_time', 'late', 'received', 'resolved', 'in_progress', 'paused', 'due_soon', 'returned', 'rate', 'count', 'dossier'] as const;
/** States of a dossier other than overdue: a list of "hồ sơ nào sắp đến hạn" is not the overdue list. */
const OTHER_STATES = ['due_soon', 'paused', 'returned', 'in_progress', 'received', 'resolved', 'online', 'direct', 'on_time'] as const;
// "bao nhiêu" or "tỷ lệ" alone does not say of what.
const asksFigures = (r: Reading) => METRICS.some((c) => c !== 'count' && c !== 'rate' && r.cues.has(c)) || r.periods.length > 0 || r.cues.has('position');

function departmentArg(d: DepartmentInfo[] | undefined): string | undefined {
  return d?.[0]?.name;
}
function sectorArg(s: SectorInfo[] | undefined): string | undefined {
  return s?.[0] ? s[0].name : undefined;
}
function unitText(p: Pick): string | undefined {
  return p.unitArg ?? p.reading.unknownUnits[0];
}

function metricWord(r: Reading): string {
  if (r.cues.has('late')) return 'quá hạn';
  if (r.cues.has('on_time')) return 'đúng hạn';
  return 'trực tuyến';
}

/** The rows, in order of precedence. */
export const INTENTS: readonly Intent[] = [
  {
    command: 'giup',
    applies: (p) =>
      p.reading.cues.has('register') || (p.reading.cues.has('definition') && !named(p)) || (p.reading.cues.has('help') && !named(p) && !asksFigures(p.reading)),
    args: () => '',
  },
  {
    command: 'capnhat',
    applies: (p, r = p.reading) => r.cues.has('update') && !named(p) && !METRICS.some((c) => r.cues.has(c)) && r.periods.length === 0,
    args: () => '',
  },
  {
    // Only ever a list: "/kiennghi <text>" would raise a new recommendation. A question
    // naming a commune falls to /xa, whose figures count its open recommendations.
    command: 'kiennghi',
    applies: (p) => p.reading.cues.has('recommendation') && !hasPlace(p),
    args: (p) => (p.role === 'commune' || p.role === 'department' || p.role === 'working_group' ? '' : 'tong'),
  },
  {
    command: 'to',
    applies: (p, r = p.reading) => r.groups.length > 0 || r.leaders.length > 0 || (r.cues.has('group') && !hasPlace(p) && p.role === 'working_group'),
    args: (p) => join(String(p.reading.groups[0] ?? p.reading.leaders[0]?.[0]?.number ?? ''), p.periodArg),
  },
  {
    command: 'xephang',
    applies: (p, r = p.reading) =>
      !hasPlace(p) && (r.cues.has('rank') || r.cues.has('low_first') || r.cues.has('high_first') || (r.cues.has('position') && r.provinces.length === 0)),
    args: (p) => join(metricWord(p.reading), p.reading.provinces[0]?.name, p.periodArg),
  },
  {
    command: 'quahan',
    applies: (p, r = p.reading) =>
      ((r.cues.has('late') || (r.cues.has('list') && !OTHER_STATES.some((c) => r.cues.has(c)))) && r.periods.length === 0 && !r.cues.has('rate') && r.provinces.length === 0) ||
      ((r.departments.length > 0 || r.sectors.length > 0) && !hasPlace(p)),
    args: (p) => join(unitText(p) ?? departmentArg(p.reading.departments[0]) ?? sectorArg(p.reading.sectors[0])),
  },
  {
    command: 'xa',
    applies: (p, r = p.reading) =>
      hasPlace(p) || (p.role === 'commune' && r.provinces.length === 0 && !r.cues.has('overview') && (asksFigures(r) || r.cues.has('own'))),
    args: (p) => join(unitText(p), p.periodArg),
  },
  {
    command: 'tongquan',
    applies: ({ reading: r }) => r.provinces.length > 0 || r.cues.has('overview') || asksFigures(r),
    args: (p) => join(p.reading.provinces[0]?.name, p.periodArg),
  },
];
