import { and, desc, eq } from 'drizzle-orm';
import { attempts, completions } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';

export type ListAttemptsOptions = { db: Db; userId: string; courseSlug?: string; limit?: number };

/** A person's attempts (at one course, or all), newest first, with the completion a pass earned. */
export function listAttempts(o: ListAttemptsOptions) {
  return o.db
    .select({
      id: attempts.id,
      course: attempts.courseSlug,
      attemptNumber: attempts.attemptNumber,
      courseVersion: attempts.courseVersion,
      score: attempts.score,
      passed: attempts.passed,
      createdAt: attempts.createdAt,
      completionId: completions.id,
    })
    .from(attempts)
    .leftJoin(completions, eq(completions.attemptId, attempts.id))
    .where(and(eq(attempts.userId, o.userId), o.courseSlug ? eq(attempts.courseSlug, o.courseSlug) : undefined))
    .orderBy(desc(attempts.createdAt), desc(attempts.attemptNumber))
    .limit(o.limit ?? 100);
}

export type AttemptRow = Awaited<ReturnType<typeof listAttempts>>[number];
