import type { APIRoute } from 'astro';
import { z } from 'zod';
import { commentOnAction } from '../../../../lib/audit/comment-on-action.ts';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

const body = z.strictObject({ text: z.string().max(20_000) });

// POST /api/actions/:id/comments {text}: 201 with the comment event (owner, auditors, admins; else 404).
export const POST: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  return json(await commentOnAction(db, { actionId: id!, actor: ctx.locals.user!, text: input.text }), 201);
});
