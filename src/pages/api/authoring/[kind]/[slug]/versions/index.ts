import type { APIRoute } from 'astro';
import { contentHistory } from '../../../../../../lib/authoring/content-history.ts';
import { handle, json } from '../../../../../../lib/http.ts';
import { runtime } from '../../../../../../lib/runtime.ts';
import { routeParams } from '../../../../_route-params.ts';
import { kindOf } from '../../../_authoring-request.ts';

// GET /api/authoring/courses/:slug/versions: every published version, newest first, with note and material flag.
export const GET: APIRoute = handle(async (ctx) => {
  const { slug } = routeParams(ctx.params);
  const { db } = await runtime();
  return json(await contentHistory(db, { actor: ctx.locals.user!, kind: kindOf(ctx.params.kind), slug: slug! }));
});
