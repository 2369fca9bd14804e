import type { APIRoute } from 'astro';
import { z } from 'zod';
import { handle, json, readJson } from '../../../lib/http.ts';
import { createSite, listSites } from '../../../lib/programme/manage-sites.ts';
import { runtime } from '../../../lib/runtime.ts';

const body = z.object({ name: z.string().max(1000), address: z.string().max(2000).optional(), responsibleId: z.string().max(100).nullish(), responsibleEmail: z.string().max(320).optional() });

// GET /api/sites: the register of sites.
export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  return json(await listSites(db, { actor: ctx.locals.user!, includeRetired: ctx.url.searchParams.get('all') === '1' }));
});

// POST /api/sites {name, address?, responsibleId?}: 201 {id}; 409 when the name is taken.
export const POST: APIRoute = handle(async (ctx) => {
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  return json(await createSite(db, { actor: ctx.locals.user!, site: input }), 201);
});
