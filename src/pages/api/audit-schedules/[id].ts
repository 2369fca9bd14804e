import type { APIRoute } from 'astro';
import { z } from 'zod';
import { handle, json, readJson } from '../../../lib/http.ts';
import { changeSchedule, endSchedule, parseDueDate, resolveScheduleRefs } from '../../../lib/programme/manage-schedules.ts';
import { runtime } from '../../../lib/runtime.ts';
import { routeParams } from '../_route-params.ts';

const body = z.object({ auditor: z.string().max(320).optional(), everyMonths: z.number().int().optional(), nextDueAt: z.string().max(40).optional(), leadDays: z.number().int().optional() });

// PATCH /api/audit-schedules/:id {auditor?, everyMonths?, nextDueAt?, leadDays?}: 200; the change is kept in the schedule's history.
export const PATCH: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  const refs = await resolveScheduleRefs(db, { auditor: input.auditor });
  await changeSchedule(db, { actor: ctx.locals.user!, id: id!, change: { auditorId: refs.auditorId, everyMonths: input.everyMonths, leadDays: input.leadDays, nextDueAt: input.nextDueAt === undefined ? undefined : parseDueDate(input.nextDueAt) } });
  return json({ ok: true });
});

// DELETE /api/audit-schedules/:id: ends the schedule; it, its history and its audits stay on record.
export const DELETE: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const { db } = await runtime();
  await endSchedule(db, { actor: ctx.locals.user!, id: id! });
  return json({ ended: true });
});
