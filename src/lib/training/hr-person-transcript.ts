import { desc, eq, sql } from 'drizzle-orm';
import { completions, departments, users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';
import { statusRowsSql, type StatusRow } from './hr-status-sql.ts';
import { listAttempts, type AttemptRow } from './list-attempts.ts';

export type PersonTranscriptOptions = { db: Db; actor: Pick<Actor, 'role'>; userId: string; now?: number };

export type PersonTranscript = {
  person: { id: string; email: string; name: string; role: string; active: boolean; department: string | null };
  /** Every assignment with its status. */
  assignments: StatusRow[];
  attempts: AttemptRow[];
  completions: { id: string; course: string; version: number; score: number; completedAt: number; expiresAt: number | null; certificateNumber: string }[];
};

/** One person's record for HR: assignments with status, every attempt, every completion (old versions too). */
export async function getPersonTranscript(o: PersonTranscriptOptions): Promise<PersonTranscript> {
  assertCan(o.actor, 'hr.view');
  const now = o.now ?? Date.now();
  const [person] = await o.db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, department: departments.name })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, o.userId));
  if (!person) throw notFound('No such person').as('error.noSuchPerson');
  const [assigned, tried, done] = await Promise.all([
    o.db.all<StatusRow>(sql`SELECT * FROM (${statusRowsSql({ now, userId: o.userId, includeInactive: true })}) s ORDER BY s."course"`),
    listAttempts({ db: o.db, userId: o.userId, limit: 500 }),
    o.db
      .select({
        id: completions.id,
        course: completions.courseSlug,
        version: completions.courseVersion,
        score: completions.score,
        completedAt: completions.completedAt,
        expiresAt: completions.expiresAt,
        certificateNumber: completions.certificateNumber,
      })
      .from(completions)
      .where(eq(completions.userId, o.userId))
      .orderBy(desc(completions.completedAt)),
  ]);
  return { person, assignments: assigned, attempts: tried, completions: done };
}
