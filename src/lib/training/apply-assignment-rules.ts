import { eq, inArray } from 'drizzle-orm';
import { assignmentRules, assignments, users } from '../../../db/schema.ts';
import type { Tx } from '../db/client.ts';
import { newId } from '../ids.ts';
import { enqueueMail } from '../notify/enqueue-mail.ts';
import { assignedNotification } from '../notify/event-mails.ts';

// Someone who joins after a rule's due date gets this long to do the course, rather than being overdue on day one.
export const JOINER_GRACE_MS = 30 * 24 * 3600 * 1000;

/** Gives a person every standing assignment of their department and of everyone that they lack; existing ones stay. */
export async function applyAssignmentRulesForUser(tx: Tx, userId: string): Promise<number> {
  const [user] = await tx.select({ departmentId: users.departmentId, active: users.active }).from(users).where(eq(users.id, userId));
  if (!user?.active) return 0;
  const scopes = user.departmentId ? ['*', user.departmentId] : ['*'];
  const rules = await tx.select().from(assignmentRules).where(inArray(assignmentRules.scopeKey, scopes));
  let added = 0;
  const now = Date.now();
  for (const rule of rules) {
    const row = { id: newId(), userId, courseSlug: rule.courseSlug, dueAt: Math.max(rule.dueAt, now + JOINER_GRACE_MS), recurMonths: rule.recurMonths, ruleId: rule.id, assignedBy: rule.createdBy, createdAt: Date.now() };
    const result = await tx.insert(assignments).values(row).onConflictDoNothing();
    added += result.rowsAffected;
    if (result.rowsAffected > 0) await enqueueMail(tx, { ...assignedNotification(row), now });
  }
  return added;
}

