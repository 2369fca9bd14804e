import { asc, eq } from 'drizzle-orm';
import { assignmentRules, departments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';

/** The standing assignments (everyone or a department) that people who join later receive, by course. */
export function listAssignmentRules(db: Db, actor: Pick<Actor, 'role'>) {
  assertCan(actor, 'hr.view');
  return db
    .select({ id: assignmentRules.id, course: assignmentRules.courseSlug, departmentId: assignmentRules.departmentId, department: departments.name, dueAt: assignmentRules.dueAt, recurMonths: assignmentRules.recurMonths })
    .from(assignmentRules)
    .leftJoin(departments, eq(departments.id, assignmentRules.departmentId))
    .orderBy(asc(assignmentRules.courseSlug), asc(departments.name));
}
