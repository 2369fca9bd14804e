// Helpers for training tests: answers built from the real course content.
import { getCourse } from '../../../src/lib/content/catalog.ts';

/** Every question answered right (or, with `wrong`, that many answered wrong first). */
export function answersFor(slug: string, o: { wrong?: number } = {}): Record<string, string[]> {
  const course = getCourse(slug, 'en')!;
  return Object.fromEntries(
    course.quiz.questions.map((q, i) => {
      const right = q.options.filter((opt) => opt.correct).map((opt) => opt.id);
      const wrong = q.options.find((opt) => !opt.correct)!.id;
      return [q.id, i < (o.wrong ?? 0) ? [wrong] : right];
    }),
  );
}
