import type { APIRoute } from 'astro';
import { getReport } from '../../../../lib/audit/get-report.ts';
import { handle } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// GET /api/audits/:id/report.pdf: the signed report, the bytes stored at signing.
export const GET: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const { db } = await runtime();
  const report = await getReport(db, { auditId: params.id!, actor: ctx.locals.user! });
  return new Response(new Uint8Array(report.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${report.fileName}"`,
      'content-length': String(report.bytes.length),
      etag: `"${report.sha256}"`,
      'x-content-sha256': report.sha256,
      'cache-control': 'private, no-cache',
    },
  });
});
