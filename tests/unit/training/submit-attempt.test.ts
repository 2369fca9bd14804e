import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, attempts, auditLog, completions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import { getCourse } from '../../../src/lib/content/catalog.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { addMonths } from '../../../src/lib/training/course-status.ts';
import { submitAttempt } from '../../../src/lib/training/submit-attempt.ts';
import { tempDb } from '../../support/db.ts';
import { answersFor } from './fixtures.ts';

const slug = 'confidentiality';
const course = getCourse(slug, 'en')!;
let db: Db;
let close: () => void;
let userId: string;
beforeEach(async () => {
  ({ db, close } = await tempDb());
  userId = await createUser(db, { user: { email: 'amy@example.com', name: 'Amy', role: 'employee', department: undefined }, password: 'a long enough password', actor: systemActor });
});
afterEach(() => close());

const submit = (answers: unknown, o: { now?: number; locale?: 'en' | 'zh-cn' } = {}) => submitAttempt({ db, userId, courseSlug: slug, locale: o.locale ?? 'en', answers, now: o.now });
const count = async (table: typeof attempts | typeof completions) => (await db.select().from(table).where(eq(table.userId, userId))).length;
const logged = async (action: string) => (await db.select().from(auditLog).where(eq(auditLog.action, action))).length;

describe('submitting a quiz attempt', () => {
  it('takes the expiry from the assignment when HR set its own recurrence', async () => {
    const now = Date.UTC(2026, 2, 1, 9);
    await db.insert(assignments).values({ id: 'a1', userId, courseSlug: slug, dueAt: now + 86_400_000, recurMonths: 6, createdAt: now });
    await submit(answersFor(slug), { now });
    const [completion] = await db.select().from(completions).where(eq(completions.userId, userId));
    expect(completion!.expiresAt).toBe(addMonths(now, 6));
  });

  it('stores a pass with its answers and records a completion with the course version and expiry', async () => {
    const now = Date.UTC(2026, 2, 1, 9);
    const result = await submit(answersFor(slug), { now });
    expect(result).toMatchObject({ score: 100, passed: true, attemptNumber: 1 });
    expect(result.results).toHaveLength(course.quiz.questions.length);
    const [attempt] = await db.select().from(attempts).where(eq(attempts.id, result.attemptId));
    expect(JSON.parse(attempt!.answers)).toEqual(Object.fromEntries(Object.entries(answersFor(slug)).map(([k, v]) => [k, [...v].sort()])));
    expect(attempt).toMatchObject({ courseVersion: course.meta.version, locale: 'en', score: 100, passed: true });
    const [completion] = await db.select().from(completions).where(eq(completions.userId, userId));
    expect(completion).toMatchObject({ courseSlug: slug, courseVersion: course.meta.version, attemptId: result.attemptId, score: 100, completedAt: now, expiresAt: addMonths(now, course.meta.recertifyMonths) });
    expect(completion!.certificateNumber).toMatch(/^2026-/);
    expect(result.completion).toMatchObject({ id: completion!.id, created: true, version: course.meta.version });
  });

  it('stores a fail and records no completion', async () => {
    const result = await submit(answersFor(slug, { wrong: 5 }));
    expect(result.passed).toBe(false);
    expect(result.completion).toBeUndefined();
    expect(await count(attempts)).toBe(1);
    expect(await count(completions)).toBe(0);
  });

  it('records no second completion for a second pass while the first is current', async () => {
    const first = await submit(answersFor(slug));
    const second = await submit(answersFor(slug));
    expect(second.attemptNumber).toBe(2);
    expect(second.completion).toMatchObject({ id: first.completion!.id, created: false });
    expect(await count(completions)).toBe(1);
  });

  it('records a new completion once the previous one has expired', async () => {
    const start = Date.UTC(2025, 0, 1);
    await submit(answersFor(slug), { now: start });
    const later = await submit(answersFor(slug), { now: addMonths(start, 13) });
    expect(later.completion?.created).toBe(true);
    expect(await count(completions)).toBe(2);
  });

  it('gives exactly one completion for 20 simultaneous passing submissions, and keeps all 20 attempts', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(answersFor(slug))));
    expect(await count(completions)).toBe(1);
    expect(results.filter((r) => r.completion?.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.completion!.id)).size).toBe(1);
    expect(results.map((r) => r.attemptNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await logged('training.completion')).toBe(1);
    expect(await logged('training.attempt')).toBe(20);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it('logs the attempt and the completion in the audit log', async () => {
    const result = await submit(answersFor(slug));
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.actorId, userId)));
    expect(entries.map((e) => e.action)).toEqual(['training.attempt', 'training.completion']);
    expect(entries[0]!.subjectId).toBe(result.attemptId);
    expect(entries[1]!.subjectId).toBe(result.completion!.id);
  });

  it('stores nothing for malformed answers (400) or unknown ids (422)', async () => {
    const before = await db.select().from(auditLog);
    const status = (answers: unknown) => submit(answers).then(() => 201, (e: AppError) => e.status);
    expect(await status('all of them')).toBe(400);
    expect(await status({ 'q-former-clients': 'false' })).toBe(400);
    expect(await status({ 'no-such-question': ['a'] })).toBe(422);
    expect(await status({ 'q-former-clients': ['maybe'] })).toBe(422);
    expect(await status({ 'q-former-clients': ['true', 'false'] })).toBe(422);
    expect(await count(attempts)).toBe(0);
    expect(await db.select().from(auditLog)).toEqual(before);
  });

  it('answers 404 for an unknown course', async () => {
    const status = await submitAttempt({ db, userId, courseSlug: 'nope', locale: 'en', answers: {} }).then(() => 201, (err: AppError) => err.status);
    expect(status).toBe(404);
  });

  it('explains in the language the quiz was taken in, grading the same', async () => {
    const zh = await submit(answersFor(slug, { wrong: 1 }), { locale: 'zh-cn' });
    const en = await submit(answersFor(slug, { wrong: 1 }), { locale: 'en' });
    expect(zh.score).toBe(en.score);
    expect(zh.results[0]!.explanation).toBe(getCourse(slug, 'zh-cn')!.quiz.questions[0]!.explanation);
  });
});
