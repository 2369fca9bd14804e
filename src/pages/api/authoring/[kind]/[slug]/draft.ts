import type { APIRoute } from 'astro';
import { z } from 'zod';
import { discardDraft } from '../../../../../lib/authoring/discard-draft.ts';
import { saveDraft } from '../../../../../lib/authoring/save-draft.ts';
import { badRequest } from '../../../../../lib/errors.ts';
import { handle, json, readJson } from '../../../../../lib/http.ts';
import { runtime } from '../../../../../lib/runtime.ts';
import { routeParams } from '../../../_route-params.ts';
import { kindOf, MAX_DOC_BYTES } from '../../_authoring-request.ts';

const body = z.looseObject({ revision: z.number().int().min(0).nullable().optional() });

// PUT /api/authoring/courses/:slug/draft {revision, ...the whole course in both languages}: 200 {revision, untranslated};
// 422 naming each bad field; 409 when someone else saved since `revision` (the draft revision it was based on; 0 or absent for none).
export const PUT: APIRoute = handle(async (ctx) => {
  const { slug } = routeParams(ctx.params);
  const kind = kindOf(ctx.params.kind);
  const { revision, ...doc } = await readJson(ctx.request, body, MAX_DOC_BYTES);
  const { db } = await runtime();
  return json(await saveDraft(db, { actor: ctx.locals.user!, kind, slug: slug!, revision: revision ?? null, doc }));
});

// DELETE /api/authoring/courses/:slug/draft?revision=n: 204, the draft thrown away (409 if someone saved since n).
export const DELETE: APIRoute = handle(async (ctx) => {
  const { slug } = routeParams(ctx.params);
  const kind = kindOf(ctx.params.kind);
  const revision = Number.parseInt(ctx.url.searchParams.get('revision') ?? '', 10);
  if (!Number.isInteger(revision) || revision < 1) throw badRequest('The request is malformed', [{ path: 'revision', message: 'give the draft revision being discarded' }]);
  const { db } = await runtime();
  await discardDraft(db, { actor: ctx.locals.user!, kind, slug: slug!, revision });
  return new Response(null, { status: 204 });
});
