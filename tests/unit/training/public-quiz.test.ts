import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/lib/content/catalog.ts';
import { publicQuestions } from '../../../src/lib/training/public-quiz.ts';

describe('the quiz as the browser sees it', () => {
  it('never carries which option is correct nor the explanation, in any course or locale', () => {
    for (const byLocale of catalog().courses.values()) {
      for (const course of Object.values(byLocale)) {
        const shown = publicQuestions(course.quiz, 'seed');
        const text = JSON.stringify(shown);
        expect(text).not.toMatch(/"correct"|"explanation"/);
        for (const q of course.quiz.questions) expect(text).not.toContain(q.explanation);
        expect(shown.map((q) => Object.keys(q).sort().join())).toEqual(shown.map(() => 'id,options,prompt,type'));
        expect(shown.flatMap((q) => q.options.map((o) => Object.keys(o).sort().join()))).toEqual(shown.flatMap((q) => q.options.map(() => 'id,text')));
      }
    }
  });

  it('keeps every option of every question, only reordered', () => {
    const course = catalog().courses.get('confidentiality')!.en;
    const shown = publicQuestions(course.quiz, 'another seed');
    shown.forEach((q, i) => expect(q.options.map((o) => o.id).sort()).toEqual(course.quiz.questions[i]!.options.map((o) => o.id).sort()));
  });
});
