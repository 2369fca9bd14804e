// The assignment row's copy of the latest completion and of "started" (db triggers, migration 0001)
// must follow every way those facts are written, in whatever order they arrive.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, completions } from '../../../db/schema.ts';
import { tempDb } from '../../support/db.ts';
import { addAssignment, addAttempt, addLessonRead, addPerson, DAY } from './fixtures.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
});
afterAll(() => t?.close());

const now = Date.UTC(2026, 5, 15, 12);
const statusOf = async (userId: string, course: string) => {
  const [row] = await t.db
    .select({ completionId: assignments.completionId, completedAt: assignments.completedAt, expiresAt: assignments.expiresAt, score: assignments.score, started: assignments.started })
    .from(assignments)
    .where(sql`${assignments.userId} = ${userId} AND ${assignments.courseSlug} = ${course}`);
  return row!;
};

describe('the status columns of an assignment', () => {
  it('start empty, turn started on the first attempt or lesson read, and take the latest completion', async () => {
    const a = await addPerson(t.db);
    await addAssignment(t.db, a, 'confidentiality', now + 10 * DAY);
    expect(await statusOf(a, 'confidentiality')).toEqual({ completionId: null, completedAt: null, expiresAt: null, score: null, started: false });
    await addLessonRead(t.db, a, 'confidentiality', 'lesson-1');
    expect((await statusOf(a, 'confidentiality')).started).toBe(true);
    const first = await addAttempt(t.db, { userId: a, course: 'confidentiality', number: 1, at: now - 5 * DAY, score: 80, completion: { expiresAt: now + 360 * DAY } });
    const older = await addAttempt(t.db, { userId: a, course: 'confidentiality', number: 2, at: now - 50 * DAY, score: 95, completion: { expiresAt: now + 300 * DAY } });
    // an older completion recorded later does not replace the latest one
    expect(await statusOf(a, 'confidentiality')).toEqual({ completionId: first.completionId, completedAt: now - 5 * DAY, expiresAt: now + 360 * DAY, score: 80, started: true });
    // a correction to or removal of a completion is followed too
    await t.db.delete(completions).where(eq(completions.id, first.completionId!));
    expect((await statusOf(a, 'confidentiality')).completionId).toBe(older.completionId);
  });

  it('are filled from the record when the assignment comes after the attempts and completions', async () => {
    const b = await addPerson(t.db);
    const done = await addAttempt(t.db, { userId: b, course: 'emergency-response', number: 1, at: now - DAY, score: 90, completion: { expiresAt: null } });
    await addAttempt(t.db, { userId: b, course: 'retention-and-destruction', number: 1, at: now - DAY, score: 10 });
    await addAssignment(t.db, b, 'emergency-response', now + DAY);
    await addAssignment(t.db, b, 'retention-and-destruction', now + DAY);
    expect(await statusOf(b, 'emergency-response')).toEqual({ completionId: done.completionId, completedAt: now - DAY, expiresAt: null, score: 90, started: true });
    expect(await statusOf(b, 'retention-and-destruction')).toMatchObject({ completionId: null, started: true });
  });

  it('leave other people and courses alone', async () => {
    const c = await addPerson(t.db);
    const d = await addPerson(t.db);
    await addAssignment(t.db, c, 'confidentiality', now + DAY);
    await addAssignment(t.db, d, 'confidentiality', now + DAY);
    await addAssignment(t.db, c, 'emergency-response', now + DAY);
    await addAttempt(t.db, { userId: c, course: 'confidentiality', number: 1, at: now, completion: { expiresAt: null } });
    expect((await statusOf(c, 'confidentiality')).completionId).not.toBeNull();
    expect(await statusOf(d, 'confidentiality')).toMatchObject({ completionId: null, started: false });
    expect(await statusOf(c, 'emergency-response')).toMatchObject({ completionId: null, started: false });
  });
});
