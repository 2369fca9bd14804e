import type { APIRoute } from 'astro';
import { handle, json } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { getTeamMember, teamMemberJson } from '../../../lib/team/list-team.ts';
import { routeParams } from '../_route-params.ts';

/** GET /api/team/:userId: one of the actor's reports; 404 for anyone else (canSeeReport in the permission table). */
export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  return json(teamMemberJson(await getTeamMember(db, ctx.locals.user!, routeParams(ctx.params).id!)));
});
