// Which reminders are due, as pure functions of a row and the time. The scheduler feeds them rows
// page by page and records what they return; the dedup keys make recording them again harmless.
import { courseStatus } from '../training/course-status.ts';
import type { MailParam } from './enqueue-mail.ts';
import { DAY_MS, weekNumber, wholeDays, WEEK_MS } from './periods.ts';

export type Reminder = {
  /** 'employee' | 'manager' | 'owner' */
  to: string;
  kind: string;
  dedupKey: string;
  link: string;
  params: Record<string, MailParam>;
  subject: { type: string; id: string };
  mandatory: boolean;
};

export type AssignmentRow = {
  id: string;
  userId: string;
  managerId: string | null;
  personName: string;
  courseSlug: string;
  dueAt: number;
  createdAt: number;
  completedAt: number | null;
  expiresAt: number | null;
};

/** How close to the due date the two "due soon" reminders go out. */
export const DUE_REMINDER_DAYS = [14, 3] as const;
/** How long before a completion expires its holder is told. */
export const EXPIRY_NOTICE_DAYS = 30;
/** From how many days overdue the manager hears of it (in the weekly digest). */
export const MANAGER_ESCALATION_DAYS = 7;

/**
 * Reminders for one assignment at `now`:
 * - due in 14 days, then due in 3 days (each only if the assignment existed that long before the due date);
 * - overdue on the first day, then once a week (the week counted from the due date);
 * - a completion expiring within 30 days; an expired one, to the employee and their manager.
 * An expired completion is due again at expiry + grace (course-status.ts); past that it is overdue.
 */
export function decideAssignmentReminders(a: AssignmentRow, now: number): Reminder[] {
  const status = courseStatus({
    assignment: { dueAt: a.dueAt },
    latestCompletion: a.completedAt === null ? null : { completedAt: a.completedAt, expiresAt: a.expiresAt },
    lessonsRead: 0,
    attempts: 0,
    now,
  });
  const base = { link: `/training/${a.courseSlug}`, subject: { type: 'assignment', id: a.id }, mandatory: true };
  const out: Reminder[] = [];
  if (status.status === 'completed') {
    if (a.expiresAt !== null && a.expiresAt - now <= EXPIRY_NOTICE_DAYS * DAY_MS) {
      out.push({ ...base, to: a.userId, kind: 'training.expiring', dedupKey: `expiring:${a.id}:${a.expiresAt}`, params: { courseSlug: a.courseSlug, expiresAt: a.expiresAt } });
    }
    return out;
  }
  if (status.status === 'expired' && a.expiresAt !== null) {
    out.push({ ...base, to: a.userId, kind: 'training.expired', dedupKey: `expired:${a.id}:${a.expiresAt}`, params: { courseSlug: a.courseSlug, expiresAt: a.expiresAt } });
    if (a.managerId) {
      out.push({ ...base, link: '/team', to: a.managerId, kind: 'training.reportExpired', dedupKey: `report-expired:${a.managerId}:${a.id}:${a.expiresAt}`, params: { courseSlug: a.courseSlug, expiresAt: a.expiresAt, person: a.personName } });
    }
    return out;
  }
  const dueAt = status.dueAt!;
  if (status.status === 'overdue') {
    const week = Math.floor((now - dueAt) / WEEK_MS);
    out.push({ ...base, to: a.userId, kind: 'training.overdue', dedupKey: `overdue:${a.id}:${dueAt}:${week}`, params: { courseSlug: a.courseSlug, dueAt, days: Math.max(1, wholeDays(dueAt, now)) } });
    return out;
  }
  // assigned or in progress, not yet due: the nearest reminder window we are in, if any
  const untilDue = dueAt - now;
  for (const days of [...DUE_REMINDER_DAYS].sort((x, y) => x - y)) {
    if (untilDue <= days * DAY_MS) {
      if (a.createdAt <= dueAt - days * DAY_MS) {
        out.push({ ...base, to: a.userId, kind: `training.due${days}`, dedupKey: `due${days}:${a.id}:${dueAt}`, params: { courseSlug: a.courseSlug, dueAt } });
      }
      break;
    }
  }
  return out;
}

/** Whether an assignment counts in its manager's weekly digest: overdue by 7 days or more. */
export function escalatesToManager(a: AssignmentRow, now: number): { dueAt: number; days: number } | null {
  const status = courseStatus({
    assignment: { dueAt: a.dueAt },
    latestCompletion: a.completedAt === null ? null : { completedAt: a.completedAt, expiresAt: a.expiresAt },
    lessonsRead: 0,
    attempts: 0,
    now,
  });
  if (status.status !== 'overdue' || status.dueAt === null) return null;
  const days = wholeDays(status.dueAt, now);
  return days >= MANAGER_ESCALATION_DAYS ? { dueAt: status.dueAt, days } : null;
}

export type OverdueReport = { person: string; courseSlug: string; dueAt: number; days: number };

/** The one weekly digest a manager gets listing all their reports overdue by 7+ days (none when the list is empty). */
export function decideManagerDigest(managerId: string, reports: OverdueReport[], now: number): Reminder | null {
  if (reports.length === 0) return null;
  const sorted = [...reports].sort((x, y) => y.days - x.days || x.person.localeCompare(y.person));
  return {
    to: managerId,
    kind: 'team.overdue',
    dedupKey: `team-overdue:${managerId}:${weekNumber(now)}`,
    link: '/team',
    params: { count: sorted.length, list: sorted.map((r) => ({ person: r.person, courseSlug: r.courseSlug, dueAt: r.dueAt, days: r.days })) },
    subject: { type: 'user', id: managerId },
    mandatory: true,
  };
}

export type ActionRow = { id: string; title: string; ownerId: string | null; status: string; dueAt: number };

/** Reminders to an open action's owner: due in 3 days, then overdue once a week from the due date. */
export function decideActionReminders(a: ActionRow, now: number): Reminder[] {
  if (!a.ownerId || (a.status !== 'open' && a.status !== 'in_progress')) return [];
  const base = { to: a.ownerId, link: `/actions/${a.id}`, subject: { type: 'corrective_action', id: a.id }, mandatory: false };
  if (now >= a.dueAt) {
    const week = Math.floor((now - a.dueAt) / WEEK_MS);
    return [{ ...base, kind: 'action.overdue', dedupKey: `action-overdue:${a.id}:${a.ownerId}:${a.dueAt}:${week}`, params: { title: a.title, dueAt: a.dueAt, days: Math.max(1, wholeDays(a.dueAt, now)) } }];
  }
  if (a.dueAt - now <= 3 * DAY_MS) return [{ ...base, kind: 'action.due3', dedupKey: `action-due3:${a.id}:${a.ownerId}:${a.dueAt}`, params: { title: a.title, dueAt: a.dueAt } }];
  return [];
}
