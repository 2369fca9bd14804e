import type { APIRoute } from 'astro';
import { z } from 'zod';
import { recordResponse } from '../../../../../lib/audit/record-response.ts';
import { ITEM_RESULTS } from '../../../../../lib/audit/scoring.ts';
import { changeIdSchema, recordedAtSchema } from '../../../../../lib/offline/change-id.ts';
import { handle, json, readJson } from '../../../../../lib/http.ts';
import { runtime } from '../../../../../lib/runtime.ts';
import { routeParams } from '../../../_route-params.ts';

const body = z.object({ result: z.enum(ITEM_RESULTS), note: z.string().max(10_000).optional(), changeId: changeIdSchema.optional(), recordedAt: recordedAtSchema.optional() });

// PUT /api/audits/:id/responses/:itemId {result, note?, changeId?, recordedAt?}: 200 with the stored response; 409 once the audit is signed.
// A changeId already applied is not applied again: 200 with `applied: false` and the response as it stands.
export const PUT: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  return json(await recordResponse(db, { auditId: params.id!, itemId: params.itemId!, result: input.result, note: input.note, changeId: input.changeId, recordedAt: input.recordedAt, actor: ctx.locals.user! }));
});
