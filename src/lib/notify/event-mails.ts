// The mails that events cause (as opposed to reminders the scheduler decides): what each says,
// to whom, under which dedup key. The operations that cause them call these inside their transaction.
import type { EnqueueMailInput } from './enqueue-mail.ts';

type Notification = Omit<EnqueueMailInput, 'now'>;

/** A course was assigned to a person. */
export function assignedNotification(a: { id: string; userId: string; courseSlug: string; dueAt: number }): Notification {
  return {
    to: a.userId,
    kind: 'training.assigned',
    dedupKey: `assigned:${a.id}`,
    link: `/training/${a.courseSlug}`,
    params: { courseSlug: a.courseSlug, dueAt: a.dueAt },
    subject: { type: 'assignment', id: a.id },
    mandatory: true,
  };
}

/** A corrective action got a (new) owner. */
export function actionOwnerNotification(a: { id: string; title: string; dueAt: number }, ownerId: string, at: number): Notification {
  return { to: ownerId, kind: 'action.assigned', dedupKey: `action-owner:${a.id}:${ownerId}:${at}`, link: `/actions/${a.id}`, params: { title: a.title, dueAt: a.dueAt }, subject: { type: 'corrective_action', id: a.id } };
}

/** An action's owner marked it resolved: its audit's auditor is to verify it. */
export function actionResolvedNotification(a: { id: string; title: string }, auditorId: string, by: string, at: number): Notification {
  return { to: auditorId, kind: 'action.resolved', dedupKey: `action-resolved:${a.id}:${at}`, link: `/actions/${a.id}`, params: { title: a.title, by }, subject: { type: 'corrective_action', id: a.id } };
}

/** An audit was signed: its auditor gets the report's verification code. */
export function auditSignedNotification(a: { id: string; title: string; auditorId: string }, verificationCode: string): Notification {
  return { to: a.auditorId, kind: 'audit.signed', dedupKey: `audit-signed:${a.id}`, link: `/audits/${a.id}`, params: { title: a.title, code: verificationCode }, subject: { type: 'audit', id: a.id } };
}
