// Test-side knowledge of the right answers, read from the content files (never from the API).
import path from 'node:path';
import { loadCatalog } from '../../src/lib/content/load-content.ts';
import { root } from './server.ts';

const catalog = loadCatalog(path.join(root, 'content'));

/** Answers that pass (all right) or fail (all wrong) a course's quiz. */
export function answersFor(course: string, kind: 'pass' | 'fail' = 'pass'): Record<string, string[]> {
  const questions = catalog.courses.get(course)!.en.quiz.questions;
  return Object.fromEntries(
    questions.map((q) => {
      const right = q.options.filter((o) => o.correct).map((o) => o.id);
      const wrong = q.options.filter((o) => !o.correct).map((o) => o.id).slice(0, 1);
      return [q.id, kind === 'pass' ? right : wrong];
    }),
  );
}

/** Every item id of a checklist. */
export function checklistItems(slug: string): { id: string; evidence: string }[] {
  return catalog.checklists.get(slug)!.en.sections.flatMap((s) => s.items.map((i) => ({ id: i.id, evidence: i.evidence })));
}
