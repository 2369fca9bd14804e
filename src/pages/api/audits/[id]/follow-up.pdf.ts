import type { APIRoute } from 'astro';
import { getFollowUpReport } from '../../../../lib/audit/get-follow-up-report.ts';
import { issueFollowUpReport } from '../../../../lib/audit/issue-follow-up-report.ts';
import { handle } from '../../../../lib/http.ts';
import { orgSigningOptions } from '../../../../lib/reports/org-signing.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';


function pdfResponse(doc: { bytes: Buffer; sha256: string; fileName: string }, status: number): Response {
  return new Response(new Uint8Array(doc.bytes), {
    status,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${doc.fileName}"`,
      'content-length': String(doc.bytes.length),
      etag: `"${doc.sha256}"`,
      'x-content-sha256': doc.sha256,
      'cache-control': 'private, no-cache',
    },
  });
}

// GET /api/audits/:id/follow-up.pdf (?doc=<id>): the latest (or the given) follow-up report already issued, byte-identical; 404 when none.
export const GET: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const { db } = await runtime();
  const doc = await getFollowUpReport(db, { auditId: id!, actor: ctx.locals.user!, documentId: ctx.url.searchParams.get('doc') ?? undefined });
  return pdfResponse(doc, 200);
});

// POST /api/audits/:id/follow-up.pdf: issues a new signed follow-up report of the actions as they stand now; 201 with the PDF.
export const POST: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const { db } = await runtime();
  const doc = await issueFollowUpReport(db, { auditId: id!, actor: ctx.locals.user!, signing: orgSigningOptions() });
  return pdfResponse(doc, 201);
});
