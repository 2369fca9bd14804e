// The status of every (person, assigned course) computed in SQL, so HR's dashboard, lists and
// exports aggregate in the database instead of looping over rows in JavaScript. It mirrors
// `courseStatus()` in course-status.ts exactly; tests/unit/hr/status-sql.test.ts holds them together.
import { sql, type SQL } from 'drizzle-orm';
import type { CourseStatus } from './course-status.ts';
import { DUE_SOON_DAYS, RECERTIFICATION_GRACE_MS } from './course-status.ts';
import { NO_DEPARTMENT, type HrFilters } from './hr-filters.ts';
import { dueStatuses } from './hr-status-groups.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type StatusRow = {
  userId: string;
  email: string;
  name: string;
  departmentId: string | null;
  department: string | null;
  course: string;
  status: Exclude<CourseStatus, 'not_assigned'>;
  /** When it is (or was) due: the assignment's date, or expiry + grace once a completion has expired. */
  dueAt: number;
  completionId: string | null;
  completedAt: number | null;
  expiresAt: number | null;
  score: number | null;
};

export type StatusRowsOptions = {
  now: number;
  filters?: Omit<HrFilters, 'status'>;
  userId?: string;
  /** Deactivated people are left out of dashboards and exports, but a transcript still shows theirs. */
  includeInactive?: boolean;
  /** More conditions on the inner aliases `a` (assignments) and `u` (users), e.g. a keyset cursor. */
  where?: SQL;
};

/** Conditions on assignments `a` and users `u`: active people, and the department/course/person asked for. */
function innerConditions(o: StatusRowsOptions): SQL {
  const conds: SQL[] = o.includeInactive ? [] : [sql`u.active = 1`];
  const dept = o.filters?.departmentId;
  if (dept === NO_DEPARTMENT) conds.push(sql`u.department_id IS NULL`);
  else if (dept) conds.push(sql`u.department_id = ${dept}`);
  if (o.filters?.course) conds.push(sql`a.course_slug = ${o.filters.course}`);
  if (o.userId) conds.push(sql`a.user_id = ${o.userId}`);
  if (o.where) conds.push(o.where);
  return conds.length ? sql.join(conds, sql` AND `) : sql`1 = 1`;
}

/**
 * One row per active person and assigned course, with status and effective due date. The CASE is
 * `courseStatus()`: a current completion is completed; an expired one is expired until expiry +
 * grace, then overdue; with no completion, past the due date is overdue, else started is
 * in_progress, else assigned. The latest completion and the started flag are columns of the
 * assignment row (kept by triggers, see db/schema.ts), so a row costs one user lookup, no subquery.
 */
export function statusRowsSql(o: StatusRowsOptions): SQL {
  const { now } = o;
  const grace = RECERTIFICATION_GRACE_MS;
  return sql`SELECT u.id AS "userId", u.email AS "email", u.name AS "name", u.department_id AS "departmentId", d.name AS "department",
    a.course_slug AS "course",
    CASE
      WHEN a.completion_id IS NULL THEN
        CASE
          WHEN ${now} > a.due_at THEN 'overdue'
          WHEN a.started THEN 'in_progress'
          ELSE 'assigned'
        END
      WHEN a.expires_at IS NULL OR a.expires_at > ${now} THEN 'completed'
      WHEN ${now} > a.expires_at + ${grace} THEN 'overdue'
      ELSE 'expired'
    END AS "status",
    CASE WHEN a.expires_at IS NOT NULL AND a.expires_at <= ${now} THEN a.expires_at + ${grace} ELSE a.due_at END AS "dueAt",
    a.completion_id AS "completionId", a.completed_at AS "completedAt", a.expires_at AS "expiresAt", a.score AS "score"
  FROM assignments a
  JOIN users u ON u.id = a.user_id
  LEFT JOIN departments d ON d.id = u.department_id
  WHERE ${innerConditions(o)}`;
}

const dueList = sql.join(
  dueStatuses.map((s) => sql`${s}`),
  sql`, `,
);

/** A condition on the outer alias `s` (rows of `statusRowsSql`) for a status filter; true when none. */
export function statusCondition(status: HrFilters['status'], now: number): SQL {
  if (!status) return sql`1 = 1`;
  if (status === 'due') return sql`s."status" IN (${dueList})`;
  if (status === 'due_soon') return sql`s."status" IN (${dueList}) AND s."dueAt" <= ${now + DUE_SOON_DAYS * DAY_MS}`;
  return sql`s."status" = ${status}`;
}
