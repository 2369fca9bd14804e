import type { APIRoute } from 'astro';
import { getEvidence } from '../../../lib/audit/get-evidence.ts';
import { config } from '../../../lib/config.ts';
import { handle } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { routeParams } from '../_route-params.ts';

// GET /api/evidence/:id: one evidence file; auditors and admins, or the owner of the action it belongs to.
export const GET: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const { db } = await runtime();
  const file = await getEvidence(db, { evidenceId: params.id!, actor: ctx.locals.user!, dataDir: config().dataDir });
  // images are shown in place; a PDF is downloaded rather than rendered inside our origin
  const disposition = file.mimeType.startsWith('image/') ? 'inline' : 'attachment';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mimeType,
      'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'content-length': String(file.bytes.length),
      'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
      etag: `"${file.sha256}"`,
      'cache-control': 'private, max-age=3600, immutable',
    },
  });
});
