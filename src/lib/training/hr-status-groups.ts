// How HR reads statuses: three groups for the dashboard (completed, due, overdue), the filters
// a list can ask for, and the colour a matrix cell gets. Pure, so pages and SQL agree on them.
import type { CourseStatus } from './course-status.ts';

export type StatusGroup = 'completed' | 'due' | 'overdue';

/** Statuses that still need doing but are not late: newly assigned, started, or expired within the grace period. */
export const dueStatuses = ['assigned', 'in_progress', 'expired'] as const satisfies readonly CourseStatus[];

/** The dashboard group of a status; null for a course nobody assigned. */
export function statusGroup(status: CourseStatus): StatusGroup | null {
  if (status === 'completed' || status === 'overdue') return status;
  return (dueStatuses as readonly string[]).includes(status) ? 'due' : null;
}

/** What a people list can be filtered by: a group, "due soon", or one precise status. */
export const hrStatusFilters = ['completed', 'due', 'due_soon', 'overdue', 'assigned', 'in_progress', 'expired'] as const;
export type HrStatusFilter = (typeof hrStatusFilters)[number];

/** Whole percent of a part, 0 when there is no whole. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export type CellCounts = { total: number; completed: number; due: number; overdue: number };
export type CellTone = 'empty' | 'good' | 'warn' | 'bad';

/** A cell's colour: red when a tenth or more is overdue, green at 90% completed with nobody overdue, amber otherwise. */
export function cellTone(c: CellCounts): CellTone {
  if (c.total === 0) return 'empty';
  if (c.overdue * 10 >= c.total) return 'bad';
  if (c.overdue === 0 && c.completed * 10 >= c.total * 9) return 'good';
  return 'warn';
}
