import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

export type IsLessonReadOptions = { db: Db; userId: string; courseSlug: string; lessonSlug: string };

/** Whether the person marked this lesson read: one primary-key lookup, for the lesson page that every reader loads. */
export async function isLessonRead(o: IsLessonReadOptions): Promise<boolean> {
  const rows = await o.db.all<{ read: number }>(
    sql`SELECT 1 AS "read" FROM lesson_progress WHERE user_id = ${o.userId} AND course_slug = ${o.courseSlug} AND lesson_slug = ${o.lessonSlug}`,
  );
  return rows.length > 0;
}
