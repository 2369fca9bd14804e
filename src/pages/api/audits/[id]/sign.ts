import type { APIRoute } from 'astro';
import { z } from 'zod';
import { signAudit } from '../../../../lib/audit/sign-audit.ts';
import { config } from '../../../../lib/config.ts';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { localePath } from '../../../../lib/locale-path.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// room for a drawn signature (150 KB of PNG is 200 KB of base64)
const MAX_BODY = 512 * 1024;
const body = z.object({ password: z.string().max(1024), statement: z.string().max(10_000).optional(), signature: z.string().max(400_000).optional() });

// POST /api/audits/:id/sign {password, statement?, signature?}: 200 {reportUrl, sha256, ...}; 401 wrong password; 422 with the blocking item ids; 409 already signed.
export const POST: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const input = await readJson(ctx.request, body, MAX_BODY);
  const { db } = await runtime();
  const cfg = config();
  const result = await signAudit(db, {
    auditId: params.id!,
    actor: ctx.locals.user!,
    password: input.password,
    statement: input.statement,
    signature: input.signature || undefined,
    dataDir: cfg.dataDir,
    organisation: cfg.organisation,
    signingP12: cfg.signingP12,
    signingPassphrase: cfg.signingPassphrase,
  });
  return json({ ...result, reportUrl: `/api/audits/${result.auditId}/report.pdf`, pageUrl: localePath(ctx.locals.locale, `/audits/${result.auditId}`) });
});
