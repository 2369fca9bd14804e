import { and, eq, inArray, sql } from 'drizzle-orm';
import { assignmentRules, assignments } from '../../../db/schema.ts';
import { can, type Role } from '../auth/permissions.ts';
import { getCourse } from '../content/catalog.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { forbidden, unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { assignedNotification } from '../notify/event-mails.ts';
import { enqueueMany } from '../notify/enqueue-mail.ts';
import type { AssignmentInput } from './assignment-input.ts';
import { mergeAssignment, type AssignmentTerms, type MergeOutcome } from './merge-assignment.ts';
import { chunks, resolveAssignees } from './resolve-assignees.ts';

export type AssignCourseOptions = { db: Db; actor: { id: string; role: Role }; input: AssignmentInput; now?: number };

export type AssignCourseResult = { assigned: number; created: number; moved: number; updated: number; unchanged: number; ruleId: string | null };

/** Creates or moves the standing rule for everyone or a department, so people who join later get the course too. */
async function upsertRule(tx: Tx, o: { course: string; departmentId: string | null; dueAt: number; recurMonths?: number; defaultRecur: number; actorId: string }): Promise<string> {
  const scopeKey = o.departmentId ?? '*';
  const [rule] = await tx.select().from(assignmentRules).where(and(eq(assignmentRules.courseSlug, o.course), eq(assignmentRules.scopeKey, scopeKey)));
  const merged = mergeAssignment(rule ?? null, { dueAt: o.dueAt, recurMonths: o.recurMonths }, o.defaultRecur);
  if (rule) {
    if (merged.outcome !== 'unchanged') await tx.update(assignmentRules).set(merged.terms).where(eq(assignmentRules.id, rule.id));
    return rule.id;
  }
  const id = newId();
  await tx.insert(assignmentRules).values({ id, courseSlug: o.course, departmentId: o.departmentId, scopeKey, ...merged.terms, createdBy: o.actorId, createdAt: Date.now() });
  return id;
}

/**
 * Assigns a course to everyone, a department or a list of people. Idempotent: one row per person and
 * course; a later due date moves it, an earlier one leaves it (see merge-assignment.ts). Everyone and
 * department assignments also become standing rules that applyAssignmentRulesForUser gives to joiners.
 * One audit-log entry ('training.assign') records the whole operation.
 */
export async function assignCourse(o: AssignCourseOptions): Promise<AssignCourseResult> {
  if (!can(o.actor.role, 'hr.assign')) throw forbidden();
  const now = o.now ?? Date.now();
  const course = getCourse(o.input.course, 'en');
  if (!course) throw unprocessable(`Unknown course: ${o.input.course}`, { course: o.input.course }).as('error.unknownCourse', { course: o.input.course });
  if (o.input.dueAt <= now) throw unprocessable('The due date is in the past', { dueAt: o.input.dueAt }).as('error.dueInPast');
  const incoming = { dueAt: o.input.dueAt, recurMonths: o.input.recurMonths };
  const defaultRecur = course.meta.recertifyMonths;

  return writeTransaction(o.db, async (tx) => {
    const who = await resolveAssignees(tx, o.input);
    const ruleId =
      who.scope === 'emails' ? null : await upsertRule(tx, { course: course.slug, departmentId: who.department?.id ?? null, ...incoming, defaultRecur, actorId: o.actor.id });

    const existing = new Map<string, AssignmentTerms>();
    for (const part of chunks(who.userIds)) {
      const rows = await tx
        .select({ userId: assignments.userId, dueAt: assignments.dueAt, recurMonths: assignments.recurMonths })
        .from(assignments)
        .where(and(eq(assignments.courseSlug, course.slug), inArray(assignments.userId, part)));
      for (const r of rows) existing.set(r.userId, r);
    }
    const counts: Record<MergeOutcome, number> = { created: 0, moved: 0, updated: 0, unchanged: 0 };
    const toCreate: (typeof assignments.$inferInsert)[] = [];
    // people whose row changes, grouped by their new terms so each group is one UPDATE per chunk
    const changes = new Map<string, { terms: AssignmentTerms; userIds: string[] }>();
    for (const userId of who.userIds) {
      const { outcome, terms } = mergeAssignment(existing.get(userId) ?? null, incoming, defaultRecur);
      counts[outcome]++;
      if (outcome === 'created') toCreate.push({ id: newId(), userId, courseSlug: course.slug, ...terms, ruleId, assignedBy: o.actor.id, createdAt: now });
      else if (outcome !== 'unchanged') {
        const key = `${terms.dueAt}/${terms.recurMonths}`;
        const group = changes.get(key) ?? { terms, userIds: [] };
        group.userIds.push(userId);
        changes.set(key, group);
      }
    }
    for (const part of chunks(toCreate, 200)) await tx.insert(assignments).values(part);
    // each new assignment tells its person, in this transaction (the scheduler sends it)
    await enqueueMany(tx, toCreate.map(assignedNotification), now);
    for (const { terms, userIds } of changes.values()) {
      for (const part of chunks(userIds)) {
        await tx
          .update(assignments)
          .set({ ...terms, ruleId: sql`coalesce(${assignments.ruleId}, ${ruleId})` })
          .where(and(eq(assignments.courseSlug, course.slug), inArray(assignments.userId, part)));
      }
    }
    await appendLog(tx, {
      actorId: o.actor.id,
      action: 'training.assign',
      subjectType: 'course',
      subjectId: course.slug,
      details: {
        scope: who.scope,
        department: who.department,
        emails: who.scope === 'emails' ? o.input.emails : undefined,
        dueAt: o.input.dueAt,
        recurMonths: o.input.recurMonths ?? null,
        ruleId,
        assigned: who.userIds.length,
        ...counts,
      },
    });
    return { assigned: who.userIds.length, ...counts, ruleId };
  });
}
