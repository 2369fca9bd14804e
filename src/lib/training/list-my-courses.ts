import { and, count, eq, max, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { assignments, attempts, completions, lessonProgress, type Role } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { listCourses } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { byUrgency, courseStatus, type CourseStatus } from './course-status.ts';

export type ListMyCoursesOptions = { db: Db; user: { id: string; role: Role }; locale: Locale; now?: number; slug?: string };

export type MyCourse = {
  slug: string;
  title: string;
  summary: string;
  version: number;
  passMark: number;
  estimatedMinutes: number;
  lessonsTotal: number;
  lessonsRead: number;
  readLessons: string[];
  attempts: number;
  bestScore: number | null;
  assigned: boolean;
  status: CourseStatus;
  dueAt: number | null;
  completedAt: number | null;
  expiresAt: number | null;
  /** The latest completion (current or expired), for its certificate. */
  completionId: string | null;
};

/** One person's courses with status, due date and progress, most urgent first: four grouped queries whatever the number of courses. */
export async function listMyCourses(o: ListMyCoursesOptions): Promise<MyCourse[]> {
  const now = o.now ?? Date.now();
  const only = (column: AnySQLiteColumn) => (o.slug ? eq(column, o.slug) : undefined);
  const [assigned, latest, read, tried] = await Promise.all([
    o.db.select({ slug: assignments.courseSlug, dueAt: assignments.dueAt }).from(assignments).where(and(eq(assignments.userId, o.user.id), only(assignments.courseSlug))),
    // SQLite takes the bare columns of a max() aggregate from the row holding the maximum: the latest completion
    o.db
      .select({ slug: completions.courseSlug, id: completions.id, completedAt: sql<number>`max(${completions.completedAt})`, expiresAt: completions.expiresAt })
      .from(completions)
      .where(and(eq(completions.userId, o.user.id), only(completions.courseSlug)))
      .groupBy(completions.courseSlug),
    o.db
      .select({ slug: lessonProgress.courseSlug, lessons: sql<string>`group_concat(${lessonProgress.lessonSlug})` })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, o.user.id), only(lessonProgress.courseSlug)))
      .groupBy(lessonProgress.courseSlug),
    o.db
      .select({ slug: attempts.courseSlug, n: count(), best: max(attempts.score) })
      .from(attempts)
      .where(and(eq(attempts.userId, o.user.id), only(attempts.courseSlug)))
      .groupBy(attempts.courseSlug),
  ]);
  const bySlug = <T extends { slug: string }>(rows: T[]) => new Map(rows.map((r) => [r.slug, r]));
  const [a, c, r, t] = [bySlug(assigned), bySlug(latest), bySlug(read), bySlug(tried)];

  return listCourses(o.locale)
    .filter((course) => !o.slug || course.slug === o.slug)
    .filter((course) => course.meta.audience === 'all' || course.meta.audience.includes(o.user.role) || a.has(course.slug) || c.has(course.slug))
    .map((course) => {
      const readSet = new Set(r.get(course.slug)?.lessons.split(',') ?? []);
      // lessons removed from the content since they were read do not count
      const readLessons = course.lessons.filter((l) => readSet.has(l.slug)).map((l) => l.slug);
      const completion = c.get(course.slug);
      const attemptsMade = t.get(course.slug)?.n ?? 0;
      const status = courseStatus({
        assignment: a.get(course.slug) ?? null,
        latestCompletion: completion ? { completedAt: completion.completedAt, expiresAt: completion.expiresAt } : null,
        lessonsRead: readLessons.length,
        attempts: attemptsMade,
        now,
      });
      return {
        slug: course.slug,
        title: course.meta.title,
        summary: course.meta.summary,
        version: course.meta.version,
        passMark: course.meta.passMark,
        estimatedMinutes: course.meta.estimatedMinutes,
        lessonsTotal: course.lessons.length,
        lessonsRead: readLessons.length,
        readLessons,
        attempts: attemptsMade,
        bestScore: t.get(course.slug)?.best ?? null,
        assigned: a.has(course.slug),
        ...status,
        completionId: completion?.id ?? null,
      };
    })
    .sort(byUrgency);
}
