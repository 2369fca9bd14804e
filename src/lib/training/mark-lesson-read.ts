import { lessonProgress } from '../../../db/schema.ts';
import { catalog } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';

export type MarkLessonReadOptions = { db: Db; userId: string; courseSlug: string; lessonSlug: string; now?: number };

/** Records that a person read a lesson; marking it again keeps the first time. Returns whether it was new. */
export async function markLessonRead(o: MarkLessonReadOptions): Promise<{ created: boolean }> {
  const course = catalog().courses.get(o.courseSlug)?.en;
  if (!course?.lessons.some((l) => l.slug === o.lessonSlug)) throw notFound('No such lesson').as('error.noSuchLesson');
  return writeTransaction(o.db, async (tx) => {
    const result = await tx
      .insert(lessonProgress)
      .values({ userId: o.userId, courseSlug: o.courseSlug, lessonSlug: o.lessonSlug, readAt: o.now ?? Date.now() })
      .onConflictDoNothing();
    const created = result.rowsAffected > 0;
    if (created) await appendLog(tx, { actorId: o.userId, action: 'training.lesson_read', subjectType: 'course', subjectId: o.courseSlug, details: { lesson: o.lessonSlug } });
    return { created };
  });
}
