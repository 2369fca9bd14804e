import type { APIRoute } from 'astro';
import { config } from '../../../lib/config.ts';
import { notFound } from '../../../lib/errors.ts';
import { handle } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';
import { issueCertificate } from '../../../lib/training/issue-certificate.ts';
import { routeParams } from '../_route-params.ts';

// GET /api/certificates/<completionId>.pdf: the stored signed PDF, byte-identical on every request.
export const GET: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const match = /^([a-z0-9]{1,64})\.pdf$/.exec(params.file!);
  if (!match) throw notFound('No such certificate');
  const cfg = config();
  const { db } = await runtime();
  const cert = await issueCertificate({
    db,
    completionId: match[1]!,
    viewer: ctx.locals.user!,
    signing: { dataDir: cfg.dataDir, organisation: cfg.organisation, p12Path: cfg.signingP12, passphrase: cfg.signingPassphrase },
  });
  return new Response(new Uint8Array(cert.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${cert.fileName}"`,
      'content-length': String(cert.bytes.length),
      'cache-control': 'private, no-store',
      'x-content-sha256': cert.sha256,
    },
  });
});
