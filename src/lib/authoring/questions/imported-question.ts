// What a question import gives back: questions ready for the quiz, and the ones left out.
import type { Question } from '../../content/schemas.ts';

export type ImportedQuestion = Question & {
  /** The question's name in the source file. */
  name: string;
  /** Things the editor must still do (e.g. write an explanation). */
  warnings: string[];
};
export type SkippedQuestion = { name: string; type: string; reason: string };
export type QuestionImport = { questions: ImportedQuestion[]; skipped: SkippedQuestion[] };

/**
 * Builds a choice question from answers with Moodle's fractions (percent of the mark). A
 * single-answer question is right only with its full-mark answer (partial credit does not exist
 * here); a multiple-response one needs every answer worth marks. `single` is Moodle XML's flag;
 * without it (GIFT), a full-mark answer means single, weights adding up means multiple.
 */
export function choiceQuestion(o: {
  name: string;
  prompt: string;
  explanation: string;
  answers: { text: string; fraction: number; feedback: string }[];
  single?: boolean;
  optionId: (i: number) => string;
}): Omit<ImportedQuestion, 'id'> | SkippedQuestion {
  if (o.answers.length < 2) return { name: o.name, type: 'multichoice', reason: 'fewer than two answers' };
  const single = o.single ?? o.answers.some((a) => a.fraction >= 100);
  const isRight = (a: { fraction: number }) => (single ? a.fraction >= 100 : a.fraction > 0);
  const correct = o.answers.filter(isRight);
  if (correct.length === 0) return { name: o.name, type: 'multichoice', reason: 'no answer is marked correct' };
  const type = single && correct.length === 1 ? 'single' : 'multiple';
  return finish({
    name: o.name,
    type,
    prompt: o.prompt,
    options: o.answers.map((a, i) => ({ id: o.optionId(i), text: a.text, ...(isRight(a) && { correct: true as const }) })),
    explanation: o.explanation || correct.map((a) => a.feedback).filter(Boolean).join(' '),
  });
}

/** A true/false question; `answer` is the right one. */
export function trueFalseQuestion(o: { id: string; name: string; prompt: string; explanation: string; answer: boolean }): ImportedQuestion {
  return finish({
    id: o.id,
    name: o.name,
    type: 'truefalse' as const,
    prompt: o.prompt,
    options: [
      { id: 'true', text: 'True', ...(o.answer && { correct: true as const }) },
      { id: 'false', text: 'False', ...(!o.answer && { correct: true as const }) },
    ],
    explanation: o.explanation,
  }) as ImportedQuestion;
}

function finish<Q extends Omit<ImportedQuestion, 'warnings' | 'id'>>(q: Q): Q & { warnings: string[] } {
  const warnings: string[] = [];
  if (!q.prompt) warnings.push('the question has no text');
  if (!q.explanation) warnings.push('the file has no feedback to use as the explanation: write one before saving');
  if (q.options.some((o) => !o.text)) warnings.push('an answer has no text');
  return { ...q, warnings };
}

export const isSkipped = <Q extends object>(q: Q | SkippedQuestion): q is SkippedQuestion => 'reason' in q;
