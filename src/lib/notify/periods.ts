// Calendar arithmetic of reminders: days, weeks and the daily digest hour, all in UTC.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;
/** The hour (UTC) at which people who chose "one digest a day" get it. */
export const DIGEST_HOUR_UTC = 6;
// 1970-01-05 was a Monday: weeks counted from there start on Monday 00:00 UTC
const FIRST_MONDAY = 4 * DAY_MS;

/** The number of the calendar week (Monday to Sunday, UTC) that contains `at`. */
export function weekNumber(at: number): number {
  return Math.floor((at - FIRST_MONDAY) / WEEK_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function wholeDays(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

/** When a notification made at `now` may go into a mail: at once, or at the next digest hour. */
export function deliverAfter(digest: 'immediate' | 'daily', now: number): number {
  if (digest === 'immediate') return now;
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const today = dayStart + DIGEST_HOUR_UTC * 3600 * 1000;
  return now <= today ? today : today + DAY_MS;
}
