import type { APIRoute } from 'astro';
import { handle, json } from '../../../../../../lib/http.ts';
import { runtime } from '../../../../../../lib/runtime.ts';
import { markLessonRead } from '../../../../../../lib/training/mark-lesson-read.ts';

export const POST: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  const { created } = await markLessonRead({ db, userId: ctx.locals.user!.id, courseSlug: ctx.params.slug ?? '', lessonSlug: ctx.params.lesson ?? '' });
  return json({ read: true, created });
});
