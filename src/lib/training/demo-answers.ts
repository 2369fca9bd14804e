// Quiz answers with a chosen number of mistakes, for demo data, tests and the benchmark.
import { getCourse } from '../content/catalog.ts';

/** Answers for a course's quiz with `wrong` questions answered wrongly, which ones varying with `seed`. */
export function demoAnswers(courseSlug: string, wrong: number, seed: number): Record<string, string[]> {
  const quiz = getCourse(courseSlug, 'en')?.quiz;
  if (!quiz) return {};
  const n = quiz.questions.length;
  const wrongAt = new Set(Array.from({ length: wrong }, (_, i) => (seed * 5 + i * 3) % n));
  return Object.fromEntries(
    quiz.questions.map((q, i) => {
      const correct = q.options.filter((o) => o.correct).map((o) => o.id);
      const incorrect = q.options.filter((o) => !o.correct).map((o) => o.id);
      return [q.id, wrongAt.has(i) ? [incorrect[(seed + i) % incorrect.length]!] : correct];
    }),
  );
}
