import { and, eq, max } from 'drizzle-orm';
import { attempts } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { getCourse } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { publicQuestions, type PublicQuestion } from './public-quiz.ts';
import { attemptSeed } from './shuffle.ts';

export type GetQuizOptions = { db: Db; userId: string; courseSlug: string; locale: Locale };

export type PublicQuiz = { course: string; title: string; version: number; passMark: number; attemptNumber: number; questions: PublicQuestion[] };

/** The quiz for a person's next attempt, without answers, options shuffled for that attempt. */
export async function getQuiz(o: GetQuizOptions): Promise<PublicQuiz> {
  const course = getCourse(o.courseSlug, o.locale);
  if (!course) throw notFound('No such course').as('error.noSuchCourse');
  const [row] = await o.db
    .select({ last: max(attempts.attemptNumber) })
    .from(attempts)
    .where(and(eq(attempts.userId, o.userId), eq(attempts.courseSlug, o.courseSlug)));
  const attemptNumber = (row?.last ?? 0) + 1;
  return {
    course: course.slug,
    title: course.meta.title,
    version: course.meta.version,
    passMark: course.meta.passMark,
    attemptNumber,
    questions: publicQuestions(course.quiz, attemptSeed(o.userId, course.slug, attemptNumber)),
  };
}
