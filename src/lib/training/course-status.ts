// Where a person stands on one course: pure, from their assignment, completions, progress and the time.

export const courseStatuses = ['not_assigned', 'assigned', 'in_progress', 'completed', 'overdue', 'expired'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

/** Days after a completion expires before recertification is overdue. */
export const RECERTIFICATION_GRACE_DAYS = 30;
export const RECERTIFICATION_GRACE_MS = RECERTIFICATION_GRACE_DAYS * 24 * 60 * 60 * 1000;
/** How far ahead the home page looks for training falling due. */
export const DUE_SOON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type StatusInput = {
  assignment: { dueAt: number } | null;
  /** The person's most recent completion of the course, on any version. */
  latestCompletion: { completedAt: number; expiresAt: number | null } | null;
  lessonsRead: number;
  attempts: number;
  now: number;
};

export type StatusResult = { status: CourseStatus; dueAt: number | null; completedAt: number | null; expiresAt: number | null };

/** Adds calendar months in UTC, keeping the day of month where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** When a completion runs out: completion + recertifyMonths; null when the course never needs recertifying. */
export function expiryFor(completedAt: number, recertifyMonths: number): number | null {
  return recertifyMonths > 0 ? addMonths(completedAt, recertifyMonths) : null;
}

/** The status of one course for one person (DESIGN: not_assigned, assigned, in_progress, completed, overdue, expired). */
export function courseStatus(input: StatusInput): StatusResult {
  const { assignment, latestCompletion: done, now } = input;
  if (done) {
    const base = { completedAt: done.completedAt, expiresAt: done.expiresAt };
    if (done.expiresAt === null || done.expiresAt > now) return { status: 'completed', dueAt: assignment?.dueAt ?? null, ...base };
    // An expired completion must be renewed within the grace period; for an assigned person missing it is overdue.
    const dueAt = done.expiresAt + RECERTIFICATION_GRACE_MS;
    return { status: assignment && now > dueAt ? 'overdue' : 'expired', dueAt, ...base };
  }
  const started = input.lessonsRead > 0 || input.attempts > 0;
  const base = { completedAt: null, expiresAt: null };
  if (!assignment) return { status: started ? 'in_progress' : 'not_assigned', dueAt: null, ...base };
  if (now > assignment.dueAt) return { status: 'overdue', dueAt: assignment.dueAt, ...base };
  return { status: started ? 'in_progress' : 'assigned', dueAt: assignment.dueAt, ...base };
}

/** Whether a course needs the person's attention now: overdue, expired, or due within `DUE_SOON_DAYS`. */
export function needsAttention(s: StatusResult, now: number): boolean {
  if (s.status === 'overdue' || s.status === 'expired') return true;
  if (s.status !== 'assigned' && s.status !== 'in_progress') return false;
  return s.dueAt !== null && s.dueAt - now <= DUE_SOON_DAYS * DAY_MS;
}

const urgency: Record<CourseStatus, number> = { overdue: 0, expired: 1, in_progress: 2, assigned: 2, completed: 3, not_assigned: 4 };

/** Orders courses for a person: overdue, expired, then open ones by due date, then completed, then optional. */
export function byUrgency(a: StatusResult, b: StatusResult): number {
  const due = (s: StatusResult) => s.dueAt ?? Number.MAX_SAFE_INTEGER;
  return urgency[a.status] - urgency[b.status] || due(a) - due(b);
}
