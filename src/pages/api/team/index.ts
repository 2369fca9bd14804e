import type { APIRoute } from 'astro';
import { handle, json } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { listTeam } from '../../../lib/team/list-team.ts';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** GET /api/team: the actor's reports (directly or through the chain) with their courses and open actions. */
export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  const team = await listTeam(db, ctx.locals.user!);
  return json(
    team.map((m) => ({
      email: m.email,
      name: m.name,
      department: m.department,
      courses: m.courses.map((c) => ({ course: c.course, status: c.status, dueAt: iso(c.dueAt), completedAt: iso(c.completedAt), expiresAt: iso(c.expiresAt), daysOverdue: c.daysOverdue })),
      openActions: m.openActions.map((a) => ({ id: a.id, title: a.title, status: a.status, dueAt: iso(a.dueAt), overdue: a.overdue })),
    })),
  );
});
