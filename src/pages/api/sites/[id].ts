import type { APIRoute } from 'astro';
import { z } from 'zod';
import { handle, json, readJson } from '../../../lib/http.ts';
import { updateSite } from '../../../lib/programme/manage-sites.ts';
import { runtime } from '../../../lib/runtime.ts';
import { routeParams } from '../_route-params.ts';

const body = z.object({ name: z.string().max(1000).optional(), address: z.string().max(2000).optional(), responsibleId: z.string().max(100).nullish(), active: z.boolean().optional() });

// PATCH /api/sites/:id {name?, address?, responsibleId?, active?}: 200; retiring a site keeps its audits.
export const PATCH: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  await updateSite(db, { actor: ctx.locals.user!, id: id!, site: input });
  return json({ ok: true });
});
