// Due-date arithmetic of audit schedules, pure and in UTC. Occurrence k of a schedule is due
// `k × everyMonths` calendar months after its first due date, on the same day of the month, or on
// the month's last day when that month is shorter (31 Jan → 28 or 29 Feb → 31 Mar: each date is
// counted from the first one, so a short month never drags later dates earlier).

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many days before its due date a scheduled audit's draft is opened, unless the schedule says otherwise. */
export const DEFAULT_LEAD_DAYS = 14;
/** The most occurrences opened in one pass for one schedule (a first due date far in the past). */
export const MAX_OPEN_PER_PASS = 24;

/** Whether a year is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 0–11). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
}

/** `at` moved by whole calendar months, the day clamped to the end of a shorter month; the time of day kept. */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

export type Series = { firstDueAt: number; everyMonths: number };

/** The due date of occurrence k (0 is the first). */
export function occurrenceDue(s: Series, k: number): number {
  return addMonths(s.firstDueAt, k * s.everyMonths);
}

/** The first occurrence due strictly after `after` (or the first one when `after` is null). */
export function nextOccurrenceAfter(s: Series, after: number | null): number {
  if (after === null || after < s.firstDueAt) return s.firstDueAt;
  // jump close by months, then step: addMonths is monotonic in k
  const a = new Date(after);
  const f = new Date(s.firstDueAt);
  const monthsApart = (a.getUTCFullYear() - f.getUTCFullYear()) * 12 + a.getUTCMonth() - f.getUTCMonth();
  let k = Math.max(0, Math.floor(monthsApart / s.everyMonths) - 1);
  while (occurrenceDue(s, k) <= after) k += 1;
  return occurrenceDue(s, k);
}

/** When the draft for a due date is opened. */
export function openAt(dueAt: number, leadDays: number): number {
  return dueAt - leadDays * DAY_MS;
}

/**
 * The due dates whose drafts should exist by `now` but do not yet: every occurrence after the last
 * one opened whose opening time has come, oldest first, at most MAX_OPEN_PER_PASS.
 */
export function dueDatesToOpen(s: Series & { leadDays: number }, lastOpenedDueAt: number | null, now: number): number[] {
  const out: number[] = [];
  let due = nextOccurrenceAfter(s, lastOpenedDueAt);
  while (openAt(due, s.leadDays) <= now && out.length < MAX_OPEN_PER_PASS) {
    out.push(due);
    due = nextOccurrenceAfter(s, due);
  }
  return out;
}

/** Whether an audit due at `dueAt` and not signed is late at `now`. */
export function isOverdue(dueAt: number, signedAt: number | null, now: number): boolean {
  return signedAt === null && now > dueAt;
}

/** The UTC calendar day of a time, YYYY-MM-DD. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD as that UTC day's first millisecond, or null when it is not a real date. */
export function parseDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (mo > 11 || d < 1 || d > daysInMonth(y, mo)) return null;
  return Date.UTC(y, mo, d);
}

/** The last millisecond of a UTC day given as YYYY-MM-DD start. */
export function endOfDay(dayStart: number): number {
  return dayStart + DAY_MS - 1;
}
