import type { APIRoute } from 'astro';
import { z } from 'zod';
import { publishContent } from '../../../../../lib/authoring/publish-content.ts';
import { handle, json, readJson } from '../../../../../lib/http.ts';
import { runtime } from '../../../../../lib/runtime.ts';
import { routeParams } from '../../../_route-params.ts';
import { kindOf } from '../../_authoring-request.ts';

const body = z.strictObject({ material: z.boolean(), note: z.string().max(10_000), revision: z.number().int().min(1).optional() });

// POST /api/authoring/courses/:slug/publish {material, note, revision?}: {version, recertification}; the draft becomes that version.
export const POST: APIRoute = handle(async (ctx) => {
  const { slug } = routeParams(ctx.params);
  const kind = kindOf(ctx.params.kind);
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  const published = await publishContent(db, { actor: ctx.locals.user!, kind, slug: slug!, ...input });
  return json({ version: published.version, recertification: published.recertification && { count: published.recertification.count, dueAt: published.recertification.dueAt } });
});
