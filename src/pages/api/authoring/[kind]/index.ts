import type { APIRoute } from 'astro';
import { z } from 'zod';
import { createContent } from '../../../../lib/authoring/create-content.ts';
import { listAuthoring } from '../../../../lib/authoring/list-authoring.ts';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { kindOf, MAX_DOC_BYTES } from '../_authoring-request.ts';

const body = z.looseObject({ slug: z.string().max(80) });

// GET /api/authoring/courses (or checklists): each with published version, draft state and untranslated count.
export const GET: APIRoute = handle(async (ctx) => {
  const kind = kindOf(ctx.params.kind);
  const { db } = await runtime();
  return json((await listAuthoring(db, { actor: ctx.locals.user! })).filter((r) => r.kind === kind));
});

// POST /api/authoring/courses {slug, ...the whole course in both languages}: 201 {slug, revision}, a draft until published.
export const POST: APIRoute = handle(async (ctx) => {
  const kind = kindOf(ctx.params.kind);
  const { slug, ...doc } = await readJson(ctx.request, body, MAX_DOC_BYTES);
  const { db } = await runtime();
  return json(await createContent(db, { actor: ctx.locals.user!, kind, slug, doc }), 201);
});
