import type { APIRoute } from 'astro';
import { z } from 'zod';
import { createManualAction, MAX_ACTION_TITLE } from '../../../../lib/audit/create-manual-action.ts';
import { listAuditActions } from '../../../../lib/audit/list-audit-actions.ts';
import { badRequest } from '../../../../lib/errors.ts';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { parseDueDate } from '../../../../lib/training/assignment-input.ts';
import { routeParams } from '../../_route-params.ts';

const body = z.strictObject({
  title: z.string().max(MAX_ACTION_TITLE * 5),
  detail: z.string().max(20_000).optional(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  owner: z.string().trim().min(1).max(254).optional(),
  dueAt: z.union([z.number(), z.string().trim().max(40)]).optional(),
});

// GET /api/audits/:id/actions: the audit's actions, whether it is closed (all verified), and its follow-up reports.
export const GET: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const { db } = await runtime();
  return json(await listAuditActions(db, { auditId: id!, actor: ctx.locals.user! }));
});

// POST /api/audits/:id/actions {title, detail?, severity, owner?, dueAt?}: 201 {id, dueAt}; a finding outside the checklist, on a signed audit (409 on a draft).
export const POST: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const input = await readJson(ctx.request, body);
  const dueAt = input.dueAt === undefined ? undefined : parseDueDate(input.dueAt);
  if (dueAt === null) throw badRequest('The request is malformed', [{ path: 'dueAt', message: 'use a day like 2026-03-31, an ISO date-time, or milliseconds since 1970' }]);
  const { db } = await runtime();
  const created = await createManualAction(db, { auditId: id!, actor: ctx.locals.user!, title: input.title, detail: input.detail, severity: input.severity, owner: input.owner, dueAt });
  return json({ ...created, url: `/api/actions/${created.id}` }, 201);
});
