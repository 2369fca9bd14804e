import type { APIRoute } from 'astro';
import { MAX_EVIDENCE_BYTES } from '../../../../lib/audit/evidence-type.ts';
import { uploadActionEvidence } from '../../../../lib/audit/upload-action-evidence.ts';
import { config } from '../../../../lib/config.ts';
import { badRequest } from '../../../../lib/errors.ts';
import { handle, json, readFormData } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// the file plus the multipart framing and a comment
const MAX_BODY = MAX_EVIDENCE_BYTES + 64 * 1024;

// POST /api/actions/:id/evidence (multipart: file, comment?): 201 with the stored file (owner, auditors, admins; 409 once verified).
export const POST: APIRoute = handle(async (ctx) => {
  const { id } = routeParams(ctx.params);
  const form = await readFormData(ctx.request, MAX_BODY);
  const file = form.get('file');
  const comment = form.get('comment');
  if (!(file instanceof File)) throw badRequest('The form needs a file field');
  const { db } = await runtime();
  const stored = await uploadActionEvidence(db, {
    actionId: id!,
    actor: ctx.locals.user!,
    file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    comment: typeof comment === 'string' ? comment : undefined,
    dataDir: config().dataDir,
  });
  return json(stored, 201);
});
