import type { APIRoute } from 'astro';
import { z } from 'zod';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { startReAudit } from '../../../../lib/programme/start-re-audit.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// nothing to choose: the re-audit holds the first audit's failed and partial items; anything else in the body is refused
const body = z.object({}).strict();

// POST /api/audits/:id/re-audit {}: 201 {id, items}: a draft holding the signed audit's failed and partial items.
export const POST: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  await readJson(ctx.request, body);
  const { db } = await runtime();
  return json(await startReAudit(db, { auditId: id!, actor: ctx.locals.user! }), 201);
});
