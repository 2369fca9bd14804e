// The quiz a person is shown: options in a new order for each attempt (the same order on a reload), and
// grading by option id, so the order on screen can never change what is right.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { getCourse } from '../../../src/lib/content/catalog.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { getQuiz, type PublicQuiz } from '../../../src/lib/training/get-quiz.ts';
import { submitAttempt } from '../../../src/lib/training/submit-attempt.ts';
import { tempDb } from '../../support/db.ts';

const slug = 'confidentiality';
const content = getCourse(slug, 'en')!.quiz.questions;
const rightIds = Object.fromEntries(content.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
const order = (quiz: PublicQuiz) => Object.fromEntries(quiz.questions.map((q) => [q.id, q.options.map((o) => o.id).join(',')]));

let db: Db;
let close: () => void;
let userId: string;
beforeEach(async () => {
  ({ db, close } = await tempDb());
  userId = await createUser(db, { user: { email: 'sam@example.com', name: 'Sam', role: 'employee', department: undefined }, password: 'a long enough password', actor: systemActor });
});
afterEach(() => close());

const quiz = (locale: 'en' | 'zh-cn' = 'en') => getQuiz({ db, userId, courseSlug: slug, locale });
const submit = (answers: Record<string, string[]>) => submitAttempt({ db, userId, courseSlug: slug, locale: 'en', answers });

describe('option order per attempt', () => {
  it('keeps the order on a reload, and changes it for the next attempt', async () => {
    const first = await quiz();
    expect(first.attemptNumber).toBe(1);
    expect(order(await quiz())).toEqual(order(first));
    await submit(rightIds);
    const second = await quiz();
    expect(second.attemptNumber).toBe(2);
    const changed = second.questions.filter((q) => q.type !== 'truefalse' && order(second)[q.id] !== order(first)[q.id]);
    expect(changed.length).toBeGreaterThan(content.filter((q) => q.type !== 'truefalse').length / 2);
    // True/false questions keep True before False.
    for (const q of second.questions.filter((x) => x.type === 'truefalse')) expect(q.options.map((o) => o.id)).toEqual(['true', 'false']);
  });

  it('shows the same order in both languages for the same attempt, since ids are shared', async () => {
    expect(order(await quiz('zh-cn'))).toEqual(order(await quiz('en')));
  });

  it('grades by option id: the right ids pass whatever the order, the shown position of the right answer in the file does not', async () => {
    const shown = await quiz();
    // Someone who learned "the answer is the second option" from the file, applied to the shuffled screen.
    const byPosition = Object.fromEntries(
      shown.questions.map((q) => {
        const inFile = content.find((c) => c.id === q.id)!;
        const positions = inFile.options.flatMap((o, i) => (o.correct ? [i] : []));
        return [q.id, positions.map((i) => q.options[i]!.id)];
      }),
    );
    const guessed = await submit(byPosition);
    expect(guessed.score).toBeLessThan(100);
    const right = await submit(rightIds);
    expect(right).toMatchObject({ score: 100, passed: true });
  });
});
