/** The source of "now": the system clock in production, a fixed instant in tests and `--now`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant`. */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) };
}

/**
 * A clock that starts at `start` and runs on at the system clock's pace (CLOCK_START):
 * demos and tests begin a few seconds before a digest slot.
 */
export function runningClock(start: Date, real: () => number = Date.now): Clock {
  const offset = start.getTime() - real();
  return { now: () => new Date(real() + offset) };
}
