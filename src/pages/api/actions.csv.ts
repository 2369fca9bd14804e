import type { APIRoute } from 'astro';
import { parseActionFilters } from '../../lib/audit/action-filters.ts';
import { exportActionsCsv } from '../../lib/audit/export-actions-csv.ts';
import { handle } from '../../lib/http.ts';
import { runtime } from '../../lib/runtime.ts';

// GET /api/actions.csv (same filters as /api/actions): the actions the user may see as CSV for Excel (UTF-8 with BOM), streamed.
export const GET: APIRoute = handle(async (ctx) => {
  const filters = parseActionFilters(ctx.url.searchParams, { strict: true });
  const { db } = await runtime();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportActionsCsv({ db, actor: ctx.locals.user!, filters }), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="corrective-actions-${day}.csv"`, 'cache-control': 'private, no-store' },
  });
});
