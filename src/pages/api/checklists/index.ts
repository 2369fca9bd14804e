import type { APIRoute } from 'astro';
import { listChecklists } from '../../../lib/content/catalog.ts';
import { handle, json } from '../../../lib/http.ts';
import { requestLocale } from '../_request-locale.ts';

// GET /api/checklists[?locale=zh-cn]: every checklist template with its sections and items.
export const GET: APIRoute = handle(async (ctx) => {
  const locale = requestLocale(ctx.url, ctx.locals.locale);
  return json(listChecklists(locale).map((c) => ({ slug: c.slug, locale: c.locale, title: c.title, version: c.version, sections: c.sections })));
});
