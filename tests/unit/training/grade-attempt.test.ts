import { describe, expect, it } from 'vitest';
import type { Quiz } from '../../../src/lib/content/schemas.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { gradeAttempt, scoreFor } from '../../../src/lib/training/grade-attempt.ts';

const quiz: Quiz = {
  questions: [
    { id: 'q1', type: 'single', prompt: 'One?', explanation: 'Because b.', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B', correct: true }, { id: 'c', text: 'C' }] },
    { id: 'q2', type: 'multiple', prompt: 'Which?', explanation: 'a and c.', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }, { id: 'c', text: 'C', correct: true }] },
    { id: 'q3', type: 'truefalse', prompt: 'True?', explanation: 'It is false.', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False', correct: true }] },
  ],
};
const allRight = { q1: ['b'], q2: ['c', 'a'], q3: ['false'] };

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
};

describe('grading a quiz attempt', () => {
  it('scores every question right as 100 and passed', () => {
    const g = gradeAttempt(quiz, 80, allRight);
    expect([g.score, g.passed, g.right, g.total]).toEqual([100, true, 3, 3]);
    expect(g.results.map((r) => r.correct)).toEqual([true, true, true]);
  });

  it('counts a multiple-choice answer right only when exactly the correct set is chosen', () => {
    const right = (q2: string[]) => gradeAttempt(quiz, 80, { ...allRight, q2 }).results[1]!.correct;
    expect(right(['a', 'c'])).toBe(true);
    expect(right(['a'])).toBe(false);
    expect(right(['a', 'b', 'c'])).toBe(false);
    expect(right(['b'])).toBe(false);
    expect(right([])).toBe(false);
  });

  it('counts an unanswered question wrong', () => {
    const g = gradeAttempt(quiz, 80, { q1: ['b'], q3: ['false'] });
    expect(g.results.map((r) => r.correct)).toEqual([true, false, true]);
    expect(gradeAttempt(quiz, 80, {}).score).toBe(0);
  });

  it('rounds the percentage down: 2 of 3 is 66, not 67', () => {
    expect(gradeAttempt(quiz, 80, { q1: ['b'], q2: ['a', 'c'] }).score).toBe(66);
    expect(scoreFor(1, 3)).toBe(33);
    expect(scoreFor(7, 12)).toBe(58);
    expect(scoreFor(0, 0)).toBe(0);
  });

  it('passes at exactly the pass mark and fails one point below', () => {
    const twoOfThree = { q1: ['b'], q2: ['a', 'c'] };
    expect(gradeAttempt(quiz, 66, twoOfThree).passed).toBe(true);
    expect(gradeAttempt(quiz, 67, twoOfThree).passed).toBe(false);
  });

  it('returns each explanation with its question, in quiz order', () => {
    expect(gradeAttempt(quiz, 80, {}).results).toEqual([
      { questionId: 'q1', correct: false, explanation: 'Because b.' },
      { questionId: 'q2', correct: false, explanation: 'a and c.' },
      { questionId: 'q3', correct: false, explanation: 'It is false.' },
    ]);
  });

  it('keeps only answered questions, each choice sorted, for the record', () => {
    expect(gradeAttempt(quiz, 80, { q2: ['c', 'a'], q1: [] }).answers).toEqual({ q2: ['a', 'c'] });
  });

  it('rejects an unknown question id with 422 naming it', () => {
    const e = errorOf(() => gradeAttempt(quiz, 80, { ...allRight, q9: ['a'] }));
    expect(e.status).toBe(422);
    expect(e.message).toContain('q9');
  });

  it('rejects an unknown option id with 422 naming the question and option', () => {
    const e = errorOf(() => gradeAttempt(quiz, 80, { q1: ['z'] }));
    expect(e.status).toBe(422);
    expect(e.message).toContain('q1');
    expect(e.message).toContain('z');
  });

  it('rejects two options for a single-answer or true/false question with 422', () => {
    expect(errorOf(() => gradeAttempt(quiz, 80, { q1: ['a', 'b'] })).status).toBe(422);
    expect(errorOf(() => gradeAttempt(quiz, 80, { q3: ['true', 'false'] })).status).toBe(422);
  });

  it('rejects the same option chosen twice with 422', () => {
    expect(errorOf(() => gradeAttempt(quiz, 80, { q2: ['a', 'a'] })).status).toBe(422);
  });

  it('rejects malformed answers with 400 naming the field', () => {
    for (const bad of [null, 'b', 42, ['b'], { q1: 'b' }, { q1: [1] }, { q1: [null] }, { q1: { a: true } }]) {
      expect(errorOf(() => gradeAttempt(quiz, 80, bad)).status).toBe(400);
    }
    expect(errorOf(() => gradeAttempt(quiz, 80, { q1: 'b' })).message).toContain('answers.q1');
  });
});
