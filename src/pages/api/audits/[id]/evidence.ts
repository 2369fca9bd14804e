import type { APIRoute } from 'astro';
import { MAX_EVIDENCE_BYTES } from '../../../../lib/audit/evidence-type.ts';
import { uploadEvidence } from '../../../../lib/audit/upload-evidence.ts';
import { config } from '../../../../lib/config.ts';
import { badRequest } from '../../../../lib/errors.ts';
import { changeIdSchema } from '../../../../lib/offline/change-id.ts';
import { handle, json, readFormData } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { routeParams } from '../../_route-params.ts';

// the file plus the multipart framing and the itemId field
const MAX_BODY = MAX_EVIDENCE_BYTES + 64 * 1024;

// POST /api/audits/:id/evidence (multipart: itemId, file, changeId?): 201 with the stored file's id, type and SHA-256;
// 200 with the file attached before when the changeId was applied already.
export const POST: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const form = await readFormData(ctx.request, MAX_BODY);
  const itemId = form.get('itemId');
  const file = form.get('file');
  if (typeof itemId !== 'string' || !itemId) throw badRequest('The form needs an itemId field');
  if (!(file instanceof File)) throw badRequest('The form needs a file field');
  const changeId = form.get('changeId') ?? undefined;
  if (changeId !== undefined && !changeIdSchema.safeParse(changeId).success) throw badRequest('changeId is 8 to 100 letters, digits, "-" or "_"');
  const { db } = await runtime();
  const stored = await uploadEvidence(db, {
    auditId: params.id!,
    itemId,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    actor: ctx.locals.user!,
    dataDir: config().dataDir,
    changeId: changeId as string | undefined,
  });
  return json({ ...stored, url: `/api/evidence/${stored.id}` }, stored.applied ? 201 : 200);
});
