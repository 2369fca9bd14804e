import { sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/index.ts';
import { getCourse } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';

export type QuestionStatsOptions = { db: Db; actor: Pick<Actor, 'role'>; courseSlug: string; locale: Locale };

export type QuestionStat = {
  id: string;
  type: string;
  prompt: string;
  /** First attempts that contained this question (it may have been added in a later version). */
  firstAttempts: number;
  right: number;
  /** Share right, whole percent; null before anyone answered. */
  rightPercent: number | null;
  mostChosenWrong: { optionId: string; text: string; count: number } | null;
};

export type QuestionStats = { course: { slug: string; title: string; version: number }; firstAttempts: number; questions: QuestionStat[] };

/**
 * Per question of the current quiz: how many first attempts (attemptNumber 1, on any version) got it
 * right, and the wrong option chosen most often. Counting happens in SQL with json_each over the stored
 * answers and results; only the handful of grouped rows reach JavaScript, to be matched to the content.
 */
export async function questionStats(o: QuestionStatsOptions): Promise<QuestionStats> {
  assertCan(o.actor, 'hr.view');
  const course = getCourse(o.courseSlug, o.locale);
  if (!course) throw notFound('No such course').as('error.noSuchCourse');
  const [[total], rights, chosen] = await Promise.all([
    o.db.all<{ n: number }>(sql`SELECT count(*) AS "n" FROM attempts WHERE course_slug = ${course.slug} AND attempt_number = 1`),
    o.db.all<{ questionId: string; answered: number; right: number }>(sql`
      SELECT r.key AS "questionId", count(*) AS "answered", sum(CASE WHEN r.value THEN 1 ELSE 0 END) AS "right"
      FROM attempts a, json_each(a.results) r
      WHERE a.course_slug = ${course.slug} AND a.attempt_number = 1
      GROUP BY r.key`),
    o.db.all<{ questionId: string; optionId: string; n: number }>(sql`
      SELECT q.key AS "questionId", o.value AS "optionId", count(*) AS "n"
      FROM attempts a, json_each(a.answers) q, json_each(q.value) o
      WHERE a.course_slug = ${course.slug} AND a.attempt_number = 1
      GROUP BY q.key, o.value`),
  ]);
  const rightBy = new Map(rights.map((r) => [r.questionId, r]));
  const chosenBy = new Map<string, Map<string, number>>();
  for (const c of chosen) {
    const m = chosenBy.get(c.questionId) ?? new Map<string, number>();
    m.set(c.optionId, c.n);
    chosenBy.set(c.questionId, m);
  }
  const questions = course.quiz.questions.map((q): QuestionStat => {
    const r = rightBy.get(q.id);
    const counts = chosenBy.get(q.id);
    let wrong: QuestionStat['mostChosenWrong'] = null;
    // choosing an incorrect option always makes the answer wrong; the first in quiz order wins a tie
    for (const opt of q.options) {
      const n = counts?.get(opt.id) ?? 0;
      if (!opt.correct && n > 0 && (!wrong || n > wrong.count)) wrong = { optionId: opt.id, text: opt.text, count: n };
    }
    const firstAttempts = r?.answered ?? 0;
    const right = r?.right ?? 0;
    return { id: q.id, type: q.type, prompt: q.prompt, firstAttempts, right, rightPercent: firstAttempts ? Math.round((right * 100) / firstAttempts) : null, mostChosenWrong: wrong };
  });
  return { course: { slug: course.slug, title: course.meta.title, version: course.meta.version }, firstAttempts: total?.n ?? 0, questions };
}
