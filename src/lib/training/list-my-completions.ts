import { desc, eq } from 'drizzle-orm';
import { completions } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';

export type ListMyCompletionsOptions = { db: Db; userId: string };

export type MyCompletion = { id: string; course: string; version: number; completedAt: number; expiresAt: number | null; score: number; certificateNumber: string };

/** A person's completions, newest first: their transcript (earlier versions stay on it). */
export async function listMyCompletions(o: ListMyCompletionsOptions): Promise<MyCompletion[]> {
  return o.db
    .select({
      id: completions.id,
      course: completions.courseSlug,
      version: completions.courseVersion,
      completedAt: completions.completedAt,
      expiresAt: completions.expiresAt,
      score: completions.score,
      certificateNumber: completions.certificateNumber,
    })
    .from(completions)
    .where(eq(completions.userId, o.userId))
    .orderBy(desc(completions.completedAt));
}
