import { and, desc, eq, gt, isNull, max, or } from 'drizzle-orm';
import { assignments, attempts, completions } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { getCourse } from '../content/catalog.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound } from '../errors.ts';
import { newId, newReadableCode } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { expiryFor } from './course-status.ts';
import { gradeAttempt, type QuestionResult } from './grade-attempt.ts';

export type SubmitAttemptOptions = {
  db: Db;
  userId: string;
  courseSlug: string;
  /** The language the quiz was shown in; explanations come back in it. Grading does not depend on it. */
  locale: Locale;
  /** The raw `answers` value from the request; validated here. */
  answers: unknown;
  now?: number;
};

export type CompletionSummary = {
  id: string;
  course: string;
  version: number;
  completedAt: number;
  expiresAt: number | null;
  certificateNumber: string;
  /** False when this pass found a current completion already (a second tab, a double click). */
  created: boolean;
};

export type SubmittedAttempt = {
  attemptId: string;
  attemptNumber: number;
  score: number;
  passed: boolean;
  results: QuestionResult[];
  completion?: CompletionSummary;
};

/** Months until recertification: the assignment's own recurrence when HR set one, else the course's. */
async function recertifyMonthsFor(tx: Tx, userId: string, courseSlug: string, courseMonths: number): Promise<number> {
  const [row] = await tx.select({ recurMonths: assignments.recurMonths }).from(assignments).where(and(eq(assignments.userId, userId), eq(assignments.courseSlug, courseSlug)));
  return row && row.recurMonths > 0 ? row.recurMonths : courseMonths;
}

/** The person's unexpired completion of this course version, if any. */
async function currentCompletion(tx: Tx, userId: string, courseSlug: string, version: number, now: number) {
  const [row] = await tx
    .select()
    .from(completions)
    .where(and(eq(completions.userId, userId), eq(completions.courseSlug, courseSlug), eq(completions.courseVersion, version), or(isNull(completions.expiresAt), gt(completions.expiresAt, now))))
    .orderBy(desc(completions.completedAt))
    .limit(1);
  return row;
}

/** Grades and stores an attempt; a pass records one completion per current course version. Bad answers store nothing. */
export async function submitAttempt(o: SubmitAttemptOptions): Promise<SubmittedAttempt> {
  const course = getCourse(o.courseSlug, o.locale);
  if (!course) throw notFound('No such course').as('error.noSuchCourse');
  const grade = gradeAttempt(course.quiz, course.meta.passMark, o.answers);
  const version = course.meta.version;
  const now = o.now ?? Date.now();

  // One transaction: the attempt, its completion and their log entries are kept together or not at all,
  // and the check for a current completion cannot interleave with another submission's insert.
  return writeTransaction(o.db, async (tx) => {
    const [last] = await tx.select({ n: max(attempts.attemptNumber) }).from(attempts).where(and(eq(attempts.userId, o.userId), eq(attempts.courseSlug, course.slug)));
    const attemptNumber = (last?.n ?? 0) + 1;
    const attemptId = newId();
    await tx.insert(attempts).values({
      id: attemptId,
      userId: o.userId,
      courseSlug: course.slug,
      courseVersion: version,
      locale: o.locale,
      answers: JSON.stringify(grade.answers),
      results: JSON.stringify(Object.fromEntries(grade.results.map((r) => [r.questionId, r.correct]))),
      score: grade.score,
      passed: grade.passed,
      attemptNumber,
      createdAt: now,
    });
    await appendLog(tx, { actorId: o.userId, action: 'training.attempt', subjectType: 'attempt', subjectId: attemptId, details: { course: course.slug, version, attemptNumber, score: grade.score, passed: grade.passed } });
    const submitted: SubmittedAttempt = { attemptId, attemptNumber, score: grade.score, passed: grade.passed, results: grade.results };
    if (!grade.passed) return submitted;

    const existing = await currentCompletion(tx, o.userId, course.slug, version, now);
    if (existing) {
      submitted.completion = { id: existing.id, course: course.slug, version, completedAt: existing.completedAt, expiresAt: existing.expiresAt, certificateNumber: existing.certificateNumber, created: false };
      return submitted;
    }
    const completion = {
      id: newId(),
      userId: o.userId,
      courseSlug: course.slug,
      courseVersion: version,
      attemptId,
      score: grade.score,
      completedAt: now,
      expiresAt: expiryFor(now, await recertifyMonthsFor(tx, o.userId, course.slug, course.meta.recertifyMonths)),
      certificateNumber: `${new Date(now).getUTCFullYear()}-${newReadableCode(3)}`,
    };
    await tx.insert(completions).values(completion);
    await appendLog(tx, { actorId: o.userId, action: 'training.completion', subjectType: 'completion', subjectId: completion.id, details: { course: course.slug, version, attemptId, score: grade.score, expiresAt: completion.expiresAt } });
    submitted.completion = { id: completion.id, course: course.slug, version, completedAt: now, expiresAt: completion.expiresAt, certificateNumber: completion.certificateNumber, created: true };
    return submitted;
  });
}
