import type { APIRoute } from 'astro';
import { handle, json } from '../../../../../../lib/http.ts';
import { runtime } from '../../../../../../lib/runtime.ts';
import { markLessonRead } from '../../../../../../lib/training/mark-lesson-read.ts';
import { routeParams } from '../../../../_route-params.ts';

export const POST: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const { db } = await runtime();
  const { created } = await markLessonRead({ db, userId: ctx.locals.user!.id, courseSlug: params.slug!, lessonSlug: params.lesson! });
  return json({ read: true, created });
});
