import { dayFromIso, endOfDayInstant } from '../../time/day.js';

/** Options of `npm run ask` and of the interactive console. */
export interface ConsoleArgs {
  message: string | null;
  json: boolean;
  chatId: string | null;
  as: string | null;
  now: Date | null;
}

/** Thrown for a bad command line, with a Vietnamese explanation. */
export class UsageError extends Error {}

export const USAGE =
  'Cách dùng: npm run ask -- [--json] [--chat <mã nhóm>] [--as <vai trò>] [--now <YYYY-MM-DD>] "<tin nhắn>"\n' +
  'Ví dụ: npm run ask -- "/xa Thượng Cốc từ 1/7/2025 đến 28/7/2025"';

/** Parses `--json --chat X --as Y --now YYYY-MM-DD "message"`. */
export function parseConsoleArgs(argv: readonly string[]): ConsoleArgs {
  const out: ConsoleArgs = { message: null, json: false, chatId: null, as: null, now: null };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`Thiếu giá trị sau ${a}.\n${USAGE}`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--chat') out.chatId = value();
    else if (a === '--as') out.as = value();
    else if (a === '--now') {
      const v = value();
      let day: number;
      try {
        day = dayFromIso(v);
      } catch {
        throw new UsageError(`Ngày "${v}" sau --now không hợp lệ; viết theo dạng YYYY-MM-DD, ví dụ 2025-07-28.`);
      }
      // The end of that day: everything done that day is done.
      out.now = endOfDayInstant(day);
    } else if (a === '--help' || a === '-h') throw new UsageError(USAGE);
    else if (a.startsWith('--')) throw new UsageError(`Không hiểu tùy chọn ${a}.\n${USAGE}`);
    else words.push(a);
  }
  out.message = words.length ? words.join(' ') : null;
  return out;
}
