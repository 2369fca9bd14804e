import type { APIRoute } from 'astro';
import { handle, json } from '../../../../lib/http.ts';
import { startReAudit } from '../../../../lib/programme/start-re-audit.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// POST /api/audits/:id/re-audit: 201 {id, items}: a draft holding the signed audit's failed and partial items.
export const POST: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const { db } = await runtime();
  return json(await startReAudit(db, { auditId: id!, actor: ctx.locals.user! }), 201);
});
