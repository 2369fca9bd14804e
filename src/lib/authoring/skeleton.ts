// The first draft of a new course or checklist: the titles the editor gave, and one placeholder of
// everything the format requires (a lesson, a question, a section with an item) to write over.
import type { ChecklistDocument, CourseDoc } from '../content/documents.ts';

export type SkeletonTexts = { lesson: string; question: string; explanation: string; section: string; item: string; guidance: string };

/** A minimal valid course in both languages. */
export function courseSkeleton(titles: { en: string; zh: string }, texts: { en: SkeletonTexts; zh: SkeletonTexts }): CourseDoc {
  const one = (title: string, x: SkeletonTexts) => ({
    title,
    summary: title,
    lessons: [{ slug: 'introduction', title, markdown: x.lesson }],
    quiz: { questions: [{ id: 'q-1', type: 'truefalse' as const, prompt: x.question, options: [{ id: 'true', text: 'True', correct: true as const }, { id: 'false', text: 'False' }], explanation: x.explanation }] },
  });
  return { passMark: 80, recertifyMonths: 12, estimatedMinutes: 15, audience: 'all', en: one(titles.en, texts.en), 'zh-cn': one(titles.zh, texts.zh) };
}

/** A minimal valid checklist in both languages. */
export function checklistSkeleton(titles: { en: string; zh: string }, texts: { en: SkeletonTexts; zh: SkeletonTexts }): ChecklistDocument {
  const one = (title: string, x: SkeletonTexts) => ({ title, sections: [{ id: 'section-1', title: x.section, items: [{ id: 'item-1', text: x.item, guidance: x.guidance, severity: 'medium' as const, evidence: 'optional' as const }] }] });
  return { en: one(titles.en, texts.en), 'zh-cn': one(titles.zh, texts.zh) };
}
