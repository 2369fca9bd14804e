import type { APIRoute } from 'astro';
import { z } from 'zod';
import { locales } from '../../../i18n/index.ts';
import { handle, json, readJson } from '../../../lib/http.ts';
import { listSchedules } from '../../../lib/programme/list-schedules.ts';
import { createSchedule, parseDueDate, resolveScheduleRefs } from '../../../lib/programme/manage-schedules.ts';
import { runtime } from '../../../lib/runtime.ts';
import { scheduleJson } from './_schedule-json.ts';

const body = z.object({
  checklist: z.string().max(100),
  site: z.string().max(200),
  auditor: z.string().max(320),
  everyMonths: z.number().int(),
  firstDueAt: z.string().max(40),
  leadDays: z.number().int().optional(),
  locale: z.enum(locales).optional(),
});

// GET /api/audit-schedules: every schedule with its next due date and whether it is overdue.
export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  return json((await listSchedules(db, { actor: ctx.locals.user!, locale: ctx.locals.locale })).map(scheduleJson));
});

// POST /api/audit-schedules {checklist, site (id or name), auditor (id or email), everyMonths, firstDueAt, leadDays?, locale?}: 201 {id}.
export const POST: APIRoute = handle(async (ctx) => {
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  const refs = await resolveScheduleRefs(db, { site: input.site, auditor: input.auditor });
  const { id } = await createSchedule(db, {
    actor: ctx.locals.user!,
    schedule: { checklist: input.checklist, siteId: refs.siteId!, auditorId: refs.auditorId!, everyMonths: input.everyMonths, firstDueAt: parseDueDate(input.firstDueAt), leadDays: input.leadDays, locale: input.locale ?? ctx.locals.locale },
  });
  return json({ id }, 201);
});
