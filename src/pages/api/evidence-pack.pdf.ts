import type { APIRoute } from 'astro';
import { z } from 'zod';
import { badRequest } from '../../lib/errors.ts';
import { handle } from '../../lib/http.ts';
import { issueEvidencePack } from '../../lib/programme/issue-evidence-pack.ts';
import { orgSigningOptions } from '../../lib/reports/org-signing.ts';
import { runtime } from '../../lib/runtime.ts';
import { locales } from '../../i18n/index.ts';

const query = z.object({ from: z.string().max(10), to: z.string().max(10), lang: z.enum(locales).optional() });

// GET /api/evidence-pack.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD[&lang=en|zh-cn]: a newly signed evidence pack for the period.
export const GET: APIRoute = handle(async (ctx) => {
  const parsed = query.safeParse({ from: ctx.url.searchParams.get('from') ?? undefined, to: ctx.url.searchParams.get('to') ?? undefined, lang: ctx.url.searchParams.get('lang') || undefined });
  if (!parsed.success) throw badRequest('Give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const { db } = await runtime();
  const pack = await issueEvidencePack(db, { actor: ctx.locals.user!, from: parsed.data.from, to: parsed.data.to, locale: parsed.data.lang ?? ctx.locals.locale, signing: orgSigningOptions() });
  return new Response(new Uint8Array(pack.bytes), {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${pack.fileName}"`,
      'content-length': String(pack.bytes.length),
      'x-content-sha256': pack.sha256,
      'x-verification-code': pack.verificationCode,
      'cache-control': 'private, no-store',
    },
  });
});
