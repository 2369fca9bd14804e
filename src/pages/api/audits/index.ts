import type { APIRoute } from 'astro';
import { z } from 'zod';
import { locales } from '../../../i18n/index.ts';
import { listAudits } from '../../../lib/audit/list-audits.ts';
import { startAudit } from '../../../lib/audit/start-audit.ts';
import { handle, json, readJson } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';

const body = z.object({ checklist: z.string().max(100), title: z.string().max(1000), site: z.string().max(1000).nullish(), locale: z.enum(locales).optional() });

// GET /api/audits[?status=draft|signed]: audits with score and open findings.
export const GET: APIRoute = handle(async (ctx) => {
  const { db } = await runtime();
  const status = ctx.url.searchParams.get('status');
  return json(await listAudits(db, { actor: ctx.locals.user!, status: status === 'draft' || status === 'signed' ? status : undefined }));
});

// POST /api/audits {checklist, title, site?, locale?}: 201 {id}; the checklist's language defaults to the request's.
export const POST: APIRoute = handle(async (ctx) => {
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  const { id } = await startAudit(db, { checklist: input.checklist, title: input.title, site: input.site, locale: input.locale ?? ctx.locals.locale, actor: ctx.locals.user! });
  return json({ id }, 201);
});
