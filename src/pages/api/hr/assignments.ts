import type { APIRoute } from 'astro';
import { handle, json, readJson } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { assignCourse } from '../../../lib/training/assign-course.ts';
import { assignmentInputSchema } from '../../../lib/training/assignment-input.ts';

// POST /api/hr/assignments {course, all?|department?|emails?, dueAt, recurMonths?} → 201 {assigned, created, moved, updated, unchanged}
export const POST: APIRoute = handle(async (ctx) => {
  const input = await readJson(ctx.request, assignmentInputSchema);
  const { db } = await runtime();
  const { ruleId: _, ...result } = await assignCourse({ db, actor: ctx.locals.user!, input });
  return json(result, 201);
});
