import type { APIRoute } from 'astro';
import { handle, json } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { listMyCourses } from '../../../lib/training/list-my-courses.ts';
import { requestLocale } from '../_request-locale.ts';

export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  const courses = await listMyCourses({ db, user: ctx.locals.user!, locale: requestLocale(ctx.url, ctx.locals.locale) });
  return json(
    courses.map((c) => ({
      slug: c.slug,
      title: c.title,
      version: c.version,
      status: c.status,
      dueAt: c.dueAt,
      completedAt: c.completedAt,
      expiresAt: c.expiresAt,
      lessonsRead: c.lessonsRead,
      lessonsTotal: c.lessonsTotal,
      completionId: c.completionId,
    })),
  );
});
