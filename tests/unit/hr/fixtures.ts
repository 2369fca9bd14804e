// Builders for HR tests: people, assignments, attempts and completions written straight to a temp database.
import { assignments, attempts, completions, departments, lessonProgress, users } from '../../../db/schema.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { newId } from '../../../src/lib/ids.ts';
import { seededRandom } from '../../../src/lib/training/shuffle.ts';

export const DAY = 24 * 60 * 60 * 1000;

/** A deterministic generator, so a generated dataset is the same on every run. */
export const prng = (seed: number): (() => number) => seededRandom(String(seed));

export async function addDepartment(db: Db, name: string): Promise<string> {
  const id = newId();
  await db.insert(departments).values({ id, name, createdAt: 0 });
  return id;
}

export async function addPerson(db: Db, o: { name?: string; email?: string; departmentId?: string | null; active?: boolean; role?: 'employee' | 'hr' | 'admin' } = {}): Promise<string> {
  const id = newId();
  await db.insert(users).values({ id, email: o.email ?? `${id}@test.example`, name: o.name ?? `Person ${id.slice(0, 4)}`, role: o.role ?? 'employee', departmentId: o.departmentId ?? null, passwordHash: 'x', active: o.active ?? true, createdAt: 0 });
  return id;
}

export async function addAssignment(db: Db, userId: string, courseSlug: string, dueAt: number): Promise<void> {
  await db.insert(assignments).values({ id: newId(), userId, courseSlug, dueAt, recurMonths: 12, createdAt: 0 });
}

/** Stores an attempt (with answers and results JSON) and, when `completion` is given, the completion it earned. */
export async function addAttempt(
  db: Db,
  o: { userId: string; course: string; number: number; at: number; score?: number; answers?: Record<string, string[]>; results?: Record<string, boolean>; completion?: { expiresAt: number | null } },
): Promise<{ attemptId: string; completionId: string | null }> {
  const attemptId = newId();
  const passed = o.completion !== undefined;
  await db.insert(attempts).values({
    id: attemptId, userId: o.userId, courseSlug: o.course, courseVersion: 1, locale: 'en',
    answers: JSON.stringify(o.answers ?? {}), results: JSON.stringify(o.results ?? {}),
    score: o.score ?? (passed ? 90 : 40), passed, attemptNumber: o.number, createdAt: o.at,
  });
  if (!o.completion) return { attemptId, completionId: null };
  const completionId = newId();
  await db.insert(completions).values({ id: completionId, userId: o.userId, courseSlug: o.course, courseVersion: 1, attemptId, score: o.score ?? 90, completedAt: o.at, expiresAt: o.completion.expiresAt, certificateNumber: newId() });
  return { attemptId, completionId };
}

export async function addLessonRead(db: Db, userId: string, courseSlug: string, lessonSlug: string): Promise<void> {
  await db.insert(lessonProgress).values({ userId, courseSlug, lessonSlug, readAt: 0 });
}
