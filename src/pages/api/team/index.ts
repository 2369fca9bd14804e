import type { APIRoute } from 'astro';
import { handle, json } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { listTeam, teamMemberJson } from '../../../lib/team/list-team.ts';

/** GET /api/team: the actor's reports (directly or through the chain) with their courses and open actions. */
export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  return json((await listTeam(db, ctx.locals.user!)).map(teamMemberJson));
});
