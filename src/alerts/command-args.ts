/**
 * What the alerts' commands read from their arguments: schedules (/lichbao), an end day
 * (/danhan … đến dd/MM) and silences (/tamdung <mã | xã | lĩnh vực> <thời hạn> <lý do>).
 * Each returns the value or an error code the handler words.
 */
import { foldKey } from '../names/keys.js';
import { dayFromYmd, isValidYmd, ymdOf, type Day } from '../time/day.js';
import { MAX_TIMES_PER_DAY, parseTime } from './schedule.js';

export type ScheduleCommand =
  | { kind: 'show' }
  | { kind: 'daily'; times: string[] }
  | { kind: 'weekly'; weekday: number; time: string }
  | { kind: 'enabled'; on: boolean }
  | { kind: 'all_clear'; on: boolean }
  | { kind: 'error'; code: 'bad_time' | 'bad_weekday' | 'too_many' | 'not_understood'; detail: string };

const WEEKDAY_WORDS: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };

/** Reads /lichbao's arguments. */
export function parseScheduleCommand(args: string): ScheduleCommand {
  const text = args.trim();
  const key = foldKey(text);
  if (key === '') return { kind: 'show' };
  if (['tat', 'off', 'dung', 'ngung'].includes(key)) return { kind: 'enabled', on: false };
  if (['bat', 'on', 'mo'].includes(key)) return { kind: 'enabled', on: true };
  if (/^(bao )?ca khi khong co( gi)?$/.test(key) || key === 'bao ca khi khong co') return { kind: 'all_clear', on: true };
  if (/^khong bao khi khong co( gi)?$/.test(key)) return { kind: 'all_clear', on: false };
  const weekly = /^thu\s+(\S+)(?:\s|$)/.exec(key);
  if (weekly) {
    const w = weekly[1]!;
    const weekday = /^\d+$/.test(w) ? Number(w) - 1 : (WEEKDAY_WORDS[w] ?? NaN);
    if (!(weekday >= 1 && weekday <= 6)) return { kind: 'error', code: 'bad_weekday', detail: `thứ ${text.split(/\s+/)[1] ?? ''}` };
    const rawTime = text.split(/\s+/).slice(2).filter((t) => foldKey(t) !== 'luc')[0] ?? '08:00';
    const time = parseTime(rawTime);
    if (!time) return { kind: 'error', code: 'bad_time', detail: rawTime };
    return { kind: 'weekly', weekday, time };
  }
  if (key === 'chu nhat' || key.startsWith('chu nhat ') || key.startsWith('cn ')) return { kind: 'error', code: 'bad_weekday', detail: 'Chủ nhật' };
  const words = text.replace(/^(hang ngay|hằng ngày|hàng ngày)\s*/iu, '').split(/[\s,;]+/).filter(Boolean);
  if (words.length > 0 && words.every((w) => /^\d{1,2}([:hg]\d{0,2})?$/i.test(w))) {
    const times: string[] = [];
    for (const w of words) {
      const t = parseTime(w);
      if (!t) return { kind: 'error', code: 'bad_time', detail: w };
      if (!times.includes(t)) times.push(t);
    }
    if (times.length > MAX_TIMES_PER_DAY) return { kind: 'error', code: 'too_many', detail: String(times.length) };
    return { kind: 'daily', times: times.sort() };
  }
  return { kind: 'error', code: 'not_understood', detail: text };
}

/**
 * "10/12" or "10/12/2026" as a day (a day without a year is in `today`'s year); null when it
 * is not a real date.
 */
export function parseDayText(text: string, today: Day): Day | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const y = m[3] ? Number(m[3]) : ymdOf(today).year;
  const mo = Number(m[2]);
  const d = Number(m[1]);
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** How long a silence lasts, as typed. */
export type SilenceEnd = { kind: 'for'; ms: number } | { kind: 'until_day'; text: string };

export interface SilenceArgs {
  target: string;
  end: SilenceEnd | null;
  reason: string;
}

const DURATION = /(?:^|\s)(\d{1,3})\s*(ngay|ngày|gio|giờ|h|tuan|tuần)(?=\s|$)/iu;
const UNTIL = /(?:^|\s)(?:đến|den|tới|toi)\s+(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?)(?=\s|$)/iu;

/** Splits "/tamdung Yên Phú 3 ngày mất điện" into target, end and reason. */
export function parseSilenceArgs(args: string): SilenceArgs {
  const text = args.trim();
  const until = UNTIL.exec(text);
  const dur = DURATION.exec(text);
  const hit = until && (!dur || until.index <= dur.index) ? until : dur;
  if (!hit) return { target: text, end: null, reason: '' };
  const target = text.slice(0, hit.index).trim();
  const reason = text.slice(hit.index + hit[0].length).trim();
  if (hit === until) return { target, end: { kind: 'until_day', text: until[1]! }, reason };
  const n = Number(dur![1]);
  const unit = foldKey(dur![2]!);
  const ms = unit.startsWith('tuan') ? n * 7 * 86_400_000 : unit === 'ngay' ? n * 86_400_000 : n * 3_600_000;
  return { target, end: { kind: 'for', ms }, reason };
}

/** A dossier code as the national sync writes it ("H44.05305-261019-0042"). */
export function looksLikeDossierCode(text: string): boolean {
  return /^[A-Za-z0-9.]+-\d{6}-\d{3,6}$/.test(text.trim());
}
