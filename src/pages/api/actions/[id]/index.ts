import type { APIRoute } from 'astro';
import { z } from 'zod';
import { getAction } from '../../../../lib/audit/get-action.ts';
import { updateAction } from '../../../../lib/audit/update-action.ts';
import { ACTION_STATUSES } from '../../../../lib/audit/action-transitions.ts';
import { badRequest } from '../../../../lib/errors.ts';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { parseDueDate } from '../../../../lib/training/assignment-input.ts';
import { routeParams } from '../../_route-params.ts';


const patchBody = z
  .strictObject({
    status: z.enum(ACTION_STATUSES).optional(),
    owner: z.string().trim().min(1).max(254).optional(),
    dueAt: z.union([z.number(), z.string().trim().max(40)]).optional(),
    comment: z.string().max(20_000).optional(),
  })
  .refine((b) => b.status !== undefined || b.owner !== undefined || b.dueAt !== undefined || b.comment !== undefined, { message: 'give at least one of status, owner, dueAt, comment' });

// GET /api/actions/:id: the action with its finding, events, evidence and the moves open to the caller (owner, auditors, admins; else 404).
export const GET: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const { db } = await runtime();
  return json(await getAction(db, { actionId: id!, actor: ctx.locals.user! }));
});

// PATCH /api/actions/:id {status?, owner? (id or email), dueAt? (ms, ISO, or YYYY-MM-DD), comment?}: 200 with the new state;
// 422 for an illegal transition (details.allowed names the moves open to the caller), 403 for a move only auditors make.
export const PATCH: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const body = await readJson(ctx.request, patchBody);
  let dueAt: number | undefined;
  if (body.dueAt !== undefined) {
    const parsed = parseDueDate(body.dueAt);
    if (parsed === null) throw badRequest('The request is malformed', [{ path: 'dueAt', message: 'use a day like 2026-03-31, an ISO date-time, or milliseconds since 1970' }]);
    dueAt = parsed;
  }
  const { db } = await runtime();
  const result = await updateAction(db, { actionId: id!, actor: ctx.locals.user!, status: body.status, owner: body.owner, dueAt, comment: body.comment });
  return json(result);
});
