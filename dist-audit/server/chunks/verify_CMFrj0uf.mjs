import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { r as verifyDocument, t as MAX_VERIFY_BYTES } from "./verify-document_qsCjqQAj.mjs";
import { a as readBodyBytes, i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
// src/pages/api/reports/verify.ts
var verify_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var POST = handle(async (ctx) => {
	const bytes = await readBodyBytes(ctx.request, MAX_VERIFY_BYTES);
	const { db } = await runtime();
	return json(await verifyDocument(db, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
});
// \0virtual:astro:page:src/pages/api/reports/verify@_@ts
var page = () => verify_exports;
export { page };
