import type { APIRoute } from 'astro';
import { contentVersion } from '../../../../../../lib/authoring/content-history.ts';
import { notFound } from '../../../../../../lib/errors.ts';
import { handle, json } from '../../../../../../lib/http.ts';
import { runtime } from '../../../../../../lib/runtime.ts';
import { routeParams } from '../../../../_route-params.ts';
import { kindOf } from '../../../_authoring-request.ts';

// GET /api/authoring/courses/:slug/versions/:version: that version's content and its text diff against the one before.
export const GET: APIRoute = handle(async (ctx) => {
  const { slug, version } = routeParams(ctx.params);
  if (!/^\d{1,9}$/.test(version!)) throw notFound();
  const { db } = await runtime();
  return json(await contentVersion(db, { actor: ctx.locals.user!, kind: kindOf(ctx.params.kind), slug: slug!, version: Number(version) }));
});
