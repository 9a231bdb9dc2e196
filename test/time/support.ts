/** Shared helpers of the time tests: dates written the way the domain writes them. */
import { type Day, dayFromYmd } from '../../src/time/day.js';

/** `d('28/07/2025')` → the Day of 28 July 2025; throws on a malformed or impossible date. */
export function d(ddmmyyyy: string): Day {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(ddmmyyyy);
  if (!m) throw new Error(`bad test date ${ddmmyyyy}`);
  return dayFromYmd(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** Every day from `from` to `to` inclusive. */
export function daysFrom(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let x = from; x <= to; x++) out.push(x);
  return out;
}
