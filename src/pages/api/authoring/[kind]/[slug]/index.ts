import type { APIRoute } from 'astro';
import { getAuthoring } from '../../../../../lib/authoring/get-authoring.ts';
import { handle, json } from '../../../../../lib/http.ts';
import { runtime } from '../../../../../lib/runtime.ts';
import { routeParams } from '../../../_route-params.ts';
import { kindOf } from '../../_authoring-request.ts';

// GET /api/authoring/courses/:slug: {slug, kind, published: {version, ...} | null, draft?: {revision, ...}}.
export const GET: APIRoute = handle(async (ctx) => {
  const { slug } = routeParams(ctx.params);
  const { db } = await runtime();
  return json(await getAuthoring(db, { actor: ctx.locals.user!, kind: kindOf(ctx.params.kind), slug: slug! }));
});
