import type { APIRoute } from 'astro';
import { getAudit } from '../../../../lib/audit/get-audit.ts';
import { handle, json } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// GET /api/audits/:id: the audit with its checklist, every response, evidence, score, and once signed its report and actions.
export const GET: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const { db } = await runtime();
  return json(await getAudit(db, { auditId: params.id!, actor: ctx.locals.user! }));
});
