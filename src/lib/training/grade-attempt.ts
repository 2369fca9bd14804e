// Grading rules for a quiz attempt: pure, no database, the same in every locale.
import { z } from 'zod';
import type { Quiz } from '../content/schemas.ts';
import { badRequest, unprocessable } from '../errors.ts';

/** The shape of submitted answers: question id → chosen option ids. Limits keep a hostile body small. */
export const answersSchema = z.record(z.string().max(100), z.array(z.string().max(100)).max(50));

export type Answers = z.infer<typeof answersSchema>;

export type QuestionResult = { questionId: string; correct: boolean; explanation: string };

export type Grade = {
  /** The answers kept for the record: only the quiz's questions, each chosen set sorted. */
  answers: Answers;
  results: QuestionResult[];
  right: number;
  total: number;
  /** Percent of questions right, rounded down. */
  score: number;
  passed: boolean;
};

/** Checks the shape of submitted answers; throws 400 naming the first bad field. */
export function parseAnswers(input: unknown): Answers {
  const parsed = answersSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `answers.${issue.path.join('.')}` : 'answers';
    throw badRequest(`${where}: ${issue.message}`, { field: where }).as('error.answersMalformed', { field: where });
  }
  return parsed.data;
}

/** Checks answers against the quiz's ids and types; throws 422 naming the question or option that does not fit. */
export function checkAnswers(quiz: Quiz, answers: Answers): void {
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const [questionId, chosen] of Object.entries(answers)) {
    const question = byId.get(questionId);
    if (!question) throw unprocessable(`Unknown question "${questionId}"`, { questionId }).as('error.unknownQuestion', { questionId });
    const optionIds = new Set(question.options.map((o) => o.id));
    const seen = new Set<string>();
    for (const optionId of chosen) {
      if (!optionIds.has(optionId)) throw unprocessable(`Question "${questionId}" has no option "${optionId}"`, { questionId, optionId }).as('error.unknownOption', { questionId, optionId });
      if (seen.has(optionId)) throw unprocessable(`Option "${optionId}" is chosen twice for question "${questionId}"`, { questionId, optionId }).as('error.optionTwice', { questionId, optionId });
      seen.add(optionId);
    }
    if (question.type !== 'multiple' && chosen.length > 1) {
      throw unprocessable(`Question "${questionId}" takes one answer, not ${chosen.length}`, { questionId }).as('error.oneAnswerOnly', { questionId });
    }
  }
}

/** Whether a chosen set is exactly the correct set (an empty choice is never right). */
function isRight(correctIds: string[], chosen: string[]): boolean {
  return chosen.length === correctIds.length && correctIds.every((id) => chosen.includes(id));
}

/** Percent right, rounded down; integer arithmetic so 2/3 is 66, never 67. */
export function scoreFor(right: number, total: number): number {
  return total === 0 ? 0 : Math.floor((right * 100) / total);
}

/** Grades raw submitted answers against a quiz: 400 for a wrong shape, 422 for ids that do not fit; unanswered counts wrong. */
export function gradeAttempt(quiz: Quiz, passMark: number, input: unknown): Grade {
  const answers = parseAnswers(input);
  checkAnswers(quiz, answers);
  const kept: Answers = {};
  const results = quiz.questions.map((q) => {
    const chosen = [...(answers[q.id] ?? [])].sort();
    if (chosen.length) kept[q.id] = chosen;
    const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
    return { questionId: q.id, correct: isRight(correctIds, chosen), explanation: q.explanation };
  });
  const right = results.filter((r) => r.correct).length;
  const score = scoreFor(right, quiz.questions.length);
  return { answers: kept, results, right, total: quiz.questions.length, score, passed: score >= passMark };
}
