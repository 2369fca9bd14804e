import type { APIRoute } from 'astro';
import { parseActionFilters } from '../../../lib/audit/action-filters.ts';
import { listActions } from '../../../lib/audit/list-actions.ts';
import { handle, json } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';

// GET /api/actions (?status=, severity=, owner=, audit=, overdue=1, sort=, dir=): the actions the user may see
// (their own; auditors and admins all), as [{id,auditId,itemId,title,severity,status,owner,dueAt,overdue,...}].
// The counts per status and overdue come in the x-action-counts header.
export const GET: APIRoute = handle(async (ctx) => {
  const filters = parseActionFilters(ctx.url.searchParams, { strict: true });
  const limit = Math.min(Math.max(Number(ctx.url.searchParams.get('limit') ?? 500) || 500, 1), 2000);
  const { db } = await runtime();
  const { rows, counts } = await listActions(db, { actor: ctx.locals.user!, filters, limit });
  return json(rows, 200, { 'x-action-counts': JSON.stringify(counts) });
});
