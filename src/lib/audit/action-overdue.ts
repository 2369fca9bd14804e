// When a corrective action is late, and when an audit's findings are all closed. Pure.
//
// An action is overdue when its due time has passed and its owner has not yet resolved it:
// once resolved the ball is in the auditor's court, and a verified action is closed.
import type { ActionStatus } from './action-transitions.ts';

/** Statuses in which the owner still has work to do (the SQL filters use the same list). */
export const WORKING_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the action is past its due time with its owner's work unfinished. */
export function isOverdue(action: { status: ActionStatus; dueAt: number }, now: number): boolean {
  return WORKING_STATUSES.includes(action.status) && action.dueAt < now;
}

/** Whole days an overdue action is late (a few hours late is day 1); 0 when it is not overdue. */
export function daysOverdue(action: { status: ActionStatus; dueAt: number }, now: number): number {
  return isOverdue(action, now) ? Math.ceil((now - action.dueAt) / DAY_MS) : 0;
}

export type Closure = { total: number; verified: number; closed: boolean; byStatus: Record<ActionStatus, number> };

/**
 * An audit's corrective-action state. A signed audit is closed when every action is verified
 * (so a signed audit without findings is closed at once); a draft is never closed.
 */
export function auditClosure(auditStatus: 'draft' | 'signed', statuses: readonly ActionStatus[]): Closure {
  const byStatus: Record<ActionStatus, number> = { open: 0, in_progress: 0, resolved: 0, verified: 0 };
  for (const s of statuses) byStatus[s] += 1;
  return { total: statuses.length, verified: byStatus.verified, closed: auditStatus === 'signed' && byStatus.verified === statuses.length, byStatus };
}
