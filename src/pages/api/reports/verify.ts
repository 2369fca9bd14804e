import type { APIRoute } from 'astro';
import { MAX_VERIFY_BYTES, verifyDocument } from '../../../lib/audit/verify-document.ts';
import { handle, json, readBodyBytes } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';

// POST /api/reports/verify (body: the PDF itself, any content type): {valid, kind, id, signedAt, signer} or {valid: false, code, reason}.
export const POST: APIRoute = handle(async (ctx) => {
  const bytes = await readBodyBytes(ctx.request, MAX_VERIFY_BYTES);
  const { db } = await runtime();
  return json(await verifyDocument(db, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
});
