import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { newId } from '../../../src/lib/ids.ts';
import { listMyCompletions } from '../../../src/lib/training/list-my-completions.ts';
import { listMyCourses } from '../../../src/lib/training/list-my-courses.ts';
import { markLessonRead } from '../../../src/lib/training/mark-lesson-read.ts';
import { submitAttempt } from '../../../src/lib/training/submit-attempt.ts';
import { tempDb } from '../../support/db.ts';
import { answersFor } from './fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
let db: Db;
let close: () => void;
let user: { id: string; role: 'employee' };
beforeEach(async () => {
  ({ db, close } = await tempDb());
  user = { id: await createUser(db, { user: { email: 'bo@example.com', name: 'Bo', role: 'employee', department: undefined }, password: 'a long enough password', actor: systemActor }), role: 'employee' };
});
afterEach(() => close());

const assign = (courseSlug: string, dueAt: number) => db.insert(assignments).values({ id: newId(), userId: user.id, courseSlug, dueAt, createdAt: Date.now() });
const bySlug = async (now = Date.now()) => new Map((await listMyCourses({ db, user, locale: 'en', now })).map((c) => [c.slug, c]));

describe('my courses', () => {
  it('lists every course with status, due date and progress from assignments, reads and completions', async () => {
    const now = Date.now();
    await assign('confidentiality', now - DAY);
    await assign('retention-and-destruction', now + 5 * DAY);
    await markLessonRead({ db, userId: user.id, courseSlug: 'retention-and-destruction', lessonSlug: 'secure-destruction' });
    await submitAttempt({ db, userId: user.id, courseSlug: 'emergency-response', locale: 'en', answers: answersFor('emergency-response') });
    const courses = await bySlug(now);
    expect([...courses.keys()].sort()).toEqual(['confidentiality', 'emergency-response', 'retention-and-destruction']);
    expect(courses.get('confidentiality')).toMatchObject({ status: 'overdue', dueAt: now - DAY, lessonsRead: 0, assigned: true });
    expect(courses.get('retention-and-destruction')).toMatchObject({ status: 'in_progress', dueAt: now + 5 * DAY, lessonsRead: 1, lessonsTotal: 6, readLessons: ['secure-destruction'] });
    const done = courses.get('emergency-response')!;
    expect(done).toMatchObject({ status: 'completed', assigned: false, attempts: 1, bestScore: 100 });
    expect(done.completionId).toBeTruthy();
    expect(done.expiresAt).toBeGreaterThan(now);
  });

  it('shows an assigned course as assigned before anything is read', async () => {
    await assign('confidentiality', Date.now() + 30 * DAY);
    expect((await bySlug()).get('confidentiality')!.status).toBe('assigned');
    expect((await bySlug()).get('emergency-response')!.status).toBe('not_assigned');
  });

  it('shows a completion as expired after its expiry date', async () => {
    await submitAttempt({ db, userId: user.id, courseSlug: 'confidentiality', locale: 'en', answers: answersFor('confidentiality'), now: Date.now() - 400 * DAY });
    expect((await bySlug()).get('confidentiality')!.status).toBe('expired');
  });

  it('can narrow to one course', async () => {
    const only = await listMyCourses({ db, user, locale: 'zh-cn', slug: 'confidentiality' });
    expect(only.map((c) => c.slug)).toEqual(['confidentiality']);
    expect(only[0]!.title).toBe('客户资料保密');
  });
});

describe('marking a lesson as read', () => {
  it('counts a lesson once however often it is marked', async () => {
    expect(await markLessonRead({ db, userId: user.id, courseSlug: 'confidentiality', lessonSlug: 'why-it-matters' })).toEqual({ created: true });
    expect(await markLessonRead({ db, userId: user.id, courseSlug: 'confidentiality', lessonSlug: 'why-it-matters' })).toEqual({ created: false });
    expect((await bySlug()).get('confidentiality')!.lessonsRead).toBe(1);
  });

  it('answers 404 for an unknown course or lesson', async () => {
    const status = (courseSlug: string, lessonSlug: string) => markLessonRead({ db, userId: user.id, courseSlug, lessonSlug }).then(() => 200, (e: AppError) => e.status);
    expect(await status('confidentiality', 'nope')).toBe(404);
    expect(await status('nope', 'why-it-matters')).toBe(404);
  });
});

describe('my completions', () => {
  it('lists completions with course, version, dates and score, newest first', async () => {
    await submitAttempt({ db, userId: user.id, courseSlug: 'confidentiality', locale: 'en', answers: answersFor('confidentiality'), now: 1000 });
    await submitAttempt({ db, userId: user.id, courseSlug: 'emergency-response', locale: 'en', answers: answersFor('emergency-response'), now: 2000 });
    const list = await listMyCompletions({ db, userId: user.id });
    expect(list.map((c) => [c.course, c.version, c.completedAt, c.score])).toEqual([
      ['emergency-response', 2, 2000, 100],
      ['confidentiality', 2, 1000, 100],
    ]);
  });
});
